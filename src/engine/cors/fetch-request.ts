import type { HeaderList } from '../model/header-list.ts';
import type { CorsRequest } from './preflight-for.ts';

/**
 * A fetch call as plain data, the way the browser sees it once the script has made it: what a
 * CORS preflight is planned from, and what a redirect changes. Shared by relay mode
 * (relay/relay-fetch.ts) and the CLI's browser emulation (src/cli/browser-emulated-fetch.ts).
 */
export type FetchRequest = CorsRequest & { body?: string };

/** Fetch §4.4 "HTTP-redirect fetch" gives up after 20 redirects. */
export const MAX_REDIRECTS = 20;
export const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];
/** Fetch "request-body-header name": dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type'];

export async function fetchRequestOf(input: Parameters<typeof fetch>[0], init: RequestInit): Promise<FetchRequest> {
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

/** Fetch §4.4 "HTTP-redirect fetch", the parts that change what is sent next; undefined when the answer is no redirect. */
export function redirectedRequest(request: FetchRequest, response: { status: number; location?: string | null }): FetchRequest | undefined {
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
