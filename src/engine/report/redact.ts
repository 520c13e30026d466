import type { Exchange, HeaderList } from '../http/exchange.ts';
import type { FlowSession } from '../session/types.ts';

/**
 * Redaction for exported reports. Two passes make it hard to leak anything:
 * 1. by shape, wherever a credential can sit: Authorization and cookie headers, `name=value`
 *    parameters (query strings, form bodies, "code = …" notes), JSON members, and any JWT;
 * 2. by value: every secret the session knows or any exchange carried is replaced wherever
 *    else it appears (a summary, a finding, an error message), in its raw, URL-encoded and
 *    JSON-escaped spellings.
 * The text around a secret stays as it was, so a redacted body still reads like the original.
 */

export const REDACTED = '[redacted]';

/** Parameter names whose values are credentials, in query strings, form bodies and notes. */
const SECRET_PARAMS = [
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'assertion',
  'subject_token',
  'actor_token',
  'device_code',
  'registration_access_token',
  'token',
  'password',
];

/** JSON members whose values are credentials. (`code` is left out: JSON-RPC and error bodies use it for status codes.) */
const SECRET_JSON_MEMBERS = SECRET_PARAMS.filter((name) => name !== 'code' && name !== 'token');

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'dpop']);

const JWT = /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const PARAM = new RegExp(`(?<![\\w-])(${SECRET_PARAMS.join('|')})(\\s*=\\s*)([^\\s&#"',;)]+)`, 'g');
const JSON_MEMBER = new RegExp(`("(?:${SECRET_JSON_MEMBERS.join('|')})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'g');
/** A credential after an auth scheme in free text; long enough not to be the word "token". */
const SCHEME_CREDENTIALS = /\b(Bearer|Basic|DPoP)(\s+)([A-Za-z0-9\-._~+/]{16,}=*)(?=$|[\s,;])/g;

/** Secrets shorter than this are redacted where their shape shows, but not searched for as plain text. */
const MIN_SWEEP_LENGTH = 8;

/** How a redacted value reads: a JWT keeps its (non-secret) header prefix. */
export function redactedValue(value: string): string {
  return /^eyJ[A-Za-z0-9_-]+\.eyJ/.test(value) ? `${value.slice(0, 10)}…[redacted JWT]` : REDACTED;
}

export class Redactor {
  /** Spellings to search for, longest first so a secret inside another goes with it. */
  private readonly spellings: string[];

  constructor(secrets: Iterable<string>) {
    const spellings = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_SWEEP_LENGTH) continue;
      spellings.add(secret);
      spellings.add(encodeURIComponent(secret));
      spellings.add(new URLSearchParams({ v: secret }).toString().slice(2));
      spellings.add(JSON.stringify(secret).slice(1, -1));
    }
    this.spellings = [...spellings].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let text = value
      .replace(PARAM, (_, name: string, equals: string, secret: string) => `${name}${equals}${redactedValue(decodeLoosely(secret))}`)
      .replace(JSON_MEMBER, (_, open: string, secret: string, close: string) => `${open}${redactedValue(secret)}${close}`)
      .replace(SCHEME_CREDENTIALS, (_, scheme: string, space: string, secret: string) => `${scheme}${space}${redactedValue(secret)}`)
      .replace(JWT, (jwt) => redactedValue(jwt));
    for (const spelling of this.spellings) {
      if (text.includes(spelling)) text = text.split(spelling).join(REDACTED);
    }
    return text;
  }

  headers(headers: HeaderList): HeaderList {
    return headers.map(([name, value]) => [name, this.header(name, value)]);
  }

  private header(name: string, value: string): string {
    switch (name.toLowerCase()) {
      case 'authorization':
      case 'proxy-authorization': {
        const match = /^(\S+)(\s+)(.+)$/.exec(value.trim());
        return match ? `${match[1]}${match[2]}${redactedValue(match[3]!)}` : REDACTED;
      }
      case 'cookie':
        return value
          .split(';')
          .map((pair) => pair.replace(/^(\s*[^=]+=).*$/, `$1${REDACTED}`))
          .join(';');
      case 'set-cookie':
        // Only the first pair is the cookie; the rest are attributes (Path, Expires…).
        return value.replace(/^(\s*[^=;]+=)[^;]*/, `$1${REDACTED}`);
      case 'dpop':
        return redactedValue(value);
      default:
        return this.text(value);
    }
  }

  exchange(exchange: Exchange): Exchange {
    const { request, response } = exchange;
    return {
      ...exchange,
      label: this.text(exchange.label),
      request: {
        ...request,
        url: this.text(request.url),
        headers: this.headers(request.headers),
        ...(request.body !== undefined ? { body: this.text(request.body) } : {}),
      },
      ...(response
        ? {
            response: {
              ...response,
              headers: this.headers(response.headers),
              body: this.text(response.body),
              finalUrl: this.text(response.finalUrl),
            },
          }
        : {}),
      ...(exchange.error !== undefined ? { error: this.text(exchange.error) } : {}),
    };
  }
}

/** Every secret value the session holds or any of its exchanges carried. */
export function collectSecrets(session: FlowSession): Set<string> {
  const secrets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value) secrets.add(value);
  };
  const { learned, settings } = session;
  add(settings.registration?.clientSecret);
  add(learned.tokens?.access_token);
  add(learned.tokens?.refresh_token);
  add(learned.code);
  add(learned.pkce?.verifier);
  add(learned.client?.client_secret);
  add(learned.client?.registration_access_token);
  for (const value of Object.values(learned as Record<string, unknown>)) collectFromJson(value, add);
  if (learned.callbackUrl) collectFromParams(queryOf(learned.callbackUrl), add);

  for (const exchange of session.exchanges) {
    const urls = [exchange.request.url, exchange.response?.finalUrl];
    for (const [name, value] of [...exchange.request.headers, ...(exchange.response?.headers ?? [])]) {
      collectFromHeader(name, value, add);
      if (name.toLowerCase() === 'location') urls.push(value);
    }
    for (const url of urls) if (url) collectFromParams(queryOf(url), add);
    for (const body of [exchange.request.body, exchange.response?.body]) collectFromBody(body, add);
  }
  return secrets;
}

function collectFromHeader(name: string, value: string, add: (value: string) => void): void {
  const lower = name.toLowerCase();
  if (!SECRET_HEADERS.has(lower)) return;
  if (lower === 'cookie' || lower === 'set-cookie') {
    const pairs = lower === 'cookie' ? value.split(';') : [value.split(';')[0] ?? ''];
    for (const pair of pairs) add(pair.slice(pair.indexOf('=') + 1).trim());
    return;
  }
  const [scheme, credentials] = value.trim().split(/\s+/, 2);
  if (!credentials) return add(value.trim());
  add(credentials);
  if (scheme?.toLowerCase() === 'basic') {
    // client_id:client_secret, each form-urlencoded (RFC 6749 §2.3.1); the id is no secret.
    const decoded = decodeBase64(credentials);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded && colon >= 0) {
      const secret = decoded.slice(colon + 1);
      add(secret);
      add(decodeLoosely(secret));
    }
  }
}

function collectFromBody(body: string | undefined, add: (value: string) => void): void {
  if (!body) return;
  try {
    collectFromJson(JSON.parse(body), add);
    return;
  } catch {
    // Not JSON: maybe a form body, maybe text.
  }
  if (/^[\w.~%+-]+=[^\s]*$/.test(body.trim())) collectFromParams(new URLSearchParams(body.trim()), add);
}

function collectFromJson(value: unknown, add: (value: string) => void, depth = 0): void {
  if (depth > 20 || !value || typeof value !== 'object') return;
  for (const [key, member] of Object.entries(value)) {
    if (SECRET_JSON_MEMBERS.includes(key) && typeof member === 'string') add(member);
    else collectFromJson(member, add, depth + 1);
  }
}

function collectFromParams(params: URLSearchParams | undefined, add: (value: string) => void): void {
  for (const [name, value] of params ?? []) if (SECRET_PARAMS.includes(name)) add(value);
}

function queryOf(url: string): URLSearchParams | undefined {
  try {
    const parsed = new URL(url);
    // Implicit-style responses put tokens in the fragment.
    return new URLSearchParams(`${parsed.search.slice(1)}&${parsed.hash.slice(1)}`);
  } catch {
    return undefined;
  }
}

function decodeBase64(value: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function decodeLoosely(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
