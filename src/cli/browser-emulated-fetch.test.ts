import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../engine/test-support/loopback-server.ts';
import { browserEmulatedFetch } from './browser-emulated-fetch.ts';

const ORIGIN = 'http://localhost:3000';
const MCP_POST: RequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'mcp-protocol-version': '2025-11-25' },
  body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
};

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Awaited<ReturnType<typeof startLoopbackServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers the preflight and the request with the given headers, and keeps what it was sent. */
async function serve(preflight: OutgoingHttpHeaders & { status?: number }, response: OutgoingHttpHeaders & { status?: number }) {
  const seen: Seen[] = [];
  server = await startLoopbackServer(() => (request, res) => {
    seen.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    const { status, ...headers } = request.method === 'OPTIONS' ? preflight : response;
    res.writeHead(status ?? (request.method === 'OPTIONS' ? 204 : 200), headers);
    res.end(request.method === 'OPTIONS' ? undefined : '{"ok":true}');
  });
  return { url: `${server.base}/mcp`, seen };
}

const allowAll = {
  'access-control-allow-origin': ORIGIN,
  'access-control-allow-methods': 'GET, POST, DELETE',
  'access-control-allow-headers': 'Authorization, Content-Type, Mcp-Protocol-Version',
};

describe('browserEmulatedFetch', () => {
  it('sends the preflight a browser sends, then the request with Origin, and reads the body', async () => {
    const { url, seen } = await serve(allowAll, { 'access-control-allow-origin': ORIGIN, 'content-type': 'application/json' });
    const response = await browserEmulatedFetch(ORIGIN)(url, MCP_POST);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.type).toBe('cors');
    expect(seen.map(({ method }) => method)).toEqual(['OPTIONS', 'POST']);
    expect(seen[0]!.headers).toMatchObject({
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,mcp-protocol-version',
    });
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[1]!.headers).toMatchObject({ origin: ORIGIN, authorization: 'Bearer t' });
  });

  it('sends no preflight for a CORS-safelisted request (a form POST, a plain GET)', async () => {
    const { url, seen } = await serve(allowAll, { 'access-control-allow-origin': '*' });
    await browserEmulatedFetch(ORIGIN)(url, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code' }) });
    await browserEmulatedFetch(ORIGIN)(url);
    expect(seen.map(({ method }) => method)).toEqual(['POST', 'GET']);
  });

  it('fails like a browser when the server sends no CORS headers at all: the request itself is never sent', async () => {
    const { url, seen } = await serve({}, {});
    await expect(browserEmulatedFetch(ORIGIN)(url, MCP_POST)).rejects.toThrow(new TypeError('Failed to fetch'));
    expect(seen.map(({ method }) => method)).toEqual(['OPTIONS']);
  });

  it.each([
    ['a 401 preflight (auth before CORS)', { ...allowAll, status: 401 }],
    ['another origin allowed', { ...allowAll, 'access-control-allow-origin': 'http://localhost:5173' }],
    ['a * for the headers, which never covers Authorization', { ...allowAll, 'access-control-allow-headers': '*' }],
    ['headers listed without Mcp-Protocol-Version', { ...allowAll, 'access-control-allow-headers': 'Authorization, Content-Type' }],
  ])('blocks on %s', async (_, preflight) => {
    const { url, seen } = await serve(preflight, { 'access-control-allow-origin': ORIGIN });
    await expect(browserEmulatedFetch(ORIGIN)(url, MCP_POST)).rejects.toThrow('Failed to fetch');
    expect(seen.map(({ method }) => method)).toEqual(['OPTIONS']);
  });

  it('blocks a DELETE the method list does not name (GET, HEAD and POST never need one)', async () => {
    const { url, seen } = await serve({ ...allowAll, 'access-control-allow-methods': 'GET, POST' }, { 'access-control-allow-origin': ORIGIN });
    await expect(browserEmulatedFetch(ORIGIN)(url, { ...MCP_POST, method: 'DELETE' })).rejects.toThrow('Failed to fetch');
    await browserEmulatedFetch(ORIGIN)(url, MCP_POST);
    expect(seen.map(({ method }) => method)).toEqual(['OPTIONS', 'OPTIONS', 'POST']);
  });

  it('passes a * for the headers when they include no Authorization, and a wildcard origin (no credentials are sent)', async () => {
    const { url } = await serve(
      { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-credentials': 'true' },
      { 'access-control-allow-origin': '*' },
    );
    const response = await browserEmulatedFetch(ORIGIN)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(200);
  });

  it('blocks a response without Access-Control-Allow-Origin after a good preflight', async () => {
    const { url, seen } = await serve(allowAll, { 'www-authenticate': 'Bearer' });
    await expect(browserEmulatedFetch(ORIGIN)(url, MCP_POST)).rejects.toThrow('Failed to fetch');
    expect(seen.map(({ method }) => method)).toEqual(['OPTIONS', 'POST']);
  });

  it('hides every response header that is neither safelisted nor exposed', async () => {
    const { url } = await serve(allowAll, {
      status: 401,
      'access-control-allow-origin': ORIGIN,
      'access-control-expose-headers': 'Mcp-Session-Id',
      'www-authenticate': 'Bearer resource_metadata="x"',
      'mcp-session-id': 's1',
      'content-type': 'application/json',
      'x-other': 'y',
    });
    const response = await browserEmulatedFetch(ORIGIN)(url, MCP_POST);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.get('x-other')).toBeNull();
    expect(response.headers.get('mcp-session-id')).toBe('s1');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('fails with the same TypeError when nothing answers, the cause kept for whoever runs it', async () => {
    const { url } = await serve({}, {});
    await server!.close();
    server = undefined;
    const failure = await browserEmulatedFetch(ORIGIN)(url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('Failed to fetch');
    expect((failure as TypeError).cause).toBeDefined();
  });

  it('leaves a same-origin request alone', async () => {
    const { url, seen } = await serve({}, {});
    const response = await browserEmulatedFetch(new URL(url).origin)(url, MCP_POST);
    expect(response.status).toBe(200);
    expect(seen.map(({ method }) => method)).toEqual(['POST']);
  });

  it('follows a redirect only when the redirect itself passes the CORS check', async () => {
    const seen: string[] = [];
    server = await startLoopbackServer(() => (request, res) => {
      seen.push(`${request.method} ${request.url}`);
      const cors = request.url === '/with-cors' ? { 'access-control-allow-origin': ORIGIN } : {};
      if (request.url === '/with-cors' || request.url === '/without-cors') res.writeHead(302, { location: '/target', ...cors }).end();
      else res.writeHead(200, { 'access-control-allow-origin': ORIGIN }).end('there');
    });
    const followed = await browserEmulatedFetch(ORIGIN)(`${server.base}/with-cors`);
    expect(await followed.text()).toBe('there');
    expect(followed.redirected).toBe(true);
    await expect(browserEmulatedFetch(ORIGIN)(`${server.base}/without-cors`)).rejects.toThrow('Failed to fetch');
    expect(seen).toEqual(['GET /with-cors', 'GET /target', 'GET /without-cors']);
  });
});
