import type { HeaderList } from '../model/header-list.ts';
import type { RelayFailure, RelayedHead } from '../model/relayed-outcome.ts';

/**
 * The relay's wire contract, the one copy that both sides import: the relay (src/relay, Node only)
 * and the app's engine (src/engine/relay). The relay reports what it saw and computes no verdict;
 * the engine does that. Besides the model types above, this module imports nothing, so the relay
 * pulls no engine code in with it.
 *
 *   POST /grants  {serverUrl}        → 201 {grant, serverUrl, idleMs}
 *   POST /relay   RelayRequestBody   → 200 RelayAnswer, or 4xx {error, grant?}
 *   GET  /health                     → 200 {ok: true}
 * Each POST carries the secret (RELAY_SECRET_HEADER) and JSON; /relay also the flow grant (RELAY_GRANT_HEADER).
 */

export const RELAY_SECRET_HEADER = 'x-relay-secret';
export const RELAY_GRANT_HEADER = 'x-relay-grant';

/** POST /grants: a grant for one flow, bound to the MCP server the run talks to. */
export interface GrantRequestBody {
  serverUrl: string;
}

export interface GrantAnswer {
  grant: string;
  serverUrl: string;
  /** The grant lapses after this long unused. */
  idleMs: number;
}

/**
 * Why a grant was refused (403 with `{error, grant}`): none sent, replaced by a newer one, lapsed,
 * or the request's URL is outside the flow the grant was given for.
 */
export type GrantRefusal = 'missing' | 'replaced' | 'expired' | 'out-of-flow';

/** POST /relay: one request to re-send, as the app would have sent it. */
export interface RelayRequestBody {
  url: string;
  method: string;
  headers: HeaderList;
  body?: string;
  /** The Origin the relay presents to the server, on the preflight and the request. */
  origin: string;
  /** Asks the relay to send the OPTIONS preflight a browser would send, before the request. */
  preflight?: { method: string; headers: string[] };
}

/** What the server really answered, every header included, with the body as text (capped). */
export interface RelayedResponse extends RelayedHead {
  body: string;
}

export type RelayOutcome = RelayedResponse | RelayFailure;

/** The 200 answer to POST /relay: the preflight's outcome (when one was asked for) and the request's. */
export interface RelayAnswer {
  preflight?: RelayOutcome;
  response: RelayOutcome;
}

/** The app checks the relay's answer on arrival: whatever answers at the relay's address is not trusted. */
export function isRelayAnswer(value: unknown): value is RelayAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const { preflight, response } = value as Record<string, unknown>;
  return isOutcome(response) && (preflight === undefined || isOutcome(preflight));
}

function isOutcome(value: unknown): value is RelayOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as Record<string, unknown>;
  if (typeof outcome.error === 'string') return outcome.kind === 'timeout' || outcome.kind === 'network';
  return (
    typeof outcome.status === 'number' &&
    typeof outcome.statusText === 'string' &&
    typeof outcome.body === 'string' &&
    Array.isArray(outcome.headers) &&
    outcome.headers.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'))
  );
}

/**
 * Fetch "forbidden method" (https://fetch.spec.whatwg.org/#forbidden-method): a browser never
 * sends these, so the relay refuses to.
 */
const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'];

export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.includes(method.toUpperCase());
}

/**
 * Fetch "forbidden request-header" (https://fetch.spec.whatwg.org/#forbidden-request-header): a
 * page's script cannot set these, the browser does. The engine leaves them out of a preflight, and
 * the relay does not forward them.
 *
 * This list replaces two copies that had drifted apart. Both held these 21 names and the `proxy-`
 * and `sec-` prefixes, which is the standard's list. The engine's copy added `user-agent`: Fetch
 * removed it from the list, so that copy was wrong as a Fetch list; Chromium's own drop of
 * User-Agent is a browser quirk the engine now adds on top (cors/safelisted-request.ts). The
 * relay's copy was right on the names and added its own refusals (a relay policy, kept in
 * src/relay/forwarded-headers.ts). Neither had the standard's method-override rule, below.
 */
const FORBIDDEN_REQUEST_HEADER_NAMES: ReadonlySet<string> = new Set([
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
]);
const FORBIDDEN_REQUEST_HEADER_PREFIXES = ['proxy-', 'sec-'];
/** Forbidden only when one of their values names a forbidden method. */
const METHOD_OVERRIDE_HEADERS = ['x-http-method', 'x-http-method-override', 'x-method-override'];

export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(lower) || FORBIDDEN_REQUEST_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix))) return true;
  return METHOD_OVERRIDE_HEADERS.includes(lower) && splitHeaderValues(value).some(isForbiddenMethod);
}

/**
 * Fetch "get, decode, and split" for one value: split at commas outside quoted strings, each part
 * trimmed of HTTP whitespace. One pass, so linear in the value's length.
 */
function splitHeaderValues(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (quoted && char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1];
      index += 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map(trimHttpWhitespace);
}

/** Fetch "HTTP whitespace" (tab, LF, CR, space) off both ends; a loop, since a trailing-run regex backtracks. */
function trimHttpWhitespace(text: string): string {
  const isWhitespace = (char: string | undefined) => char === '\t' || char === '\n' || char === '\r' || char === ' ';
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespace(text[start])) start += 1;
  while (end > start && isWhitespace(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
