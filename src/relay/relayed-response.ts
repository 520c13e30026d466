import type { IncomingMessage } from 'node:http';
import type { HeaderList } from '../engine/model/header-list.ts';
import type { RelayedResponse } from '../engine/relay/contract.ts';

export const NOT_FORWARDED_COOKIE = '[not forwarded by the relay]';

/** What the target sent, as the contract lists it; cookies are shown as present, never passed on. */
export function relayedResponse(response: IncomingMessage, body: Buffer, truncated: boolean, durationMs: number): RelayedResponse {
  const headers = relayedHeaders(response.rawHeaders);
  const location = headers.find(([name]) => name === 'location')?.[1];
  return {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    headers,
    body: body.toString('utf8'),
    bodyBytes: body.length,
    truncated,
    ...(location === undefined ? {} : { location }),
    durationMs,
  };
}

/** rawHeaders keeps the order and every repetition, which a Headers object would merge. */
function relayedHeaders(rawHeaders: string[]): HeaderList {
  const headers: HeaderList = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const isCookie = name === 'set-cookie' || name === 'set-cookie2';
    headers.push([name, isCookie ? NOT_FORWARDED_COOKIE : (rawHeaders[i + 1] ?? '')]);
  }
  return headers;
}
