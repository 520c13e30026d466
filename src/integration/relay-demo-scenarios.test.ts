import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioMcpUrl, type ScenarioId } from '../demo/scenarios/catalog.ts';
import { startDemoServers, type DemoServers } from '../demo/test-support/demo-servers.ts';
import { TEST_APP_ORIGIN, TEST_REDIRECT_URI } from '../demo/test-support/headless-oauth-client.ts';
import { createSession } from '../engine/flow/create-session.ts';
import { FlowEngine } from '../engine/flow/engine.ts';
import { browserCorsFetch } from '../engine/rules/test-support/browser-cors-fetch.ts';
import type { FlowSession } from '../engine/model/session.ts';
import { demoLoginUserAgent } from './demo-login-user-agent.ts';
import { startTestRelay } from './test-relay.ts';

/**
 * The demo's CORS scenarios, judged through the real relay: what `npm start` shows a user who
 * picks them, direct (the browser's truth, through the Node model of the browser's CORS filter)
 * and in relay mode.
 */

let demo: DemoServers;
let relay: Awaited<ReturnType<typeof startTestRelay>>;
beforeAll(async () => {
  demo = await startDemoServers({ scenarios: true });
  relay = await startTestRelay(TEST_APP_ORIGIN);
});
afterAll(async () => {
  await relay?.close();
  await demo?.close();
});

async function runScenario(id: ScenarioId, viaRelay: boolean): Promise<FlowSession> {
  const engine = new FlowEngine(
    createSession({
      serverUrl: scenarioMcpUrl(demo.mcpOrigin, id),
      specVersion: '2026-07-28',
      timeoutMs: 10_000,
      redirectUri: TEST_REDIRECT_URI,
      clientName: 'relay scenario test',
      registration: { mode: 'auto' },
      viaRelay,
    }),
    {
      userAgent: demoLoginUserAgent(),
      runtime: 'browser',
      fetchImpl: browserCorsFetch(TEST_APP_ORIGIN),
      relay: { ...relay, appOrigin: TEST_APP_ORIGIN, fetchImpl: browserCorsFetch(TEST_APP_ORIGIN) },
    },
  );
  await engine.runAll();
  return engine.snapshot;
}

const rules = (session: FlowSession) => [...new Set(session.findings.map((finding) => finding.ruleId))];

describe('demo CORS scenarios, direct mode with the relay', () => {
  it('WWW-Authenticate not exposed: the header line to add, and the flow goes on as a browser client would', async () => {
    const session = await runScenario('challenge-not-exposed', false);
    expect(rules(session)).toEqual(expect.arrayContaining(['challenge.hidden-by-cors', 'cors.header-not-exposed']));
    const verdict = session.findings.find((finding) => finding.ruleId === 'cors.header-not-exposed')!;
    expect(verdict.detail).toContain('Send: Access-Control-Expose-Headers: Mcp-Session-Id, WWW-Authenticate');
  });

  it('no CORS: blocked at the first request, with the relay’s reasons', async () => {
    const session = await runScenario('no-cors', false);
    expect(session.steps[0]).toMatchObject({ status: 'blocked' });
    expect(rules(session)).toEqual(expect.arrayContaining(['http.blocked', 'cors.no-allow-origin', 'cors.header-not-allowed']));
  });

  it('token endpoint without CORS: the token request is blocked and explained', async () => {
    const session = await runScenario('token-no-cors', false);
    expect(session.steps.find((step) => step.kind === 'token')).toMatchObject({ status: 'blocked' });
    expect(session.findings.find((finding) => finding.ruleId === 'cors.no-allow-origin')!.detail).toMatch(
      /The response \(POST \/.*token → \d{3}\): no Access-Control-Allow-Origin/,
    );
  });
});

describe('demo CORS scenarios in relay mode', () => {
  it('preflight demands auth: the flow completes through the relay, and the verdict names it', async () => {
    const session = await runScenario('preflight-needs-auth', true);
    expect(session.status).toBe('done');
    expect(rules(session)).toEqual(expect.arrayContaining(['cors.preflight-unauthorized']));
    expect(session.findings.find((finding) => finding.ruleId === 'cors.preflight-unauthorized')!.detail).toContain(
      `Answer it with: HTTP/1.1 204 No Content | Access-Control-Allow-Origin: ${TEST_APP_ORIGIN}`,
    );
  });

  it('no CORS: the flow completes through the relay', async () => {
    const session = await runScenario('no-cors', true);
    expect(session.status).toBe('done');
    expect(rules(session)).toEqual(expect.arrayContaining(['cors.no-allow-origin']));
    expect(rules(session)).not.toContain('http.blocked');
  });

  it('the healthy demo raises nothing', async () => {
    const session = await runScenario('healthy', true);
    expect(session.status).toBe('done');
    expect(session.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.ruleId}: ${finding.detail}`)).toEqual([]);
  });
});
