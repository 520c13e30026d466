import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrantStore, GRANT_IDLE_MS, GRANT_MAX_AGE_MS } from './flow-grants.ts';
import { startRelay, type RunningRelay } from './start-relay.ts';
import { APP_ORIGIN, callRelay, relayGet, takeGrant } from './test-support/relay-client.ts';
import { startTargetServer, type TargetServer } from './test-support/target-server.ts';

/**
 * What a script that took the relay secret from the app's page can still do with it: only the
 * flow of one grant, one grant at a time. `service` stands for a private service on the user's
 * loopback, which the attack in issue 7 read through the relay.
 */
let relay: RunningRelay;
let service: TargetServer;
let mcp: TargetServer;
let auth: TargetServer;
let token: TargetServer;

const json = (body: unknown) => JSON.stringify(body);

beforeAll(async () => {
  service = await startTargetServer((_req, res) => res.end('private data'));
  token = await startTargetServer((_req, res) => res.end(json({ access_token: 'x' })));
  auth = await startTargetServer((req, res) => {
    if (req.url === '/.well-known/oauth-authorization-server')
      res.end(json({ issuer: auth.origin, token_endpoint: `${token.origin}/token`, authorization_endpoint: `${auth.origin}/authorize` }));
    else res.writeHead(404).end();
  });
  mcp = await startTargetServer((req, res) => {
    if (req.url === '/.well-known/oauth-protected-resource/mcp') res.end(json({ resource: `${mcp.origin}/mcp`, authorization_servers: [auth.origin] }));
    else res.writeHead(401, { 'WWW-Authenticate': `Bearer resource_metadata="${mcp.origin}/.well-known/oauth-protected-resource/mcp"` }).end();
  });
  relay = await startRelay({ port: 0, allowedOrigins: [APP_ORIGIN] });
});

afterAll(async () => {
  await relay.close();
  for (const server of [service, token, auth, mcp]) await server.close();
});

async function refusal(response: Response): Promise<{ status: number; grant?: string; error: string }> {
  const { error, grant } = (await response.json()) as { error: string; grant?: string };
  return { status: response.status, error, ...(grant ? { grant } : {}) };
}

describe('what a relay request needs besides the secret', () => {
  it('refuses a request without a grant, and sends nothing', async () => {
    const answer = await refusal(await callRelay(relay, relayGet(`${service.origin}/`), { grant: null }));
    expect(answer).toMatchObject({ status: 403, grant: 'missing' });
    expect(service.received).toEqual([]);
  });

  it('refuses POST /grants without the secret', async () => {
    const response = await fetch(`${relay.url}/grants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: json({ serverUrl: `${mcp.origin}/mcp` }),
    });
    expect(response.status).toBe(401);
  });
});

describe('a grant reaches its flow and nothing else', () => {
  it('refuses a loopback service that the flow’s server never named, and never contacts it', async () => {
    const grant = await takeGrant(relay, `${mcp.origin}/mcp`);
    const answer = await refusal(await callRelay(relay, relayGet(`${service.origin}/admin`), { grant }));
    expect(answer.status).toBe(403);
    expect(answer.grant).toBe('out-of-flow');
    expect(answer.error).toContain(`${service.origin} is not part of the flow this relay grant was given for (${mcp.origin}/mcp)`);
    expect(service.received).toEqual([]);
  });

  it('reaches the authorization server and token endpoint the server’s own metadata names, read by the relay itself', async () => {
    const grant = await takeGrant(relay, `${mcp.origin}/mcp`);
    // As in direct mode: the browser read the metadata, and only the token request is asked of the relay.
    const tokenAnswer = await callRelay(relay, { ...relayGet(`${token.origin}/token`), method: 'POST', body: 'grant_type=x' }, { grant });
    expect(tokenAnswer.status).toBe(200);
    expect(((await tokenAnswer.json()) as { response: { status: number } }).response.status).toBe(200);
    const metadata = await callRelay(relay, relayGet(`${auth.origin}/.well-known/oauth-authorization-server`), { grant });
    expect(metadata.status).toBe(200);
    expect(service.received).toEqual([]);
  });

  it('a server that names the service as its authorization server opens only that flow, not another grant’s', async () => {
    const grant = await takeGrant(relay, `${service.origin}/`);
    expect((await callRelay(relay, relayGet(`${service.origin}/`), { grant })).status).toBe(200);
    // The grant for the service does not reach the MCP server's token endpoint.
    expect((await refusal(await callRelay(relay, relayGet(`${token.origin}/token`), { grant }))).grant).toBe('out-of-flow');
  });
});

describe('one grant at a time', () => {
  it('a second grant replaces the first, and the first’s holder is told why', async () => {
    const first = await takeGrant(relay, `${mcp.origin}/mcp`);
    expect((await callRelay(relay, relayGet(`${mcp.origin}/mcp`), { grant: first })).status).toBe(200);
    await takeGrant(relay, `${service.origin}/`);
    const answer = await refusal(await callRelay(relay, relayGet(`${mcp.origin}/mcp`), { grant: first }));
    expect(answer).toMatchObject({ status: 403, grant: 'replaced' });
    expect(answer.error).toContain('replaced by a newer one');
  });
});

describe('grants lapse', () => {
  it('after ten idle minutes, or an hour after they were given, however busy', () => {
    let now = 0;
    const store = createGrantStore(() => now);
    const idle = store.issue(new URL('http://127.0.0.1:1/'));
    now = GRANT_IDLE_MS + 1;
    expect(store.check(idle.id)).toBe('expired');

    const busy = store.issue(new URL('http://127.0.0.1:1/'));
    for (let minute = 0; now - busy.createdAt <= GRANT_MAX_AGE_MS; minute += 1) {
      expect(store.check(busy.id)).toBe(busy);
      now += 60_000;
    }
    expect(store.check(busy.id)).toBe('expired');
  });
});
