import { afterEach, describe, expect, it } from 'vitest';
import type { RelayFailure } from '../engine/model/relayed-outcome.ts';
import type { RelayAnswer, RelayedResponse } from '../engine/relay/contract.ts';
import { startRelay, type RunningRelay } from './start-relay.ts';
import { APP_ORIGIN, callRelay, relayGet } from './test-support/relay-client.ts';
import { startTargetServer } from './test-support/target-server.ts';
import { freePort } from '../demo/test-support/free-port.ts';

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function setUp(answer?: Parameters<typeof startTargetServer>[0], timeoutMs?: number) {
  const target = await startTargetServer(answer);
  const relay = await startRelay({ port: 0, allowedOrigins: [APP_ORIGIN], ...(timeoutMs ? { timeoutMs } : {}) });
  running.push(relay, target);
  return { target, relay };
}

async function relayed(relay: RunningRelay, body: unknown): Promise<RelayAnswer> {
  const response = await callRelay(relay, body);
  expect(response.status).toBe(200);
  return (await response.json()) as RelayAnswer;
}

function asResponse(outcome: RelayAnswer['response'] | undefined): RelayedResponse {
  expect(outcome).toHaveProperty('status');
  return outcome as RelayedResponse;
}

const names = (headers: Array<[string, string]>) => headers.map(([name]) => name);
const valueOf = (headers: Array<[string, string]>, name: string) => headers.find(([key]) => key === name)?.[1];

describe('what the relay forwards', () => {
  it('forwards no cookies, no proxy headers, no relay secret or grant and no Host or Origin override, but the request itself', async () => {
    const { target, relay } = await setUp((_req, res) => {
      res.setHeader('Set-Cookie', ['session=abc; HttpOnly', 'theme=dark']);
      res.end('{"ok":true}');
    });
    const result = await relayed(relay, {
      url: `${target.origin}/mcp?x=1`,
      method: 'post',
      headers: [
        ['Authorization', 'Bearer token-1'],
        ['Content-Type', 'application/json'],
        ['Cookie', 'session=stolen'],
        ['cookie2', '$Version=1'],
        ['Proxy-Authorization', 'Basic eDp5'],
        ['Host', 'internal.example'],
        ['Origin', 'https://evil.example'],
        ['X-Forwarded-Host', 'evil.example'],
        // The relay's own credentials never travel on to the target.
        ['X-Relay-Secret', 'relay-secret'],
        ['X-Relay-Grant', 'flow-grant'],
      ],
      body: '{"jsonrpc":"2.0"}',
      origin: APP_ORIGIN,
    });

    const [received] = target.received;
    expect(received).toMatchObject({ method: 'POST', path: '/mcp?x=1', body: '{"jsonrpc":"2.0"}' });
    expect(received?.headers).toEqual([
      ['host', new URL(target.origin).host],
      ['origin', APP_ORIGIN],
      ['authorization', 'Bearer token-1'],
      ['content-type', 'application/json'],
      ['content-length', '17'],
      ['connection', 'close'],
    ]);

    const response = asResponse(result.response);
    expect(response).toMatchObject({ status: 200, statusText: 'OK', body: '{"ok":true}', bodyBytes: 11, truncated: false });
    expect(response.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', '[not forwarded by the relay]'],
      ['set-cookie', '[not forwarded by the relay]'],
    ]);
    expect(JSON.stringify(result)).not.toContain('session=abc');
  });

  it('returns every response header in order, lower-case, repeated ones apart', async () => {
    const { target, relay } = await setUp((_req, res) => {
      res.writeHead(401, 'Unauthorized', [
        ['WWW-Authenticate', 'Bearer resource_metadata="x"'],
        ['Link', '<a>'],
        ['Link', '<b>'],
        ['Access-Control-Allow-Origin', '*'],
      ]);
      res.end();
    });
    const response = asResponse((await relayed(relay, relayGet(`${target.origin}/`))).response);
    expect(response.status).toBe(401);
    expect(response.headers.slice(0, 4)).toEqual([
      ['www-authenticate', 'Bearer resource_metadata="x"'],
      ['link', '<a>'],
      ['link', '<b>'],
      ['access-control-allow-origin', '*'],
    ]);
  });

  it('does not follow a redirect: the 3xx comes back with its Location', async () => {
    const { target, relay } = await setUp((req, res) => {
      res.writeHead(req.url === '/start' ? 302 : 200, { Location: '/elsewhere' }).end();
    });
    const response = asResponse((await relayed(relay, relayGet(`${target.origin}/start`))).response);
    expect(response).toMatchObject({ status: 302, location: '/elsewhere' });
    expect(target.received.map((request) => request.path)).toEqual(['/start']);
  });
});

describe('the preflight', () => {
  it('sends exactly the OPTIONS a browser sends, then the real request, even when the preflight fails', async () => {
    const { target, relay } = await setUp((req, res) => {
      res.statusCode = req.method === 'OPTIONS' ? 401 : 200;
      res.end();
    });
    const result = await relayed(relay, {
      ...relayGet(`${target.origin}/mcp`),
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: '{}',
      preflight: { method: 'POST', headers: ['Mcp-Protocol-Version', 'Content-Type', 'Authorization', 'content-type'] },
    });

    const [preflight, real] = target.received;
    expect(preflight).toEqual({
      method: 'OPTIONS',
      path: '/mcp',
      headers: [
        ['host', new URL(target.origin).host],
        ['origin', APP_ORIGIN],
        ['access-control-request-method', 'POST'],
        ['access-control-request-headers', 'authorization,content-type,mcp-protocol-version'],
        ['connection', 'close'],
      ],
      body: '',
    });
    expect(asResponse(result.preflight).status).toBe(401);
    expect(real?.method).toBe('POST');
    expect(asResponse(result.response).status).toBe(200);
  });

  it('leaves out Access-Control-Request-Headers when there are none, and sends no preflight unless asked', async () => {
    const { target, relay } = await setUp();
    await relayed(relay, { ...relayGet(`${target.origin}/`), method: 'DELETE', preflight: { method: 'delete', headers: [] } });
    expect(names(target.received[0]?.headers ?? [])).toEqual(['host', 'origin', 'access-control-request-method', 'connection']);
    expect(valueOf(target.received[0]?.headers ?? [], 'access-control-request-method')).toBe('DELETE');

    const result = await relayed(relay, relayGet(`${target.origin}/`));
    expect(result).not.toHaveProperty('preflight');
    expect(target.received).toHaveLength(3);
  });
});

describe('limits on the target', () => {
  it('reads at most 2 MiB of a body and says it truncated it, even from a body that never ends', async () => {
    const { target, relay } = await setUp((_req, res) => {
      const chunk = Buffer.alloc(256 * 1024, 'a');
      const write = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    });
    const response = asResponse((await relayed(relay, relayGet(`${target.origin}/`))).response);
    expect(response).toMatchObject({ status: 200, truncated: true, bodyBytes: 2 * 1024 * 1024 });
    expect(response.body).toHaveLength(2 * 1024 * 1024);
  });

  it('gives up on a target that never answers within the configured time', async () => {
    const { target, relay } = await setUp(() => undefined, 300);
    const started = Date.now();
    const result = await relayed(relay, { ...relayGet(`${target.origin}/`), preflight: { method: 'GET', headers: ['authorization'] } });
    const timedOut: RelayFailure = { kind: 'timeout', error: 'No answer within 300 ms.' };
    expect(result).toEqual({ preflight: timedOut, response: timedOut });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a target that refuses the connection in plain words', async () => {
    const { relay } = await setUp();
    const result = await relayed(relay, relayGet(`http://127.0.0.1:${await freePort()}/`));
    expect(result.response).toEqual({ kind: 'network', error: 'Could not connect: ECONNREFUSED.' });
  });
});
