import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from './start-relay.ts';
import { APP_ORIGIN, callRelay, relayGet } from './test-support/relay-client.ts';
import { startTargetServer, type TargetServer } from './test-support/target-server.ts';

let relay: RunningRelay;
let target: TargetServer;

beforeAll(async () => {
  target = await startTargetServer();
  relay = await startRelay({ port: 0, allowedOrigins: [APP_ORIGIN] });
});

afterAll(async () => {
  await relay.close();
  await target.close();
});

describe('the relay secret', () => {
  it('refuses a wrong or a missing secret with 401, and sends nothing to the target', async () => {
    for (const secret of ['wrong'.repeat(10), null]) {
      const response = await callRelay(relay, relayGet(`${target.origin}/`), { secret });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.stringContaining('X-Relay-Secret') });
      // The app can read the refusal and say why.
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    }
    expect(target.received).toEqual([]);
  });

  it('is fresh at each start: 32 random bytes, base64url', async () => {
    const other = await startRelay({ port: 0, allowedOrigins: [APP_ORIGIN] });
    await other.close();
    expect(relay.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.secret).not.toBe(relay.secret);
    expect((await callRelay(relay, relayGet(`${target.origin}/`), { secret: other.secret })).status).toBe(401);
  });
});

describe('the Origin check', () => {
  it('refuses a page of another origin with 403, and gives it no CORS header to read the answer with', async () => {
    const response = await callRelay(relay, relayGet(`${target.origin}/`), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(target.received).toEqual([]);
  });

  it('refuses a request without Origin (not a browser page) with 403, even with the right secret', async () => {
    const response = await callRelay(relay, relayGet(`${target.origin}/`), { origin: null });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.stringContaining('no Origin') });
    expect(target.received).toEqual([]);
  });

  it('answers its own preflight for the app origin, allowing content-type, x-relay-secret and x-relay-grant', async () => {
    const preflight = (origin: string) =>
      fetch(`${relay.url}/relay`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-relay-grant,x-relay-secret' },
      });

    const fromApp = await preflight(APP_ORIGIN);
    expect(fromApp.status).toBe(204);
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(fromApp.headers.get('access-control-allow-methods')).toContain('POST');
    expect(fromApp.headers.get('access-control-allow-headers')).toBe('content-type, x-relay-secret, x-relay-grant');

    const fromElsewhere = await preflight('http://localhost:9999');
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /health', () => {
  it('tells the app, without a secret, that the relay runs', async () => {
    const response = await fetch(`${relay.url}/health`, { headers: { origin: APP_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await response.json()).toEqual({ ok: true });
    expect((await fetch(`${relay.url}/health`, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('answers 404 with a plain sentence for any other path', async () => {
    const response = await fetch(`${relay.url}/proxy?url=http://example.com`, { headers: { origin: APP_ORIGIN } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.stringContaining('POST /relay') });
  });
});

describe('where the relay listens', () => {
  it('listens on 127.0.0.1 only: unreachable through the machine’s other addresses', async () => {
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(relay.url).port);
    const outward = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal && address.family === 'IPv4')
      .map((address) => address?.address ?? '');
    // 127.0.0.2 reaches a server on all interfaces, so it checks this even on a machine without a network.
    for (const address of [...outward, '127.0.0.2']) {
      await expect(canConnect(address, port)).resolves.toBe(false);
    }
    await expect(canConnect('127.0.0.1', port)).resolves.toBe(true);
  });

  it('refuses to start on a non-loopback host', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      await expect(startRelay({ port: 0, host, allowedOrigins: [APP_ORIGIN] })).rejects.toThrow('loopback only');
    }
  });
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
