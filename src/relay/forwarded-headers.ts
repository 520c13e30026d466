import type { HeaderList } from '../engine/model/header-list.ts';
import { isForbiddenRequestHeader, RELAY_GRANT_HEADER, RELAY_SECRET_HEADER } from '../engine/relay/contract.ts';

/**
 * Headers a page's script cannot set (Fetch "forbidden request-header", from the relay contract),
 * so the relay does not send them either: no cookies, no Host or Origin override, no proxy or sec-
 * headers. The relay sets Host, Origin and Content-Length itself; without Accept-Encoding the body
 * comes back uncompressed, readable as text.
 *
 * On top of those, headers the relay refuses as a policy of its own, whatever their value:
 */
const REFUSED_BY_THE_RELAY = new Set([
  // Method overrides would let a caller slip past the method checks (Fetch forbids them only with CONNECT, TRACE or TRACK).
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
  // A browser talks to the target directly; these would claim a proxy in between.
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  // The relay's own credentials: a target server must never receive them.
  RELAY_SECRET_HEADER,
  RELAY_GRANT_HEADER,
]);

export function isForwardableHeader(name: string, value: string): boolean {
  return !isForbiddenRequestHeader(name, value) && !REFUSED_BY_THE_RELAY.has(name.toLowerCase());
}

export function forwardableHeaders(headers: HeaderList): HeaderList {
  return headers.filter(([name, value]) => isForwardableHeader(name, value));
}
