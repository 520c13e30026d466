import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../model/exchange.ts';
import { RecordedFetchError, createRecordingFetch } from './recorder.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/echo') {
        response.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer scope="a"' });
        response.end(JSON.stringify({ method: request.method, body, cookie: request.headers.cookie ?? null }));
      } else if (request.url === '/huge') {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('x'.repeat(300_000));
      } else if (request.url === '/redirect') {
        response.writeHead(302, { Location: '/echo' });
        response.end();
      }
      // /hang: never answers.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function recorder(timeoutMs = 2_000, maxBodyBytes?: number) {
  const exchanges: Exchange[] = [];
  let id = 0;
  const fetch = createRecordingFetch(
    { timeoutMs, onExchange: (exchange) => exchanges.push(exchange), nextId: () => `x${++id}`, runtime: 'node', ...(maxBodyBytes ? { maxBodyBytes } : {}) },
    { stepId: 'mcp-unauthenticated', to: 'mcp' },
  );
  return { fetch, exchanges };
}

describe('recording fetch', () => {
  it('records the request and the real response, and still hands the body to the caller', async () => {
    const { fetch, exchanges } = recorder();
    const response = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
    });
    expect(await response.json()).toMatchObject({ method: 'POST', body: '{"jsonrpc":"2.0","id":1,"method":"initialize"}' });
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange).toMatchObject({
      id: 'x1',
      stepId: 'mcp-unauthenticated',
      from: 'client',
      to: 'mcp',
      outcome: 'response',
      label: 'POST /echo · initialize',
    });
    expect(exchange!.request.headers).toContainEqual(['content-type', 'application/json']);
    expect(exchange!.response!.status).toBe(401);
    expect(exchange!.response!.headers).toContainEqual(['www-authenticate', 'Bearer scope="a"']);
    expect(JSON.parse(exchange!.response!.body)).toMatchObject({ cookie: null });
    expect(exchange!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('records form bodies as their encoded text', async () => {
    const { fetch, exchanges } = recorder();
    await fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code: 'a b' }) });
    expect(exchanges[0]!.request.body).toBe('grant_type=authorization_code&code=a+b');
  });

  it('keeps only the first part of a huge body but counts all of it', async () => {
    const { fetch, exchanges } = recorder(2_000, 1_000);
    const response = await fetch(`${base}/huge`);
    expect((await response.text()).length).toBe(300_000);
    expect(exchanges[0]!.response).toMatchObject({ bodyBytes: 300_000, bodyTruncated: true });
    expect(exchanges[0]!.response!.body.length).toBe(1_000);
  });

  it('notes a followed redirect and the final URL', async () => {
    const { fetch, exchanges } = recorder();
    await fetch(`${base}/redirect`);
    expect(exchanges[0]!.response).toMatchObject({ redirected: true, finalUrl: `${base}/echo`, status: 401 });
  });

  it('turns a server that never answers into a timeout exchange', async () => {
    const { fetch, exchanges } = recorder(300);
    const error = await fetch(`${base}/hang`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RecordedFetchError);
    expect(exchanges[0]).toMatchObject({ outcome: 'timeout', error: 'No answer within 300 ms.' });
  });

  it('turns a refused connection into a network error that names the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { fetch, exchanges } = recorder();
    await expect(fetch(`http://127.0.0.1:${port}/mcp`)).rejects.toBeInstanceOf(RecordedFetchError);
    expect(exchanges[0]!.outcome).toBe('network-error');
    expect(exchanges[0]!.error).toContain('ECONNREFUSED');
  });

  it('refuses URLs that are not http(s) without sending anything', async () => {
    const { fetch, exchanges } = recorder();
    await expect(fetch('file:///etc/passwd')).rejects.toBeInstanceOf(RecordedFetchError);
    await expect(fetch('not a url')).rejects.toBeInstanceOf(RecordedFetchError);
    expect(exchanges.map((exchange) => exchange.outcome)).toEqual(['invalid-url', 'invalid-url']);
    expect(exchanges[0]!.error).toContain('file:');
  });
});
