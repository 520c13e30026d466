/** What the relay may reach: the URL, or a sentence for the 400 that refuses it. */

export function checkTargetUrl(raw: unknown): URL | string {
  if (typeof raw !== 'string' || raw === '') return '"url" must be a URL string.';
  const url = URL.parse(raw);
  if (url === null) return `"${raw}" is not a valid URL.`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Only http and https URLs can be relayed, not ${url.protocol} URLs.`;
  }
  // A browser's fetch() refuses these too (and Node would turn them into an Authorization header).
  if (url.username !== '' || url.password !== '') return 'URLs with a user name or password are not relayed.';
  return url;
}

/** True for a serialised http(s) origin, exactly as a browser sends it: no path, no trailing slash. */
export function isHttpOrigin(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
  const url = URL.parse(raw);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === raw;
}
