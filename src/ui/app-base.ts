/**
 * The app's base URL, such as https://host.example/mcp-auth-flow/: the folder index.html and
 * callback.html are served from. The build's base is relative ('./', vite.config.ts) unless
 * BASE_PATH pins one, so it is resolved against the page itself; both pages sit in that folder.
 */
export function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

/** The OAuth redirect URI: a real file, so a host without an SPA fallback serves it. */
export function callbackUrl(base: string): string {
  return new URL('callback.html', base).href;
}
