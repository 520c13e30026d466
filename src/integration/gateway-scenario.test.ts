import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioMcpUrl } from '../demo/scenarios/catalog.ts';
import { startDemoServers, type DemoServers } from '../demo/test-support/demo-servers.ts';
import { TEST_APP_ORIGIN, TEST_REDIRECT_URI } from '../demo/test-support/headless-oauth-client.ts';
import { createSession } from '../engine/flow/create-session.ts';
import { FlowEngine } from '../engine/flow/engine.ts';
import type { FlowSession } from '../engine/model/session.ts';
import type { EngineRelay } from '../engine/relay/relay-explainer.ts';
import { browserCorsFetch } from '../engine/rules/test-support/browser-cors-fetch.ts';
import { demoLoginUserAgent } from './demo-login-user-agent.ts';
import { startTestRelay } from './test-relay.ts';

/**
 * The metadata-behind-gateway scenario as the app runs it (through the Node model of the browser's
 * CORS filter) and as the CLI runs it: the challenge's metadata URL is behind a gateway's Basic auth,
 * the path-inserted well-known URL is not, and both runs get through.
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

async function run(as: 'browser' | 'browser with relay' | 'cli'): Promise<FlowSession> {
  const browser = as !== 'cli';
  const engineRelay: EngineRelay = { ...relay, appOrigin: TEST_APP_ORIGIN, fetchImpl: browserCorsFetch(TEST_APP_ORIGIN) };
  const engine = new FlowEngine(
    createSession({
      serverUrl: scenarioMcpUrl(demo.mcpOrigin, 'metadata-behind-gateway'),
      specVersion: '2026-07-28',
      timeoutMs: 10_000,
      redirectUri: TEST_REDIRECT_URI,
      clientName: 'gateway scenario test',
      registration: { mode: 'auto' },
    }),
    {
      userAgent: demoLoginUserAgent(),
      ...(browser ? { runtime: 'browser', fetchImpl: browserCorsFetch(TEST_APP_ORIGIN) } : { runtime: 'node' }),
      ...(as === 'browser with relay' ? { relay: engineRelay } : {}),
    },
  );
  await engine.runAll();
  return engine.snapshot;
}

const guardedUrl = () => `${scenarioMcpUrl(demo.mcpOrigin, 'metadata-behind-gateway')}/.well-known/oauth-protected-resource`;
const rules = (session: FlowSession) => session.findings.map((finding) => finding.ruleId);
const prmTried = (session: FlowSession) => session.exchanges.filter((exchange) => exchange.stepId === 'prm').map((exchange) => exchange.outcome);

describe('metadata-behind-gateway', () => {
  it('in the browser: the guarded URL is blocked, the well-known URL is tried next, and the flow completes', async () => {
    const session = await run('browser');
    expect(prmTried(session)).toEqual(['blocked', 'response']);
    expect(session.status).toBe('done');
    expect(rules(session)).toEqual(['http.blocked']);
  });

  it('in the browser with the relay: the gateway’s challenge is named, and the fix is an exemption, not a new resource_metadata', async () => {
    const session = await run('browser with relay');
    expect(session.status).toBe('done');
    expect(rules(session)).toEqual(expect.arrayContaining(['http.blocked', 'cors.no-allow-origin', 'prm.behind-auth']));
    expect(rules(session)).not.toContain('prm.challenge-url-unusable');
    const behindAuth = session.findings.find((finding) => finding.ruleId === 'prm.behind-auth')!;
    expect(behindAuth.detail).toBe(
      `${guardedUrl()} answered the relay HTTP 401 (WWW-Authenticate: Basic realm="corp-gateway"; ` +
        'the body reads "401 Authorization Required Authorization Required Sign in to corp-gateway to reach this page.").',
    );
  });

  it('from the CLI: the same verdict from the gateway’s own answer', async () => {
    const session = await run('cli');
    expect(prmTried(session)).toEqual(['response', 'response']);
    expect(session.status).toBe('done');
    expect(rules(session)).toEqual(['prm.behind-auth']);
  });
});
