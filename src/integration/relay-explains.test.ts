import { afterEach, describe, expect, it } from 'vitest';
import { RELAY_NOT_RUNNING, RelayError } from '../engine/relay/relay-error.ts';
import { FlowEngine } from '../engine/flow/engine.ts';
import { MCP_PATH, startFakeServer, type FakeServer, type FakeServerOptions } from '../engine/rules/test-support/fake-mcp-auth-server.ts';
import { redirectFollowingUserAgent } from '../engine/rules/test-support/redirect-following-user-agent.ts';
import { APP_ORIGIN, runFlow, type RunOptions } from '../engine/rules/test-support/run-flow.ts';
import type { FlowSession } from '../engine/model/session.ts';
import { json } from '../engine/test-support/loopback-server.ts';
import { startTestRelay } from './test-relay.ts';

/**
 * Direct mode with a relay: the engine asks the real relay about what the browser blocked or
 * hid, keeps the answer on the exchange, and says which it was. The browser is the Node model of
 * its CORS filter (engine rules test-support); the servers and the relay are real.
 */

let fake: FakeServer | undefined;
let relay: Awaited<ReturnType<typeof startTestRelay>> | undefined;
afterEach(async () => {
  await fake?.close();
  await relay?.close();
  fake = relay = undefined;
});

const exposeNothing: FakeServerOptions['cors'] = (path, healthy) => (path === MCP_PATH ? { 'Access-Control-Allow-Origin': '*' } : healthy);
const findings = (session: FlowSession) => session.findings.map((finding) => finding.ruleId);

async function run(server: FakeServerOptions, options: RunOptions & { withRelay?: boolean } = {}): Promise<FlowSession> {
  fake = await startFakeServer(server);
  if (options.withRelay ?? true) relay = await startTestRelay(APP_ORIGIN);
  return runFlow(fake, { browser: true, ...options, ...(relay ? { relay } : {}) });
}

describe('a 401 whose WWW-Authenticate the script cannot read', () => {
  it('hidden by CORS, confirmed: the relay shows the challenge the server sent', async () => {
    const session = await run({ cors: exposeNothing });
    const hidden = session.findings.find((finding) => finding.ruleId === 'challenge.hidden-by-cors')!;
    expect(hidden.detail).toContain(`The relay confirms the server sends "WWW-Authenticate: Bearer resource_metadata="${fake!.base}`);
    expect(findings(session)).toContain('cors.header-not-exposed');
    const unauthenticated = session.exchanges[0]!;
    expect(unauthenticated.relay?.needed).toEqual([expect.objectContaining({ name: 'www-authenticate', sent: true, exposed: false })]);
    expect(unauthenticated.relayed).toBeUndefined();
    // The browser's truth: the flow went on the way a browser client would, from the well-known URLs;
    // the step still reads failed, as its finding (challenge.hidden-by-cors) is an error.
    expect(session.steps.find((step) => step.id === 'challenge')?.status).toBe('failed');
    expect(session.steps.find((step) => step.id === 'prm')?.status).not.toBe('pending');
  });

  it('truly absent: the relay shows no challenge at all, so it is a missing challenge, not CORS', async () => {
    const session = await run({ cors: exposeNothing, challenge: () => undefined });
    expect(findings(session)).toEqual(['challenge.missing-soft']);
    expect(session.findings[0]!.detail).toContain('the relay confirms the server sends none, so this is not a CORS problem');
  });

  it('2025-06-18: the missing challenge is a MUST, and the step stops as a client must', async () => {
    const session = await run({ cors: exposeNothing, challenge: () => undefined }, { spec: '2025-06-18' });
    expect(findings(session)).toEqual(['challenge.missing']);
    expect(session.steps.find((step) => step.id === 'challenge')).toMatchObject({ status: 'failed', continuable: true });
  });

  it('unknown without a relay: the finding says it cannot tell', async () => {
    const session = await run({ cors: exposeNothing }, { withRelay: false });
    expect(findings(session)).toEqual(['challenge.hidden-by-cors']);
    expect(session.findings[0]!.detail).toContain('Without the relay (npm start) the app cannot tell which.');
    expect(session.exchanges.some((exchange) => exchange.relay)).toBe(false);
  });
});

describe('an initialize whose Mcp-Session-Id the script cannot read', () => {
  const exposeChallengeOnly: FakeServerOptions['cors'] = (path, healthy) =>
    path === MCP_PATH ? { ...healthy, 'Access-Control-Expose-Headers': 'WWW-Authenticate' } : healthy;

  it('hidden: both the browser-side finding and the verdict, with the header line', async () => {
    const session = await run({ cors: exposeChallengeOnly }, { spec: '2025-11-25' });
    expect(findings(session).sort()).toEqual(['cors.session-id-not-exposed', 'mcp.session-id-hidden-by-cors']);
    expect(session.findings.find((finding) => finding.ruleId === 'mcp.session-id-hidden-by-cors')!.detail).toContain(
      'The relay confirms the server sets "Mcp-Session-Id: session-1"',
    );
  });

  it('a server that keeps no session: nothing is hidden, and no finding says otherwise', async () => {
    const statelessInitialize: FakeServerOptions['routes'] = {
      [MCP_PATH]: ({ response, rpc, bearer }, healthy) =>
        bearer && rpc?.method === 'initialize'
          ? json(response, 200, {
              jsonrpc: '2.0',
              id: rpc.id,
              result: { protocolVersion: rpc.params?.protocolVersion, capabilities: {}, serverInfo: { name: 'stateless', version: '1' } },
            })
          : healthy(),
    };
    const session = await run({ cors: exposeChallengeOnly, routes: statelessInitialize }, { spec: '2025-11-25' });
    expect(findings(session)).toEqual([]);
    expect(session.steps.find((step) => step.id === 'mcp-authenticated')?.notes).toContain(
      'initialize set no Mcp-Session-Id: the relay confirms the server keeps no session, so nothing is hidden',
    );
  });
});

describe('a stateless 2025-11-25 server as the SDK builds one (no session id generator) behind cors() defaults', () => {
  // express cors() with no options: Access-Control-Allow-Origin: * and nothing exposed. The SDK's
  // stateless transport answers initialize as an event stream and sets no Mcp-Session-Id.
  const statelessEventStream: FakeServerOptions['routes'] = {
    [MCP_PATH]: ({ response, rpc, bearer }, healthy) => {
      if (!bearer || rpc?.method !== 'initialize') return healthy();
      const result = { protocolVersion: rpc.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'stateless', version: '1' } };
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.end(`event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id: rpc.id, result })}\n\n`);
    },
  };

  it('with the relay: no mcp.session-id-hidden-by-cors, as the relay shows no Mcp-Session-Id was sent', async () => {
    const session = await run({ cors: exposeNothing, routes: statelessEventStream }, { spec: '2025-11-25' });
    expect(findings(session)).not.toContain('mcp.session-id-hidden-by-cors');
    expect(findings(session)).not.toContain('cors.session-id-not-exposed');
    expect(session.steps.find((step) => step.id === 'mcp-authenticated')?.notes).toContain(
      'initialize set no Mcp-Session-Id: the relay confirms the server keeps no session, so nothing is hidden',
    );
    // The challenge it did send is hidden, and that is what the findings say.
    expect(findings(session)).toEqual(expect.arrayContaining(['challenge.hidden-by-cors', 'cors.header-not-exposed']));
    expect(session.status).toBe('done');
  });

  it('without the relay, the finding can only say it cannot tell', async () => {
    const session = await run({ cors: exposeNothing, routes: statelessEventStream }, { spec: '2025-11-25', withRelay: false });
    const hidden = session.findings.find((finding) => finding.ruleId === 'mcp.session-id-hidden-by-cors');
    expect(hidden?.detail).toContain('If the server set one, the browser hid it');
  });
});

describe('a request the browser blocked', () => {
  const noCors: FakeServerOptions['cors'] = (path, healthy) => (path === MCP_PATH ? {} : healthy);

  it('stays blocked where the browser stopped, and the relay says why', async () => {
    const session = await run({ cors: noCors });
    expect(session.status).toBe('failed');
    expect(session.steps[0]).toMatchObject({ id: 'mcp-unauthenticated', status: 'blocked' });
    const blocked = session.findings.find((finding) => finding.ruleId === 'http.blocked')!;
    expect(blocked.detail).toContain('The relay re-sent it: the server answered HTTP 401 (WWW-Authenticate: Bearer resource_metadata=');
    expect(blocked.detail).toContain('), and a browser refuses it because of cors.no-allow-origin');
    expect(session.exchanges[0]!.relay?.preflight).toMatchObject({ status: 204 });
  });

  it('with the relay down: the same blocked finding as without one, and a note saying why there is no more', async () => {
    fake = await startFakeServer({ cors: noCors });
    const down = await startTestRelay(APP_ORIGIN);
    await down.close();
    const session = await runFlow(fake, { browser: true, relay: down });
    expect(findings(session)).toEqual(['http.blocked']);
    expect(session.findings[0]!.detail).not.toContain('relay');
    expect(session.steps[0]!.notes.at(-1)).toContain(`Could not ask the relay why: ${RELAY_NOT_RUNNING}`);
  });

  it('with a stale secret: the note says to reload', async () => {
    fake = await startFakeServer({ cors: noCors });
    relay = await startTestRelay(APP_ORIGIN);
    const session = await runFlow(fake, { browser: true, relay: { url: relay.url, secret: 'x'.repeat(43) } });
    expect(session.steps[0]!.notes.at(-1)).toContain('The relay refused the secret: it makes a new one at each start. Reload the app');
  });

  it('the server unreachable for the relay too: not CORS', async () => {
    fake = await startFakeServer();
    const gone = fake.mcpUrl;
    await fake.close();
    fake = undefined;
    relay = await startTestRelay(APP_ORIGIN);
    const session = await runFlow({ mcpUrl: gone }, { browser: true, relay });
    expect(findings(session)).toEqual(['http.blocked']);
    expect(session.findings[0]!.detail).toContain('The relay could not reach the server either (Could not connect: ECONNREFUSED.), so this is not CORS');
    expect(session.exchanges[0]!.relay).toMatchObject({ response: { kind: 'network' }, verdicts: [] });
  });
});

describe('askRelay on demand', () => {
  it('explains an exchange recorded without a relay, and corrects a hidden challenge that was never sent', async () => {
    const session = await run({ cors: exposeNothing, challenge: () => undefined }, { withRelay: false });
    expect(findings(session)).toEqual(['challenge.hidden-by-cors']);
    relay = await startTestRelay(APP_ORIGIN);
    const engine = new FlowEngine(session, { userAgent: redirectFollowingUserAgent, relay: { ...relay, appOrigin: APP_ORIGIN } });
    const report = await engine.askRelay('x1');
    expect(report.needed).toEqual([
      { name: 'www-authenticate', sent: false, exposed: false },
      { name: 'mcp-session-id', sent: false, exposed: false },
    ]);
    expect(engine.snapshot.exchanges[0]!.relay).toEqual(report);
    expect(findings(engine.snapshot)).toEqual(['challenge.hidden-by-cors', 'challenge.missing-soft']);
    // Asking again gives the same answer, and no second finding.
    expect(await engine.askRelay('x1')).toBe(report);
    expect(engine.snapshot.findings).toHaveLength(2);
  });

  it('fails in words the user can act on', async () => {
    fake = await startFakeServer();
    const session = await runFlow(fake, { browser: true });
    const without = new FlowEngine(session, { userAgent: redirectFollowingUserAgent });
    await expect(without.askRelay('x1')).rejects.toThrow(RELAY_NOT_RUNNING);
    relay = await startTestRelay(APP_ORIGIN);
    const stale = new FlowEngine(session, { userAgent: redirectFollowingUserAgent, relay: { url: relay.url, secret: 'y'.repeat(43), appOrigin: APP_ORIGIN } });
    await expect(stale.askRelay('x1')).rejects.toMatchObject({ code: 'secret' });
    const foreign = new FlowEngine(session, { userAgent: redirectFollowingUserAgent, relay: { ...relay, appOrigin: 'http://evil.example' } });
    await expect(foreign.askRelay('x1')).rejects.toBeInstanceOf(RelayError);
    await expect(foreign.askRelay('x1')).rejects.toMatchObject({ code: 'refused' });
    const navigation = session.exchanges.find((exchange) => exchange.outcome === 'navigation')!;
    const engine = new FlowEngine(session, { userAgent: redirectFollowingUserAgent, relay: { ...relay, appOrigin: APP_ORIGIN } });
    await expect(engine.askRelay(navigation.id)).rejects.toThrow('CORS does not apply to a browser navigation');
  });
});
