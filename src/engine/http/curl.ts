import type { RecordedRequest } from './exchange.ts';

/** Headers the browser sets itself; a copied command is clearer without them. */
const SKIP = new Set(['content-length', 'host']);

/** A POSIX shell command that repeats the request. Every value is single-quoted, so nothing expands. */
export function toCurl(request: RecordedRequest): string {
  const parts = ['curl', '-i'];
  if (request.method !== 'GET') parts.push('-X', quote(request.method));
  parts.push(quote(request.url));
  for (const [name, value] of request.headers) {
    if (!SKIP.has(name.toLowerCase())) parts.push('-H', quote(`${name}: ${value}`));
  }
  if (request.body !== undefined) parts.push('--data-raw', quote(request.body));
  return parts.join(' \\\n  ');
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
