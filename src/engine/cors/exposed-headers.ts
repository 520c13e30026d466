import type { HeaderList } from '../model/header-list.ts';
import { listItems, tokenList } from './header-list.ts';

/** Fetch §2.2.6 "CORS-safelisted response-header name": a script may always read these. */
const SAFELISTED_RESPONSE_HEADERS = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

/**
 * Fetch §4.1 main fetch step 14 ("CORS-filtered response"): a cross-origin script sees a header
 * only when it is safelisted or named in Access-Control-Expose-Headers (`*` names all, but only
 * for a request without credentials).
 */
export function isExposed(headers: HeaderList, name: string, credentials: boolean): boolean {
  const lower = name.toLowerCase();
  if (SAFELISTED_RESPONSE_HEADERS.includes(lower)) return true;
  const exposed = listItems(tokenList(headers, 'access-control-expose-headers')).map((item) => item.toLowerCase());
  return exposed.includes(lower) || (!credentials && exposed.includes('*'));
}
