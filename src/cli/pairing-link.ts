/**
 * The app's address with a relay to pair with: `<app-url>#relay=<relay url>&secret=<secret>`. The fragment
 * never leaves the browser (RFC 3986 §3.5: it is dereferenced by the user agent alone, never sent in a request), so a hosted copy's server
 * never sees the secret; the app reads it and keeps it in sessionStorage for the tab.
 */
export function pairingLink(appUrl: string, relay: { url: string; secret: string }): string {
  const url = new URL(appUrl);
  url.hash = `relay=${encodeURIComponent(relay.url)}&secret=${encodeURIComponent(relay.secret)}`;
  return url.href;
}
