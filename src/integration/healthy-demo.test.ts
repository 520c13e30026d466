import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../demo/test-support/demo-servers.ts';
import { TEST_REDIRECT_URI, discover, registerClient } from '../demo/test-support/headless-oauth-client.ts';
import { createSession } from '../engine/flow/create-session.ts';
import { FlowEngine } from '../engine/flow/engine.ts';
import type { FlowSettings } from '../engine/model/session.ts';
import type { SpecVersion } from '../engine/spec/versions.ts';
import { demoLoginUserAgent } from './demo-login-user-agent.ts';

let demo: DemoServers;
beforeAll(async () => {
  demo = await startDemoServers();
});
afterAll(async () => demo.close());

function engineFor(overrides: Partial<FlowSettings> = {}, agent = demoLoginUserAgent()) {
  const settings: FlowSettings = {
    serverUrl: demo.mcp.url,
    specVersion: '2026-07-28',
    timeoutMs: 10_000,
    redirectUri: TEST_REDIRECT_URI,
    clientName: 'integration test',
    registration: { mode: 'auto' },
    ...overrides,
  };
  return { engine: new FlowEngine(createSession(settings), { userAgent: agent, runtime: 'node' }), agent };
}

const problems = (engine: FlowEngine) =>
  engine.snapshot.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.ruleId}: ${finding.detail}`);

describe('the engine against the healthy demo', () => {
  for (const version of ['2026-07-28', '2025-11-25', '2025-06-18'] as SpecVersion[]) {
    it(`completes ${version} with no error or warning`, async () => {
      const { engine } = engineFor({ specVersion: version });
      await engine.runAll();
      expect(problems(engine)).toEqual([]);
      expect(engine.snapshot.status).toBe('done');
      expect(engine.snapshot.learned.tools?.map((tool) => tool.name)).toEqual(expect.arrayContaining(['echo', 'add', 'admin_report']));
      const first = engine.snapshot.exchanges[0]!.request.body!;
      expect(first).toContain(version === '2026-07-28' ? '"server/discover"' : '"initialize"');
    });
  }

  it('calls a tool, steps up for one that needs more scope, refreshes, and passes the audit', async () => {
    const { engine, agent } = engineFor();
    await engine.runAll();
    const echo = await engine.callTool('echo', { message: 'hello <b>world</b>' });
    expect(echo.ok).toBe(true);
    expect(JSON.stringify(echo.result)).toContain('hello <b>world</b>');

    const report = await engine.callTool('admin_report', {});
    expect(report).toMatchObject({ ok: true });
    expect(agent.logins).toBe(2);
    // 2026-07-28 asks for the union of what it had and what the 403 named.
    const stepUp = engine.snapshot.exchanges.filter((exchange) => exchange.outcome === 'navigation').at(-2)!;
    expect(new URL(stepUp.request.url).searchParams.get('scope')!.split(' ').sort()).toEqual(['mcp:admin', 'mcp:tools']);
    expect(engine.snapshot.steps.map((step) => step.title ?? step.kind)).toEqual(
      expect.arrayContaining(['Call tool admin_report', 'Step-up: PKCE and the authorization request', 'Step-up: Token request']),
    );

    const before = engine.snapshot.learned.tokens!.refresh_token;
    await engine.refresh();
    expect(engine.snapshot.steps.at(-1)).toMatchObject({ kind: 'refresh', status: 'ok' });
    expect(engine.snapshot.learned.tokens!.refresh_token).not.toBe(before);
    const refreshBody = engine.snapshot.exchanges.at(-1)!.request.body!;
    expect(new URLSearchParams(refreshBody).get('resource')).toBe(demo.mcp.url);

    await engine.audit();
    expect(engine.snapshot.steps.at(-1)).toMatchObject({ kind: 'audit', status: 'ok' });
    expect(engine.snapshot.exchanges.slice(-3).map((exchange) => exchange.response?.status)).toEqual([401, 401, 401]);
    expect(problems(engine)).toEqual([]);
    expect(engine.snapshot.status).toBe('done');
  });

  it('2025-11-25 step-up asks for the challenged scopes as they are', async () => {
    const { engine } = engineFor({ specVersion: '2025-11-25' });
    await engine.runAll();
    const result = await engine.callTool('admin_report', {});
    expect(result.ok).toBe(true);
    const stepUp = engine.snapshot.exchanges.filter((exchange) => exchange.outcome === 'navigation').at(-2)!;
    const challenged = engine.snapshot.steps.find((step) => step.kind === 'tool-call')!.notes.join(' ');
    expect(challenged).toContain('insufficient_scope');
    expect(new URL(stepUp.request.url).searchParams.get('scope')).toBe('mcp:tools mcp:admin');
  });

  it('uses a pre-registered public client without registering again', async () => {
    const clientId = await registerClient(await discover(demo.auth.issuer));
    const { engine } = engineFor({ registration: { mode: 'pre-registered', clientId } });
    await engine.runAll();
    expect(problems(engine)).toEqual([]);
    expect(engine.snapshot.status).toBe('done');
    expect(engine.snapshot.exchanges.some((exchange) => exchange.request.url.endsWith('/reg'))).toBe(false);
    expect(engine.snapshot.learned.client).toMatchObject({ client_id: clientId, token_endpoint_auth_method: 'none' });
  });

  it('Auto settles on 2026-07-28 for a server that answers server/discover, and says why', async () => {
    const { engine } = engineFor({ autoVersion: true });
    await engine.runAll();
    expect(engine.snapshot.status).toBe('done');
    expect(engine.snapshot.settings.specVersion).toBe('2026-07-28');
    const why = engine.snapshot.findings.find((finding) => finding.ruleId === 'version.auto-chosen');
    expect(why?.detail).toContain('server/discover');
  });
});

describe('the engine against the demo’s 2025-03-26 server', () => {
  let legacyDemo: DemoServers;
  beforeAll(async () => {
    legacyDemo = await startDemoServers({ scenarios: true });
  });
  afterAll(async () => legacyDemo.close());

  it('completes the legacy path with no error or warning', async () => {
    const serverUrl = new URL('/s/legacy-2025-03-26/mcp', legacyDemo.mcp.url).href;
    const engine = new FlowEngine(
      createSession({
        serverUrl,
        specVersion: '2025-03-26',
        timeoutMs: 10_000,
        redirectUri: TEST_REDIRECT_URI,
        clientName: 'legacy test',
        registration: { mode: 'auto' },
      }),
      { userAgent: demoLoginUserAgent(), runtime: 'node' },
    );
    await engine.runAll();
    expect(problems(engine)).toEqual([]);
    expect(engine.snapshot.steps.map((step) => `${step.kind}:${step.status}`)).toEqual([
      'mcp-unauthenticated:ok',
      'as-discovery:ok',
      'registration:ok',
      'authorize:ok',
      'callback:ok',
      'token:ok',
      'mcp-authenticated:ok',
    ]);
  });
});
