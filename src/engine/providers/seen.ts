import type { Exchange } from '../model/exchange.ts';
import type { AuthorizationServerMetadata, FlowSession, ProtectedResourceMetadata } from '../model/session.ts';
import { decodeJsonObject } from '../jwt/decode.ts';

/**
 * What a run saw that says something about the provider behind it, read from the session alone, so
 * a live run, the CLI and an imported HAR give the same answer. Plain values, no secrets kept.
 */
export interface Seen {
  /** Every issuer named: the PRM's authorization_servers, the one chosen, the metadata's own. */
  issuers: readonly string[];
  metadata?: AuthorizationServerMetadata;
  prm?: ProtectedResourceMetadata;
  /** What the servers said: response bodies, error redirects (decoded), and the findings' details. */
  said: readonly string[];
  /** How the access token came: a JWT anyone can read, a JWE (five parts) only its issuer can, or an opaque string. */
  tokenFormat?: 'jwt' | 'jwe' | 'opaque';
  /** The access token's JOSE header: a JWE's too. */
  tokenHeader?: Record<string, unknown>;
  tokenClaims?: Record<string, unknown>;
  redirectUri?: string;
  clientId?: string;
  /** The scope the authorization request asked for. */
  scope?: string;
  resource?: string;
}

/** Long bodies are cut here: the signatures the profiles look for come early in an error body. */
const TEXT_LIMIT = 8_000;

export function seenIn(session: FlowSession): Seen {
  const { learned, settings } = session;
  const metadata = learned.asMetadata ?? metadataIn(session.exchanges, learned.asMetadataUrl);
  const prm: ProtectedResourceMetadata | undefined = learned.prm ?? wellKnownDocument(session.exchanges, (value) => Array.isArray(value.authorization_servers));
  const issuers = [...(Array.isArray(prm?.authorization_servers) ? prm.authorization_servers : []), learned.issuer, metadata?.issuer].filter(
    (issuer): issuer is string => typeof issuer === 'string',
  );
  const parts = learned.tokens?.access_token.split('.') ?? [];
  const tokenHeader = parts.length === 3 || parts.length === 5 ? decodeJsonObject(parts[0]!) : undefined;
  const clientId = learned.client?.client_id ?? settings.registration?.clientId;
  return {
    issuers: [...new Set(issuers)],
    ...(metadata ? { metadata } : {}),
    ...(prm ? { prm } : {}),
    said: [...session.exchanges.filter(speaksForProvider).map(saidBy), ...session.findings.map((finding) => finding.detail)].filter(Boolean),
    ...(learned.tokens ? { tokenFormat: tokenHeader ? (parts.length === 5 ? 'jwe' : 'jwt') : 'opaque' } : {}),
    ...(tokenHeader ? { tokenHeader } : {}),
    ...(learned.accessTokenClaims ? { tokenClaims: learned.accessTokenClaims } : {}),
    redirectUri: settings.redirectUri,
    ...(clientId ? { clientId } : {}),
    ...(learned.scope ? { scope: learned.scope } : {}),
    ...(learned.resource ? { resource: learned.resource } : {}),
  };
}

/** The authorization server's answers and any refusal; successful MCP traffic (the bulk of a long run) says nothing of the provider. */
function speaksForProvider(exchange: Exchange): boolean {
  return exchange.to !== 'mcp' || (exchange.response?.status ?? 0) >= 400;
}

/** The response body, or for a navigation (an error redirect back) its URL, decoded. */
function saidBy(exchange: Exchange): string {
  if (exchange.outcome === 'navigation') return decoded(exchange.request.url);
  return (exchange.response?.body ?? '').slice(0, TEXT_LIMIT);
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.slice(0, TEXT_LIMIT).replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/** An imported run has no parsed metadata: read it back from the exchange that fetched it. */
function metadataIn(exchanges: readonly Exchange[], url: string | undefined): AuthorizationServerMetadata | undefined {
  const document = wellKnownDocument(exchanges, (value) => typeof value.issuer === 'string', url);
  return document as AuthorizationServerMetadata | undefined;
}

function wellKnownDocument(
  exchanges: readonly Exchange[],
  isIt: (value: Record<string, unknown>) => boolean,
  url?: string,
): Record<string, unknown> | undefined {
  for (const exchange of exchanges) {
    const body = exchange.response?.status === 200 ? exchange.response.body : undefined;
    if (!body || !(url ? exchange.request.url === url : exchange.request.url.includes('/.well-known/'))) continue;
    try {
      const value: unknown = JSON.parse(body);
      if (value && typeof value === 'object' && !Array.isArray(value) && isIt(value as Record<string, unknown>)) {
        return value as Record<string, unknown>;
      }
    } catch {
      // Not JSON: not a metadata document.
    }
  }
  return undefined;
}
