import type { RunningRelay } from '../start-relay.ts';

export const APP_ORIGIN = 'http://localhost:5173';

type RelayAddress = Pick<RunningRelay, 'url' | 'secret'>;

/** POST /grants as the app does when a run starts; returns the grant. */
export async function takeGrant(relay: RelayAddress, serverUrl: string): Promise<string> {
  const response = await fetch(`${relay.url}/grants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN, 'x-relay-secret': relay.secret },
    body: JSON.stringify({ serverUrl }),
  });
  if (response.status !== 201) throw new Error(`No grant: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { grant: string }).grant;
}

/**
 * POST /relay as the app would call it; `as` overrides what a caller presents. Without `as.grant`
 * it first takes a grant for the request's own URL, as a run against that server would.
 */
export async function callRelay(
  relay: RelayAddress,
  body: unknown,
  as: { origin?: string | null; secret?: string | null; grant?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const origin = as.origin === undefined ? APP_ORIGIN : as.origin;
  const secret = as.secret === undefined ? relay.secret : as.secret;
  const grant = as.grant === undefined ? await takeGrant(relay, grantServerFor(body)) : as.grant;
  if (origin !== null) headers.origin = origin;
  if (secret !== null) headers['x-relay-secret'] = secret;
  if (grant !== null) headers['x-relay-grant'] = grant;
  return fetch(`${relay.url}/relay`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The request's URL when it is one the relay would take, else any loopback URL (the request is refused for itself). */
function grantServerFor(body: unknown): string {
  const url = typeof body === 'object' && body !== null ? URL.parse(String((body as { url?: unknown }).url)) : null;
  return url && (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' ? url.href : 'http://127.0.0.1/';
}

/** The smallest valid relay request to `url`. */
export function relayGet(url: string) {
  return { url, method: 'GET', headers: [] as Array<[string, string]>, origin: APP_ORIGIN };
}
