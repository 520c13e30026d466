import { fetchRequestOf, MAX_REDIRECTS, redirectedRequest, type FetchRequest } from '../cors/fetch-request.ts';
import { preflightFor } from '../cors/preflight-for.ts';
import { isRelayFailure } from '../model/relayed-outcome.ts';
import type { RelayAnswer, RelayedResponse } from './contract.ts';
import type { RelayEndpoint } from './relay-endpoint.ts';
import { RelayError } from './relay-error.ts';
import { sendToRelay } from './relay-client.ts';

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
  request: FetchRequest;
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

export function relayedHopOf(response: Response): RelayedHop | undefined {
  return hops.get(response);
}

export function createRelayFetch({ relay, appOrigin, fetchImpl }: RelayFetchOptions): typeof fetch {
  return async (input, init = {}) => {
    let request = await fetchRequestOf(input, init);
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
      const next = (init.redirect ?? 'follow') === 'manual' ? undefined : redirectedRequest(request, outcome);
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
