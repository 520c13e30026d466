import { headerValue, type HeaderList } from '../engine/model/header-list.ts';
import type { RelayedHead } from '../engine/model/relayed-outcome.ts';
import { isExposed } from '../engine/cors/exposed-headers.ts';
import { fetchRequestOf, MAX_REDIRECTS, REDIRECT_STATUSES, redirectedRequest, type FetchRequest } from '../engine/cors/fetch-request.ts';
import { isCrossOrigin, preflightFor, type PreflightRequest } from '../engine/cors/preflight-for.ts';
import { preflightObservations } from '../engine/cors/preflight-observations.ts';

const NULL_BODY_STATUSES = [101, 204, 205, 304];

/**
 * A fetch that behaves like a browser's for a page at `appOrigin`, over real server bytes: what the
 * CLI's --browser-origin runs the flow with, so a headless run meets what the app meets.
 *
 * - Every cross-origin request carries `Origin` (Fetch §3.1 "Origin header").
 * - A request that is not CORS-safelisted is preceded by the OPTIONS preflight a browser sends
 *   (preflight-for.ts). The preflight is judged by the same code that words the app's verdicts
 *   (preflight-observations.ts): a 2xx, Access-Control-Allow-Origin, the method and every header
 *   (a `*` never covers Authorization). Any failure is a block.
 * - Each response, redirects included, must pass the CORS check (Fetch §4.10): Access-Control-
 *   Allow-Origin `*` or exactly the origin. The engine sends no credentials, so `*` passes.
 * - A blocked request fails as in a browser: a TypeError "Failed to fetch", nothing else readable.
 * - A response that passes is "cors" filtered (Fetch §4.1 step 14): only the safelisted headers and
 *   those in Access-Control-Expose-Headers remain, so a hidden WWW-Authenticate is hidden here too.
 *
 * The browser's preflight cache (Access-Control-Max-Age) is not modelled: every request is
 * preflighted, which is what a first visit does. With `redirect: 'manual'` a browser hands the
 * script an opaque redirect (status 0); a Response cannot have status 0 here, so the CORS-filtered
 * 3xx comes back instead, and its Location is hidden unless exposed.
 */
export function browserEmulatedFetch(appOrigin: string, transport: typeof fetch = globalThis.fetch.bind(globalThis)): typeof fetch {
  return async (input, init = {}) => {
    let request = await fetchRequestOf(input, init);
    if (!isCrossOrigin(request.url, appOrigin)) return transport(input, init);
    const mode = init.redirect ?? 'follow';
    // Fetch §4.4: once a redirect leaves for another origin, the request's origin becomes "null".
    let origin = appOrigin;
    for (let redirects = 0; ; redirects += 1) {
      const plan = preflightFor(request, origin);
      if (plan) await preflight(request, plan, origin, transport, init.signal);
      const response = await send(transport, request.url, {
        method: request.method,
        headers: [...request.headers, ['origin', origin]],
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: 'manual',
        credentials: 'omit',
        ...(init.signal ? { signal: init.signal } : {}),
      });
      if (!passesCorsCheck(response.headers, origin)) return blocked(response);
      const location = response.headers.get('location');
      if (!REDIRECT_STATUSES.includes(response.status) || !location || mode === 'manual') return corsFiltered(response, request.url, redirects > 0);
      if (mode === 'error' || redirects >= MAX_REDIRECTS) return blocked(response);
      const next = redirectedRequest(request, { status: response.status, location });
      if (!next) return corsFiltered(response, request.url, redirects > 0);
      await response.body?.cancel();
      if (new URL(next.url).origin !== new URL(request.url).origin && origin !== new URL(request.url).origin) origin = 'null';
      request = next;
    }
  };
}

/** The OPTIONS request of Fetch §4.8, and its verdict: any observation the app would raise there is a block. */
async function preflight(request: FetchRequest, plan: PreflightRequest, origin: string, transport: typeof fetch, signal?: AbortSignal | null) {
  const started = Date.now();
  const response = await send(transport, request.url, {
    method: 'OPTIONS',
    headers: [
      ['accept', '*/*'],
      ['origin', origin],
      ['access-control-request-method', plan.method],
      ...(plan.headers.length ? [['access-control-request-headers', plan.headers.join(',')] as [string, string]] : []),
    ],
    redirect: 'manual',
    credentials: 'omit',
    ...(signal ? { signal } : {}),
  });
  await response.body?.cancel();
  const headers: HeaderList = [...response.headers];
  const head: RelayedHead = {
    status: response.status,
    statusText: response.statusText,
    headers,
    bodyBytes: 0,
    truncated: false,
    ...(response.headers.has('location') ? { location: response.headers.get('location')! } : {}),
    durationMs: Date.now() - started,
  };
  // A wildcard next to Allow-Credentials only breaks requests with credentials, and the engine sends none.
  const refusals = preflightObservations(head, { request, plan, appOrigin: origin, credentials: false }).filter(
    (observation) => observation.ruleId !== 'cors.wildcard-with-credentials',
  );
  if (refusals.length) throw failedToFetch();
}

/** Fetch §4.10 "CORS check" for a request without credentials. */
function passesCorsCheck(headers: Headers, origin: string): boolean {
  const allowed = headerValue([...headers], 'access-control-allow-origin');
  return allowed === '*' || allowed === origin;
}

async function send(transport: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await transport(url, init);
  } catch (error) {
    // An abort or a timeout stays what it is; every other failure looks the same to a page's script.
    if (init.signal?.aborted) throw error;
    throw failedToFetch(error);
  }
}

async function blocked(response: Response): Promise<never> {
  await response.body?.cancel();
  throw failedToFetch();
}

function failedToFetch(cause?: unknown): TypeError {
  return new TypeError('Failed to fetch', cause === undefined ? undefined : { cause });
}

function corsFiltered(response: Response, url: string, redirected: boolean): Response {
  const all: HeaderList = [...response.headers];
  const visible = new Headers();
  for (const [name, value] of all) if (isExposed(all, name, false)) visible.append(name, value);
  const filtered = new Response(NULL_BODY_STATUSES.includes(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: visible,
  });
  // A constructed Response is of type "default"; the browser's is "cors", which the recorder reads.
  Object.defineProperties(filtered, { type: { value: 'cors' }, url: { value: url }, redirected: { value: redirected } });
  return filtered;
}
