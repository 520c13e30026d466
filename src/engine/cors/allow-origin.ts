import { headerValue, type HeaderList } from '../model/header-list.ts';
import { trimEnd } from '../text/trim-end.ts';
import type { Observation } from './verdict.ts';

type Where = Pick<Observation, 'where' | 'on'>;

/**
 * Fetch §4.10 "CORS check": Access-Control-Allow-Origin must be `*` (without credentials) or
 * exactly the page's serialised origin, one value, no path. Anything else fails the check and the
 * script gets a TypeError instead of the response.
 */
export function allowOriginObservation(headers: HeaderList, appOrigin: string, credentials: boolean, where: Where): Observation | null {
  const value = headerValue(headers, 'access-control-allow-origin');
  const headerLine = `Access-Control-Allow-Origin: ${appOrigin}`;
  if (value === null) return { ruleId: 'cors.no-allow-origin', ...where, says: 'no Access-Control-Allow-Origin.', headerLine };
  if ((value === '*' && !credentials) || value === appOrigin) return null;
  // A wildcard with credentials has its own rule below.
  if (value === '*') return null;
  return { ruleId: 'cors.origin-mismatch', ...where, says: `Access-Control-Allow-Origin: ${value}. ${mismatch(value, appOrigin)}`, headerLine };
}

function mismatch(value: string, appOrigin: string): string {
  if (value.includes(',')) return 'A browser accepts exactly one origin (or *), never a list.';
  if (trimEnd(value, '/') === appOrigin) return `An origin has no path, not even "/", so it does not match ${appOrigin}.`;
  if (value.toLowerCase() === appOrigin.toLowerCase()) return `It differs from ${appOrigin} in case, and a browser compares byte for byte.`;
  return `That is another origin than this app's, ${appOrigin}.`;
}

/**
 * Fetch §3.2.5 "CORS protocol and credentials": `*` never matches a request that carries
 * credentials, so announcing credentials next to a wildcard breaks every client that sends them.
 */
export function wildcardWithCredentialsObservation(headers: HeaderList, appOrigin: string, where: Where): Observation | null {
  const origin = headerValue(headers, 'access-control-allow-origin');
  const credentials = headerValue(headers, 'access-control-allow-credentials');
  if (origin !== '*' || credentials?.trim().toLowerCase() !== 'true') return null;
  return {
    ruleId: 'cors.wildcard-with-credentials',
    ...where,
    says:
      'Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true. ' +
      'A browser rejects that pair for any request with cookies or HTTP authentication; a client that sends only a Bearer header is not affected.',
    headerLine: `Access-Control-Allow-Origin: ${appOrigin}`,
  };
}
