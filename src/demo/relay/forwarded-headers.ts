import type { HeaderList } from './relay-api.ts';

/**
 * Headers a page's script cannot set (Fetch "forbidden request-header names"), so the relay
 * does not send them either: no cookies, no Host or Origin override, no proxy or sec- headers.
 * The relay sets Host, Origin and Content-Length itself; without Accept-Encoding the body
 * comes back uncompressed, readable as text.
 */
const FORBIDDEN_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  // Method overrides would let a caller slip past the method checks.
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
  // A browser talks to the target directly; these would claim a proxy in between.
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'x-relay-secret',
]);

const FORBIDDEN_PREFIXES = ['proxy-', 'sec-'];

export function isForwardableHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return !FORBIDDEN_NAMES.has(lower) && !FORBIDDEN_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

export function forwardableHeaders(headers: HeaderList): HeaderList {
  return headers.filter(([name]) => isForwardableHeader(name));
}
