import type { AsMetadataOrder } from '../spec/profile.ts';
import { parseHttpUrl, wellKnownSuffixPath } from './prm-urls.ts';

const OAUTH = '/.well-known/oauth-authorization-server';
const OIDC = '/.well-known/openid-configuration';

/**
 * The AS metadata URLs to try for an issuer, in order. Empty for a value that is not an http(s) URL.
 * - `rfc8414-then-oidc` (2025-11-25 and later, "Authorization Server Metadata Discovery"): RFC 8414
 *   path insertion, then OIDC path insertion (RFC 8414 §5), then OIDC path appending (OIDC
 *   Discovery §4.1); without a path, the two root URLs.
 * - `rfc8414` (earlier versions): RFC 8414 only. In 2025-03-26 the "issuer" is the MCP origin anyway.
 * The issuer's terminating "/" is removed first (RFC 8414 §3.1, OIDC Discovery §4.1).
 */
export function authorizationServerMetadataUrls(issuer: string, order: AsMetadataOrder): string[] {
  const url = parseHttpUrl(issuer);
  if (!url) return [];
  const origin = url.origin;
  const path = wellKnownSuffixPath(url);
  if (order === 'rfc8414') return [`${origin}${OAUTH}${path}`];
  if (!path) return [`${origin}${OAUTH}`, `${origin}${OIDC}`];
  return [`${origin}${OAUTH}${path}`, `${origin}${OIDC}${path}`, `${origin}${path}${OIDC}`];
}

/** 2025-03-26 "Server Metadata Discovery": the authorization base URL is the MCP URL with its path removed. */
function legacyBase(mcpUrl: string): string {
  const url = parseHttpUrl(mcpUrl);
  if (!url) throw new TypeError(`Not an http(s) URL: ${mcpUrl}`);
  return url.origin;
}

/** 2025-03-26: the one metadata URL, at the MCP server's origin. Throws a TypeError for a non-http(s) URL. */
export function legacyMetadataUrl(mcpUrl: string): string {
  return `${legacyBase(mcpUrl)}${OAUTH}`;
}

/** 2025-03-26 "Fallbacks for Servers without Metadata Discovery". Throws a TypeError for a non-http(s) URL. */
export function legacyDefaultEndpoints(mcpUrl: string): {
  authorization_endpoint: string;
  token_endpoint: string;
  registration_endpoint: string;
} {
  const base = legacyBase(mcpUrl);
  return {
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    registration_endpoint: `${base}/register`,
  };
}
