/**
 * Whether the official TypeScript SDK's clients would accept a protected resource metadata
 * `resource` for this server URL (SDK 1.32, client/auth.js: selectResourceURL → checkResourceAllowed).
 * They accept the same origin with a path that is a prefix of the server URL's path, compared
 * segment-wise (with a trailing "/" added to both, but never longer than the server's path), where
 * RFC 9728 §3.3 requires the identical URL.
 * Used only to say, next to our stricter verdict, that SDK clients go on.
 */
export function sdkClientsAcceptResource(resource: string, serverUrl: string): boolean {
  let published: URL;
  let server: URL;
  try {
    published = new URL(resource);
    server = new URL(serverUrl);
  } catch {
    return false;
  }
  if (published.origin !== server.origin) return false;
  // A resource path longer than the server's (/mcp/ for /mcp) is refused before any prefix test.
  if (server.pathname.length < published.pathname.length) return false;
  const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  return withSlash(server.pathname).startsWith(withSlash(published.pathname));
}
