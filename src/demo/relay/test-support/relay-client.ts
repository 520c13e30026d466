import type { RunningRelay } from '../start-relay.ts';

export const APP_ORIGIN = 'http://localhost:5173';

/** POST /relay as the app would call it; `as` overrides what a caller presents. */
export function callRelay(
  relay: Pick<RunningRelay, 'url' | 'secret'>,
  body: unknown,
  as: { origin?: string | null; secret?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const origin = as.origin === undefined ? APP_ORIGIN : as.origin;
  const secret = as.secret === undefined ? relay.secret : as.secret;
  if (origin !== null) headers.origin = origin;
  if (secret !== null) headers['x-relay-secret'] = secret;
  return fetch(`${relay.url}/relay`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The smallest valid relay request to `url`. */
export function relayGet(url: string) {
  return { url, method: 'GET', headers: [] as Array<[string, string]>, origin: APP_ORIGIN };
}
