const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The demo servers serve browsers on this machine only: the app's own origin, or any other
 * loopback origin (a preview build, the relay, a second dev server on another port).
 */
export function isAllowedBrowserOrigin(origin: string, appOrigin: string): boolean {
  if (origin === appOrigin) return true;
  const url = URL.parse(origin);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
}
