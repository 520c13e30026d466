import type { RelayEndpoint } from './relay-endpoint.ts';
import { RELAY_NOT_RUNNING, RelayError } from './relay-error.ts';
import { trimEnd } from '../text/trim-end.ts';

/**
 * The relay serves one flow at a time: at the first relayed request of a run, the app asks it
 * for a grant bound to the run's MCP server URL (POST /grants), and every relayed request then
 * carries it. The relay decides what the grant reaches (the server and the metadata it names);
 * see src/relay/flow-grants.ts. Asked once per run; a grant the relay later refuses
 * (replaced by another run, or lapsed) is reported, not silently renewed, so a takeover shows.
 */
export function withFlowGrant<T extends RelayEndpoint>(
  relay: T,
  serverUrl: string,
  appOrigin: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): T {
  let grant: Promise<string> | undefined;
  const take = () => {
    grant ??= requestGrant(relay, serverUrl, appOrigin, fetchImpl);
    // A grant that could not be had is asked again next time (the relay may have been down).
    grant.catch(() => (grant = undefined));
    return grant;
  };
  return { ...relay, grant: take };
}

async function requestGrant(relay: RelayEndpoint, serverUrl: string, appOrigin: string, fetchImpl: typeof fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(`${trimEnd(relay.url, '/')}/grants`, {
      method: 'POST',
      // A browser replaces Origin with the page's own; Node (the CLI, tests) sends this one.
      headers: { 'Content-Type': 'application/json', 'X-Relay-Secret': relay.secret, Origin: appOrigin },
      body: JSON.stringify({ serverUrl }),
      credentials: 'omit',
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new RelayError('unavailable', `${RELAY_NOT_RUNNING} (Nothing answered at ${relay.url}.)`);
  }
  const json = (await response.json().catch(() => undefined)) as { grant?: unknown; error?: unknown } | undefined;
  if (response.status === 201 && typeof json?.grant === 'string') return json.grant;
  if (response.status === 401)
    throw new RelayError('secret', 'The relay refused the secret: it makes a new one at each start. Reload the app to get the current one.');
  throw new RelayError('refused', `The relay gave no grant for ${serverUrl}: ${typeof json?.error === 'string' ? json.error : `HTTP ${response.status}`}`);
}
