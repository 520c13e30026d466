import { headerValue, type HeaderList } from '../model/header-list.ts';

/** RFC 9110 §5.6.2: a token, which is what a header name and a method are. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export type TokenList = { kind: 'absent' } | { kind: 'list'; items: string[] } | { kind: 'invalid'; value: string };

/**
 * Fetch "extract header list values" for the Access-Control-Allow-Methods, -Allow-Headers and
 * -Expose-Headers lists (#method / #field-name). A value that does not parse is a failure, and a
 * browser then rejects the whole preflight, so it is kept apart from an empty list.
 */
export function tokenList(headers: HeaderList, name: string): TokenList {
  const value = headerValue(headers, name);
  if (value === null) return { kind: 'absent' };
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.every((item) => TOKEN.test(item)) ? { kind: 'list', items } : { kind: 'invalid', value };
}

export function listItems(list: TokenList): string[] {
  return list.kind === 'list' ? list.items : [];
}

const SPELLING: Readonly<Record<string, string>> = {
  'www-authenticate': 'WWW-Authenticate',
  'last-event-id': 'Last-Event-ID',
};

/** A header name as people write it in a fix: Mcp-Session-Id, WWW-Authenticate. */
export function displayName(name: string): string {
  const lower = name.toLowerCase();
  return SPELLING[lower] ?? lower.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** The list as it stands plus the missing names, as one header line to put in its place. */
export function listLine(name: string, existing: readonly string[], missing: readonly string[]): string {
  const present = new Set(existing.map((item) => item.toLowerCase()));
  const added = missing.filter((item) => !present.has(item.toLowerCase()));
  return `${name}: ${[...existing, ...added].join(', ')}`;
}
