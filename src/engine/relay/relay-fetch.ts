import { preflightFor, type CorsRequest } from '../cors/preflight-for.ts';
import { isRelayFailure } from '../model/relayed-outcome.ts';
import type { RelayAnswer, RelayedResponse } from './contract.ts';
import type { RelayEndpoint } from './relay-endpoint.ts';
import { RelayError } from './relay-error.ts';
import { sendToRelay } from './relay-client.ts';
import type { HeaderList } from '../model/header-list.ts';

/**
 * Relay mode: a fetch that sends every request through the local relay and hands back what the
 * server really answered, every header readable. It lets a user get past a server they cannot
 * fix and see the rest of the flow; the relay's answer (with the preflight a browser would have
 * sent) stays available for each response, so the engine can still say what a browser would
 * have refused.
 */

export interface RelayFetchOptions {
  relay: RelayEndpoint;
  appOrigin: string;
  /** How to reach the relay; the global fetch by default. */
  fetchImpl?: typeof fetch;
}

/** The first hop of a relayed request: what was sent and what the relay answered. */
export interface RelayedHop {
  request: CorsRequest & { body?: string };
  preflightRequest?: { method: string; headers: string[] };
  answer: RelayAnswer;
}

/** Why a relayed request produced no response; the recorder reports it as the relay put it. */
export class RelayFetchError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network' | 'relay',
  ) {
    super(message);
    this.name = 'RelayFetchError';
  }
}

const hops = new WeakMap<Response, RelayedHop>();
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
/** Fetch "request-body-header name": dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type'];

export function relayedHopOf(response: Response): RelayedHop | undefined {
  return hops.get(response);
}

export function createRelayFetch({ relay, appOrigin, fetchImpl }: RelayFetchOptions): typeof fetch {
  return async (input, init = {}) => {
    let request = await requestOf(input, init);
    let first: RelayedHop | undefined;
    for (let redirects = 0; ; redirects += 1) {
      const plan = preflightFor(request, appOrigin);
      const preflightRequest = plan ? { method: plan.method, headers: plan.headers } : undefined;
      const answer = await ask(
        relay,
        { ...request, origin: appOrigin, ...(preflightRequest ? { preflight: preflightRequest } : {}) },
        fetchImpl,
        init.signal ?? undefined,
      );
      first ??= { request, ...(preflightRequest ? { preflightRequest } : {}), answer };
      const outcome = answer.response;
      if (isRelayFailure(outcome)) throw new RelayFetchError(outcome.error, outcome.kind);
      const next = (init.redirect ?? 'follow') === 'manual' ? undefined : redirected(request, outcome);
      if (!next) {
        const response = toResponse(outcome, request.url, redirects > 0);
        hops.set(response, first);
        return response;
      }
      if (init.redirect === 'error') throw new RelayFetchError(`The server redirected to ${next.url}, and this request does not follow redirects.`, 'network');
      if (redirects >= MAX_REDIRECTS) throw new RelayFetchError(`More than ${MAX_REDIRECTS} redirects.`, 'network');
      request = next;
    }
  };
}

async function ask(...args: Parameters<typeof sendToRelay>): Promise<RelayAnswer> {
  try {
    return await sendToRelay(...args);
  } catch (error) {
    if (error instanceof RelayError) throw new RelayFetchError(`The relay could not send it: ${error.message}`, 'relay');
    throw error;
  }
}

async function requestOf(input: Parameters<typeof fetch>[0], init: RequestInit): Promise<RelayedHop['request']> {
  const source = input instanceof Request ? input : undefined;
  const url = source ? source.url : String(input);
  const method = (init.method ?? source?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers ?? source?.headers);
  const raw = init.body ?? (source?.body ? await source.clone().text() : undefined);
  // The Content-Type a browser derives from the body when the script sets none (Fetch "extract a body").
  if (raw instanceof URLSearchParams && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
  if (typeof raw === 'string' && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  const body = raw === undefined || raw === null ? undefined : typeof raw === 'string' ? raw : await new Response(raw).text();
  return { url, method, headers: [...headers], ...(body !== undefined ? { body } : {}) };
}

/** Fetch §4.4 "HTTP-redirect fetch", the parts that change what is sent next. */
function redirected(request: RelayedHop['request'], response: RelayedResponse): RelayedHop['request'] | undefined {
  if (!REDIRECT_STATUSES.includes(response.status) || !response.location) return undefined;
  const target = URL.parse(response.location, request.url);
  if (!target) return undefined;
  const toGet =
    (response.status === 303 && request.method !== 'GET' && request.method !== 'HEAD') || ([301, 302].includes(response.status) && request.method === 'POST');
  const crossOrigin = target.origin !== new URL(request.url).origin;
  // Authorization is dropped on a cross-origin redirect (Fetch, "CORS non-wildcard request-header name").
  const headers: HeaderList = request.headers.filter(
    ([name]) => !(toGet && BODY_HEADERS.includes(name.toLowerCase())) && !(crossOrigin && name.toLowerCase() === 'authorization'),
  );
  return { url: target.href, method: toGet ? 'GET' : request.method, headers, ...(!toGet && request.body !== undefined ? { body: request.body } : {}) };
}

function toResponse(relayed: RelayedResponse, url: string, wasRedirected: boolean): Response {
  if (relayed.status < 200 || relayed.status > 599)
    throw new RelayFetchError(`The server answered with status ${relayed.status}, which fetch cannot represent.`, 'network');
  const headers = new Headers();
  for (const [name, value] of relayed.headers) {
    try {
      headers.append(name, value);
    } catch {
      // A header fetch cannot hold (odd bytes) is left out here; the relay report keeps it.
    }
  }
  const nullBody = [204, 205, 304].includes(relayed.status);
  const response = new Response(nullBody ? null : relayed.body, { status: relayed.status, statusText: relayed.statusText, headers });
  Object.defineProperties(response, { url: { value: url }, redirected: { value: wasRedirected } });
  return response;
}
