/** Header fields in the order they were sent or received, repeated names kept apart, names as written. */
export type HeaderList = Array<[name: string, value: string]>;

/**
 * Fetch "get" (https://fetch.spec.whatwg.org/#concept-header-list-get): every value of the named
 * header, compared case-insensitively, joined by ", "; null when it is absent.
 */
export function headerValue(headers: HeaderList, name: string): string | null {
  const wanted = name.toLowerCase();
  const values = headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
  return values.length ? values.join(', ') : null;
}
