/**
 * localhost, 127.0.0.0/8 and [::1]: the hosts on which plain http is tolerated for local
 * development (RFC 8252 §7.3, OAuth 2.1 §1.5). Takes `URL.hostname`, which the URL parser has
 * already normalised (127.1 → 127.0.0.1, upper case → lower case).
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
