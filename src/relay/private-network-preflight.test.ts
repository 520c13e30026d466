import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from './start-relay.ts';

/** A copy of the app on a public host, paired with a relay on this machine (`relay --allow-origin`). */
const HOSTED_ORIGIN = 'https://octo.github.io';

let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay({ port: 0, allowedOrigins: [HOSTED_ORIGIN] });
});

afterAll(() => relay.close());

/**
 * What Chrome sends before a public page's first request to a loopback address (Private Network
 * Access, https://wicg.github.io/private-network-access/#cors-preflight): a CORS preflight, also for
 * a GET that would need none, with Access-Control-Request-Private-Network: true.
 */
const privateNetworkPreflight = (path: string, origin: string, method: 'GET' | 'POST', requestPrivateNetwork = true) =>
  fetch(`${relay.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(method === 'POST' ? { 'access-control-request-headers': 'content-type,x-relay-secret' } : {}),
      ...(requestPrivateNetwork ? { 'access-control-request-private-network': 'true' } : {}),
    },
  });

describe('Private Network Access preflight', () => {
  it('allows the private network request for the allowed origin, on every route the app calls', async () => {
    for (const [path, method] of [
      ['/health', 'GET'],
      ['/grants', 'POST'],
      ['/relay', 'POST'],
    ] as const) {
      const response = await privateNetworkPreflight(path, HOSTED_ORIGIN, method);
      expect(response.status, path).toBe(204);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(HOSTED_ORIGIN);
      expect(response.headers.get('access-control-allow-private-network'), path).toBe('true');
    }
  });

  it('never allows it for another origin: that page gets a 403 without any CORS header', async () => {
    const response = await privateNetworkPreflight('/relay', 'https://evil.example', 'POST');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says nothing about private network access when the browser did not ask', async () => {
    const response = await privateNetworkPreflight('/relay', HOSTED_ORIGIN, 'POST', false);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
  });
});
