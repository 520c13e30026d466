import { sameResource } from '../discovery/resource-uri.ts';
import { trimEnd } from '../text/trim-end.ts';

/**
 * Reads the header and claims of a JWS compact JWT (RFC 7519 §7.2, RFC 7515 §7.1) for display.
 * No signature check: the MCP server validates tokens, we only show what they say.
 * Undefined for anything that is not three base64url parts with JSON objects in the first two,
 * which includes opaque tokens and JWE (five parts). Never throws.
 */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeJsonObject(parts[0]!);
  const claims = header && decodeJsonObject(parts[1]!);
  return header && claims ? { header, claims } : undefined;
}

/** True when `aud` (a string or a list, RFC 7519 §4.1.3) names `resource`, compared as canonical URIs. */
export function audienceIncludes(aud: unknown, resource: string): boolean {
  if (typeof aud === 'string') return sameResource(aud, resource);
  return Array.isArray(aud) && aud.some((entry) => typeof entry === 'string' && sameResource(entry, resource));
}

export function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  // base64url without padding (RFC 7515 §2); tolerate padding, which some encoders add anyway.
  const unpadded = trimEnd(part, '=');
  if (!unpadded || !/^[A-Za-z0-9_-]+$/.test(unpadded) || unpadded.length % 4 === 1) return undefined;
  try {
    const binary = atob(unpadded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
