import type { Exchange } from '../model/exchange.ts';
import type { HeaderList } from '../model/header-list.ts';
import { replaceJwts } from '../jwt/jwt-spans.ts';
import type { FlowSession } from '../model/session.ts';
import { encodeUriComponentSafely, safeString, wellFormed } from '../text/safe-string.ts';
import { isCredentialMember, isCredentialName } from './credential-names.ts';

/**
 * Redaction for exported reports. Two passes make it hard to leak anything:
 * 1. by shape, wherever a credential can sit: Authorization and cookie headers, `name=value`
 *    parameters (query strings, form bodies, "code = …" notes), JSON members, any JWT, and the
 *    userinfo of a URL (`https://user:password@host`);
 * 2. by value: every secret the session knows or any exchange carried is replaced wherever
 *    else it appears (a summary, a finding, an error message), in its raw, URL-encoded and
 *    JSON-escaped spellings.
 * The text around a secret stays as it was, so a redacted body still reads like the original.
 * Any text is safe to give it: lone surrogates, NUL bytes, megabytes. Every pattern here runs in
 * linear time (see src/engine/linear-time.test.ts); the JWT finder is a scanner for that reason.
 */

export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'dpop']);

/** `name=value`; the callback keeps those whose name is not a credential's. */
const PARAM = /(?<![\w-])([\w-]+)(\s*=\s*)([^\s&#"',;)]+)/g;
/** A JSON member with a string value; the callback keeps those whose name is not a credential's. */
const JSON_MEMBER = /("([\w-]+)"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;
/** The userinfo of a URL in text (RFC 3986 §3.2.1): `https://user:password@host` (user names can be tokens too). */
const USERINFO = /:\/\/([^\s/?#@]+)@/g;
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
      if (typeof secret !== 'string' || secret.length < MIN_SWEEP_LENGTH) continue;
      // Text is compared well-formed (a lone surrogate as U+FFFD, as it travels), so the secret is too.
      spellings.add(wellFormed(secret));
      // A lone surrogate made encodeURIComponent throw "URI malformed" and broke every export.
      spellings.add(encodeUriComponentSafely(secret));
      spellings.add(new URLSearchParams({ v: secret }).toString().slice(2));
      spellings.add(JSON.stringify(secret).slice(1, -1));
    }
    this.spellings = [...spellings].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    // Well-formed first: a secret sent with a lone surrogate travelled as U+FFFD, and is known that way.
    let text = replaceJwts(
      wellFormed(safeString(value))
        .replace(PARAM, (param: string, name: string, equals: string, secret: string) =>
          isCredentialName(name) ? `${name}${equals}${redactedValue(decodeLoosely(secret))}` : param,
        )
        .replace(JSON_MEMBER, (member: string, open: string, name: string, secret: string, close: string) =>
          isCredentialMember(name) ? `${open}${redactedValue(secret)}${close}` : member,
        )
        .replace(SCHEME_CREDENTIALS, (_, scheme: string, space: string, secret: string) => `${scheme}${space}${redactedValue(secret)}`)
        .replace(USERINFO, `://${REDACTED}@`),
      redactedValue,
    );
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
      case 'proxy-authorization':
        return schemeAndRedactedCredentials(value.trim());
      case 'cookie':
        return value
          .split(';')
          .map((pair) => redactCookieValue(pair))
          .join(';');
      case 'set-cookie': {
        // Only the first pair is the cookie; the rest are attributes (Path, Expires…).
        const semicolon = value.indexOf(';');
        return semicolon < 0 ? redactCookieValue(value) : redactCookieValue(value.slice(0, semicolon)) + value.slice(semicolon);
      }
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

/** `Scheme credentials` with the credentials redacted; a value without a scheme is redacted whole. */
function schemeAndRedactedCredentials(value: string): string {
  const space = value.search(/\s/);
  if (space <= 0) return REDACTED;
  let credentials = space;
  while (/\s/.test(value[credentials] ?? '')) credentials++;
  return `${value.slice(0, credentials)}${redactedValue(value.slice(credentials))}`;
}

/** `name=value` with the value redacted; without a name, as it was. */
function redactCookieValue(pair: string): string {
  const equals = pair.indexOf('=');
  return equals > 0 ? `${pair.slice(0, equals + 1)}${REDACTED}` : pair;
}

/**
 * A URL with the credentials it carries redacted by shape: its userinfo and credential-like query
 * parameters (`?api_key=…`). For links and views that show a URL the user typed.
 */
export function redactUrlCredentials(url: string): string {
  return new Redactor([]).text(url);
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
  collectFromUrl(settings.serverUrl, add);
  for (const value of Object.values(learned as Record<string, unknown>)) collectFromJson(value, add);
  if (learned.callbackUrl) collectFromParams(queryOf(learned.callbackUrl), add);

  for (const exchange of session.exchanges) {
    const urls = [exchange.request.url, exchange.response?.finalUrl];
    for (const [name, value] of [...exchange.request.headers, ...(exchange.response?.headers ?? [])]) {
      collectFromHeader(name, value, add);
      if (name.toLowerCase() === 'location') urls.push(value);
    }
    for (const url of urls) if (url) collectFromUrl(url, add);
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
    if (isCredentialMember(key) && typeof member === 'string') add(member);
    else collectFromJson(member, add, depth + 1);
  }
}

function collectFromParams(params: URLSearchParams | undefined, add: (value: string) => void): void {
  for (const [name, value] of params ?? []) if (isCredentialName(name)) add(value);
}

/** Credentials a URL carries: its userinfo (RFC 3986 §3.2.1) and credential-like query parameters. */
function collectFromUrl(url: string, add: (value: string) => void): void {
  collectFromParams(queryOf(url), add);
  try {
    const { username, password } = new URL(url);
    for (const part of [username, password]) {
      add(part);
      add(decodeLoosely(part));
    }
  } catch {
    // Not a URL: nothing to take apart.
  }
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
