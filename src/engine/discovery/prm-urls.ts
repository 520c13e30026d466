import type { PrmWellKnown } from '../spec/profile.ts';
import { trimEnd } from '../text/trim-end.ts';

/** An http(s) URL, or undefined: discovery inputs may come from server documents, so never throw. */
export function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The path to insert after a well-known prefix: the URL's path without its terminating "/"
 * ("" for a bare origin). RFC 8414 §3.1 and RFC 9728 §3.1 both say the terminating slash is
 * removed before the well-known string is inserted; the official TypeScript SDK client reads
 * both the same way, so `/mcp/` is probed as `/.well-known/…/mcp`. Query and fragment are dropped.
 */
export function wellKnownSuffixPath(url: URL): string {
  return trimEnd(url.pathname, '/');
}

/**
 * Where to look for protected resource metadata when the challenge gives no URL, in the order the
 * version prescribes (its profile's prmFallbackOrder): the path-inserted URL (RFC 9728 §3.1) and the
 * root. A bare origin has only the root. Empty for a value that is not an http(s) URL.
 */
export function protectedResourceMetadataUrls(mcpUrl: string, order: readonly PrmWellKnown[]): string[] {
  const url = parseHttpUrl(mcpUrl);
  if (!url) return [];
  const root = `${url.origin}/.well-known/oauth-protected-resource`;
  const path = wellKnownSuffixPath(url);
  const urls: Record<PrmWellKnown, string | undefined> = { 'path-inserted': path ? `${root}${path}` : undefined, root };
  return order.flatMap((which) => urls[which] ?? []);
}
