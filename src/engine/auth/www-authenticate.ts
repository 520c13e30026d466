import type { Challenge } from '../model/challenge.ts';
import type { ChallengeParseResult } from './challenge.ts';

/*
 * WWW-Authenticate parser, RFC 9110 §11.6.1 (with §5.6 lists, tokens and quoted-strings):
 *
 *   WWW-Authenticate = #challenge
 *   challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param  = token BWS "=" BWS ( token / quoted-string )
 *   token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * Challenges and their params share one comma-separated list, so after a comma a token
 * followed by "=" is another param of the current challenge and any other token starts a
 * new challenge. That also covers several header lines joined with ", " by Headers.get().
 *
 * The header is server-controlled and this is a debugger: never throw, keep what can be
 * read, and say in plain words what did not follow the grammar. Linear time on any input.
 */

const MAX_ERRORS = 20;

const isTchar = (c: string): boolean => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/.test(c);
const isToken68Char = (c: string): boolean => /^[A-Za-z0-9\-._~+/]$/.test(c);
const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isControl = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
};
/** A character of an unquoted value we still accept with a complaint (e.g. an unquoted URL). */
const isBareValueChar = (c: string): boolean => !isControl(c) && c !== ' ' && c !== '\t' && c !== ',' && c !== '"';

function describeChar(c: string): string {
  if (isControl(c)) return `control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${c}"`;
}

function setParam(params: Record<string, string>, name: string, value: string): void {
  // defineProperty, so a param named "__proto__" is stored like any other instead of hitting the setter.
  Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
}

export function parseWwwAuthenticate(value: string): ChallengeParseResult {
  const s = typeof value === 'string' ? value : '';
  const n = s.length;
  const challenges: Challenge[] = [];
  const errors: string[] = [];
  const tabAfterScheme: string[] = [];
  let omitted = 0;
  let i = 0;
  let current: Challenge | undefined;

  const fail = (message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push(message);
    else omitted++;
  };
  const at = (): string => s[i] ?? '';
  const skipWhitespace = (): void => {
    while (isWhitespace(s[i])) i++;
  };
  const readWhile = (accept: (c: string) => boolean): string => {
    const start = i;
    while (i < n && accept(s[i]!)) i++;
    return s.slice(start, i);
  };
  /** Recovery: move to the next list separator, stepping over quoted strings. */
  const skipToComma = (): void => {
    let quoted = false;
    while (i < n) {
      const c = s[i]!;
      if (quoted && c === '\\') i++;
      else if (c === '"') quoted = !quoted;
      else if (!quoted && c === ',') return;
      i++;
    }
  };

  const readQuoted = (name: string): string => {
    const start = i;
    i++; // the opening quote
    let result = '';
    let sawControl = false;
    while (i < n) {
      const c = s[i]!;
      if (c === '"') {
        i++;
        return result;
      }
      if (c === '\\' && i + 1 < n) {
        result += s[i + 1];
        i += 2;
        continue;
      }
      if (isControl(c)) {
        if (!sawControl) fail(`The value of ${name} contains a ${describeChar(c)}, which was left out.`);
        sawControl = true;
      } else if (c !== '\\') {
        result += c;
      }
      i++;
    }
    fail(`The quoted value of ${name} starting at character ${start + 1} has no closing quote; the rest of the header was taken as its value.`);
    return result;
  };

  const readValue = (name: string, nameStart: number): string | undefined => {
    if (at() === '"') return readQuoted(name);
    const token = readWhile(isTchar);
    const rest = readWhile(isBareValueChar);
    if (rest) {
      const raw = token + rest;
      fail(`The value of ${name} (${raw}) contains characters that are only allowed inside quotes; it was read as is.`);
      return raw;
    }
    if (!token) {
      fail(`The parameter ${name} at character ${nameStart + 1} has no value.`);
      return undefined;
    }
    return token;
  };

  /** Token68 is only possible right after the scheme, and only if nothing but a separator follows it. */
  const tryToken68 = (): string | undefined => {
    const start = i;
    if (!readWhile(isToken68Char)) return undefined;
    readWhile((c) => c === '=');
    const end = i;
    skipWhitespace();
    if (i >= n || at() === ',') return s.slice(start, end);
    i = start;
    return undefined;
  };

  const expectSeparator = (after: string): void => {
    skipWhitespace();
    if (i >= n || at() === ',') return;
    fail(`Expected a comma after ${after} at character ${i + 1}, found ${describeChar(at())}.`);
    // A token may be a param that only lacks its comma; let the main loop read it. Anything else is skipped.
    if (!isTchar(at())) skipToComma();
  };

  const addParam = (name: string, paramValue: string | undefined, position: number): void => {
    if (!current) {
      fail(`The parameter ${name} at character ${position + 1} comes before any auth scheme and was ignored.`);
    } else if (current.token68 !== undefined) {
      fail(`The parameter ${name} follows the token68 value of the ${current.scheme} challenge and was ignored.`);
    } else if (paramValue === undefined) {
      // readValue has already said why.
    } else if (Object.prototype.hasOwnProperty.call(current.params, name)) {
      fail(`The ${current.scheme} challenge has the parameter ${name} more than once; the first value was kept.`);
    } else {
      setParam(current.params, name, paramValue);
    }
  };

  while (true) {
    let sawComma = false;
    while (i < n && (isWhitespace(s[i]) || s[i] === ',')) {
      if (s[i] === ',') sawComma = true;
      i++;
    }
    if (i >= n) break;

    const start = i;
    const name = readWhile(isTchar);
    if (!name) {
      fail(`Unexpected ${describeChar(at())} at character ${i + 1}.`);
      skipToComma();
      continue;
    }
    const afterName = i;
    skipWhitespace();

    if (at() === '=') {
      i++;
      skipWhitespace();
      const lower = name.toLowerCase();
      addParam(lower, readValue(lower, start), start);
      expectSeparator(`the ${lower} parameter`);
      continue;
    }

    i = afterName;
    if (current && !sawComma) fail(`A comma is missing before the auth scheme ${name} at character ${start + 1}.`);
    current = { scheme: name, params: {} };
    challenges.push(current);
    if (i >= n || at() === ',') continue;
    if (!isWhitespace(at())) {
      fail(`Unexpected ${describeChar(at())} right after the auth scheme ${name} at character ${i + 1}.`);
      skipToComma();
      continue;
    }
    const spaceStart = i;
    skipWhitespace();
    if (i < n && at() !== ',' && s.slice(spaceStart, i).includes('\t')) tabAfterScheme.push(name);
    const token68 = tryToken68();
    if (token68 !== undefined) current.token68 = token68;
  }

  if (omitted > 0) errors.push(`${omitted} more problem${omitted === 1 ? '' : 's'} not listed.`);
  return tabAfterScheme.length ? { challenges, errors, tabAfterScheme } : { challenges, errors };
}

/** The first Bearer challenge; scheme names are case-insensitive (RFC 9110 §11.1). */
export function findBearerChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return challenges.find((challenge) => challenge.scheme.toLowerCase() === 'bearer');
}
