import { forwardableHeaders } from './forwarded-headers.ts';
import type { HeaderList } from '../engine/model/header-list.ts';
import type { RelayAnswer } from '../engine/relay/contract.ts';
import type { RelayRequest } from './parse-relay-request.ts';
import { sendUpstream, type UpstreamLimits } from './send-upstream.ts';

/**
 * The preflight a browser would send (when asked for), then the real request, even when the
 * preflight fails: the point is to show what the server would have answered to both.
 */
export async function relayExchange(request: RelayRequest, limits: UpstreamLimits): Promise<RelayAnswer> {
  const preflight = request.preflight
    ? await sendUpstream({ url: request.url, method: 'OPTIONS', headers: preflightHeaders(request.origin, request.preflight) }, limits)
    : undefined;
  const response = await sendUpstream(
    {
      url: request.url,
      method: request.method,
      headers: [['Origin', request.origin], ...forwardableHeaders(request.headers)],
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    limits,
  );
  return preflight === undefined ? { response } : { preflight, response };
}

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch, as Chromium sends it: the header names lower-cased,
 * without duplicates, sorted, joined by a bare comma; no Access-Control-Request-Headers when empty.
 */
function preflightHeaders(origin: string, preflight: NonNullable<RelayRequest['preflight']>): HeaderList {
  const headers: HeaderList = [
    ['Origin', origin],
    ['Access-Control-Request-Method', preflight.method],
  ];
  const names = [...new Set(preflight.headers.map((name) => name.toLowerCase()))].sort();
  if (names.length > 0) headers.push(['Access-Control-Request-Headers', names.join(',')]);
  return headers;
}
