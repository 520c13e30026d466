import type { Exchange } from '../model/exchange.ts';
import { headerValue, type HeaderList } from '../model/header-list.ts';
import { trimEnd } from '../text/trim-end.ts';
import { neededExposedFor } from '../cors/needed-headers.ts';
import { preflightFor, type CorsRequest } from '../cors/preflight-for.ts';
import { isRelayAnswer, type RelayAnswer, type RelayRequestBody } from './contract.ts';
import type { RelayEndpoint } from './relay-endpoint.ts';
import { RELAY_NOT_RUNNING, RelayError } from './relay-error.ts';
import { buildRelayReport } from './relay-report.ts';
import type { RelayReport } from '../model/relay-report.ts';

/** The relay caps each upstream request at 15 s; two of them (preflight and request) plus slack. */
const RELAY_CALL_TIMEOUT_MS = 40_000;

export interface AskOptions {
  /** Response headers the client must read here; by default those an MCP client needs. */
  neededExposed?: readonly string[];
  signal?: AbortSignal;
}

/**
 * Has the relay re-send an exchange's request, with the preflight a browser would send first,
 * and says what a browser would make of the real answer. Throws a RelayError when the relay
 * cannot answer.
 */
export async function askRelay(
  relay: RelayEndpoint,
  exchange: Pick<Exchange, 'request' | 'outcome' | 'to' | 'hiddenHeaders'>,
  appOrigin: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  options: AskOptions = {},
): Promise<RelayReport> {
  if (exchange.outcome === 'navigation' || exchange.outcome === 'invalid-url') {
    throw new RelayError('refused', 'Only a fetch made by the app can be relayed; CORS does not apply to a browser navigation or an unusable URL.');
  }
  const request = withBrowserDefaults(exchange.request);
  const plan = preflightFor(request, appOrigin);
  const preflightRequest = plan ? { method: plan.method, headers: plan.headers } : undefined;
  const answer = await sendToRelay(
    relay,
    { ...request, origin: appOrigin, ...(preflightRequest ? { preflight: preflightRequest } : {}) },
    fetchImpl,
    options.signal,
  );
  return buildRelayReport({
    request,
    appOrigin,
    ...(preflightRequest ? { preflightRequest } : {}),
    answer,
    neededExposed: options.neededExposed ?? neededExposedFor(exchange),
  });
}

/** One POST /relay. */
export async function sendToRelay(
  relay: RelayEndpoint,
  body: RelayRequestBody,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  signal?: AbortSignal,
): Promise<RelayAnswer> {
  const grant: Record<string, string> = relay.grant ? { 'X-Relay-Grant': await relay.grant() } : {};
  const timeout = AbortSignal.timeout(RELAY_CALL_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchImpl(`${trimEnd(relay.url, '/')}/relay`, {
      method: 'POST',
      // A browser replaces Origin with the page's own; Node (the CLI, tests) sends this one.
      headers: { 'Content-Type': 'application/json', 'X-Relay-Secret': relay.secret, Origin: body.origin, ...grant },
      body: JSON.stringify(body),
      credentials: 'omit',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (timeout.aborted) throw new RelayError('unavailable', `The relay did not answer within ${RELAY_CALL_TIMEOUT_MS / 1000} s.`);
    if (signal?.aborted) throw error;
    // In a browser a relay that refuses the page's origin also looks like this (no CORS headers).
    throw new RelayError('unavailable', `${RELAY_NOT_RUNNING} (Nothing answered at ${relay.url}.)`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.status === 200 && isRelayAnswer(json)) return json;
  throw refusal(response.status, json, relay.url);
}

/** GET /health: true when a relay answers there. */
export async function relayIsHealthy(
  relay: RelayEndpoint,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const response = await fetchImpl(`${trimEnd(relay.url, '/')}/health`, { credentials: 'omit', signal: signal ?? AbortSignal.timeout(5_000) });
    const json = (await response.json()) as { ok?: unknown };
    return response.ok && json.ok === true;
  } catch {
    return false;
  }
}

function refusal(status: number, json: unknown, url: string): RelayError {
  const said = typeof (json as { error?: unknown } | undefined)?.error === 'string' ? (json as { error: string }).error : '';
  // The run's grant: missing, replaced by another run (or a script that took the relay), lapsed, or out of this flow.
  if (status === 403 && typeof (json as { grant?: unknown } | undefined)?.grant === 'string') return new RelayError('refused', said);
  switch (status) {
    case 401:
      return new RelayError('secret', `The relay refused the secret: it makes a new one at each start. Reload the app to get the current one. ${said}`.trim());
    case 403:
      return new RelayError('refused', `The relay refused this page: it answers only the app’s own origin. ${said}`.trim());
    case 400:
      return new RelayError('refused', `The relay could not send this request: ${said || 'it refused it.'}`);
    case 413:
      return new RelayError('too-large', `The request is too large for the relay. ${said}`.trim());
    case 200:
      return new RelayError('bad-answer', `Something at ${url} answered, but not as the relay does.`);
    default:
      return new RelayError('refused', `The relay answered HTTP ${status}. ${said}`.trim());
  }
}

/**
 * Headers a browser adds itself when the script sets none (Fetch "fetch" and "extract a body"):
 * Accept and the Content-Type of a text body. Both are safelisted, so they change no preflight,
 * but the server sees them.
 */
function withBrowserDefaults<T extends CorsRequest & { body?: string }>(request: T): T {
  const has = (name: string) => headerValue(request.headers, name) !== null;
  const added: HeaderList = [
    ...(has('accept') ? [] : [['accept', '*/*'] as [string, string]]),
    ...(request.body !== undefined && !has('content-type') ? [['content-type', 'text/plain;charset=UTF-8'] as [string, string]] : []),
  ];
  return added.length ? { ...request, headers: [...request.headers, ...added] } : request;
}
