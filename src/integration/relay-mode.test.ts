import { afterEach, describe, expect, it } from 'vitest';
import { withFlowGrant } from '../engine/relay/relay-grant.ts';
import { relayedHopOf, createRelayFetch } from '../engine/relay/relay-fetch.ts';
import { MCP_PATH, startFakeServer, type FakeServer, type FakeServerOptions } from '../engine/rules/test-support/fake-mcp-auth-server.ts';
import { APP_ORIGIN, runFlow } from '../engine/rules/test-support/run-flow.ts';
import { json } from '../engine/test-support/loopback-server.ts';
import { startTestRelay } from './test-relay.ts';

/**
 * Relay mode: every request goes through the real relay, so a server a browser cannot talk to
 * still shows the whole flow, and each exchange still says what a browser would have refused.
 */

let fake: FakeServer | undefined;
let relay: Awaited<ReturnType<typeof startTestRelay>> | undefined;
afterEach(async () => {
  await fake?.close();
  await relay?.close();
  fake = relay = undefined;
});

async function start(server: FakeServerOptions = {}) {
  fake = await startFakeServer(server);
  relay = await startTestRelay(APP_ORIGIN);
  return { fake, relay };
}

describe('relay mode in the engine', () => {
  it('gets past a server with no CORS at all, marks every exchange relayed, and says what a browser would refuse', async () => {
    const { fake, relay } = await start({ cors: (path, healthy) => (path === MCP_PATH ? {} : healthy) });
    const session = await runFlow(fake, { browser: true, relay, settings: { viaRelay: true }, then: (engine) => engine.callTool('echo', {}) });
    expect(session.status).toBe('done');
    const fetched = session.exchanges.filter((exchange) => exchange.outcome !== 'navigation');
    expect(fetched.every((exchange) => exchange.relayed === true && exchange.relay)).toBe(true);
    expect(session.exchanges.filter((exchange) => exchange.outcome === 'navigation').every((exchange) => !exchange.relayed)).toBe(true);
    // Every header is readable through the relay, so the flow reads the challenge itself.
    expect(session.steps.find((step) => step.id === 'challenge')?.status).toBe('ok');
    const noOrigin = session.findings.filter((finding) => finding.ruleId === 'cors.no-allow-origin');
    // Once per distinct answer (the 401 and the 200s), not once per request.
    expect(noOrigin.map((finding) => finding.detail.match(/POST \/mcp → (\d+)/)?.[1])).toEqual(['401', '200']);
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('http.blocked');
  });

  it('raises nothing against a healthy server in any version', async () => {
    for (const spec of ['2025-06-18', '2025-11-25', '2026-07-28'] as const) {
      const { fake, relay } = await start();
      const session = await runFlow(fake, { spec, browser: true, relay, settings: { viaRelay: true }, then: (engine) => engine.refresh() });
      expect(session.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.ruleId}: ${finding.detail}`)).toEqual([]);
      expect(session.status).toBe('done');
      await fake.close();
      await relay.close();
    }
    fake = relay = undefined;
  });

  it('a relay that is not running is a network error in words, never a CORS block', async () => {
    const { fake, relay } = await start();
    await relay.close();
    const session = await runFlow(fake, { browser: true, relay, settings: { viaRelay: true } });
    expect(session.findings.map((finding) => finding.ruleId)).toEqual(['http.network-error']);
    expect(session.findings[0]!.detail).toContain('Through the relay: The relay could not send it: The relay is not running.');
    expect(session.exchanges[0]).toMatchObject({ outcome: 'network-error', relayed: true });
  });

  it('without a relay, viaRelay is ignored and the browser sends everything', async () => {
    fake = await startFakeServer();
    const session = await runFlow(fake, { browser: true, settings: { viaRelay: true } });
    expect(session.status).toBe('done');
    expect(session.exchanges.some((exchange) => exchange.relayed)).toBe(false);
  });
});

describe('the relay fetch', () => {
  it('returns the real status, every header and the body, and keeps the relay answer with its preflight', async () => {
    const { fake, relay } = await start({ cors: (path, healthy) => (path === MCP_PATH ? {} : healthy) });
    const relayFetch = createRelayFetch({ relay: withFlowGrant(relay, fake.mcpUrl, APP_ORIGIN), appOrigin: APP_ORIGIN });
    const response = await relayFetch(fake.mcpUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata=');
    expect(await response.json()).toEqual({ error: 'unauthorized' });
    expect(response.url).toBe(fake.mcpUrl);
    const hop = relayedHopOf(response)!;
    expect(hop.preflightRequest).toEqual({ method: 'POST', headers: ['content-type'] });
    expect(hop.answer.preflight).toMatchObject({ status: 204 });
    expect(fake.requests.map((request) => request.method)).toEqual(['OPTIONS', 'POST']);
  });

  it('follows redirects as fetch does (a 302 turns POST into GET), unless asked not to', async () => {
    const { fake, relay } = await start({
      routes: {
        '/old': ({ response }) => (response.writeHead(302, { Location: '/new' }), response.end()),
        '/new': ({ response, request, body }) => json(response, 200, { method: request.method, body, contentType: request.headers['content-type'] ?? null }),
      },
    });
    const relayFetch = createRelayFetch({ relay: withFlowGrant(relay, `${fake.base}/old`, APP_ORIGIN), appOrigin: APP_ORIGIN });
    const followed = await relayFetch(`${fake.base}/old`, { method: 'POST', body: new URLSearchParams({ a: '1' }) });
    expect(await followed.json()).toEqual({ method: 'GET', body: '', contentType: null });
    expect(followed).toMatchObject({ url: `${fake.base}/new`, redirected: true });
    const manual = await relayFetch(`${fake.base}/old`, { method: 'POST', body: 'x', redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/new');
    await expect(relayFetch(`${fake.base}/old`, { redirect: 'error' })).rejects.toThrow('does not follow redirects');
  });
});
