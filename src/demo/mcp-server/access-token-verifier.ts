import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { MCP_TOOLS_SCOPE } from '../scopes.ts';

/** The token was sent but cannot be accepted; the message goes into error_description. */
export class InvalidAccessTokenError extends Error {}

/** The authorization server (its metadata or JWKS) cannot be reached, so nothing can be verified. */
export class TokenVerificationUnavailableError extends Error {}

export interface AccessTokenVerifier {
  verify(token: string): Promise<AuthInfo>;
}

export interface AccessTokenVerifierOptions {
  /** The `iss` the tokens carry, which the metadata's `issuer` must equal. */
  issuer: string;
  /** This MCP server's URL: the tokens' `aud`. */
  resource: string;
  /** Where the issuer's RFC 8414 metadata is; by default ${issuer}/.well-known/oauth-authorization-server. */
  metadataUrl?: string;
  /** A token must carry at least one of these; by default the base mcp:tools scope. */
  acceptedScopes?: readonly string[];
}

/**
 * Verifies RFC 9068 JWT access tokens: signature against the issuer's JWKS (found through
 * its RFC 8414 metadata), iss, aud = this MCP server, exp, and the base mcp:tools scope.
 */
export function createAccessTokenVerifier({
  issuer,
  resource,
  metadataUrl = `${issuer}/.well-known/oauth-authorization-server`,
  acceptedScopes = [MCP_TOOLS_SCOPE],
}: AccessTokenVerifierOptions): AccessTokenVerifier {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const getKeySet = () => {
    keySet ??= discoverKeySet(issuer, metadataUrl).catch((error: unknown) => {
      keySet = undefined;
      throw error;
    });
    return keySet;
  };

  return {
    async verify(token) {
      const keys = await getKeySet();
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer,
          audience: resource,
          algorithms: ['RS256'],
          typ: 'at+jwt',
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
          throw new TokenVerificationUnavailableError(`Cannot fetch the issuer's JWKS: ${String(error)}`);
        }
        throw new InvalidAccessTokenError(describeRejection(error));
      }
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      if (!acceptedScopes.some((scope) => scopes.includes(scope))) {
        throw new InvalidAccessTokenError(`The access token does not carry the ${acceptedScopes.join(' or ')} scope`);
      }
      return {
        token,
        clientId: typeof payload.client_id === 'string' ? payload.client_id : '',
        scopes,
        expiresAt: payload.exp,
        resource: new URL(resource),
        extra: { sub: payload.sub },
      };
    },
  };
}

async function discoverKeySet(issuer: string, metadataUrl: string): Promise<JWTVerifyGetKey> {
  let metadata: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    metadata = (await response.json()) as typeof metadata;
  } catch (error) {
    throw new TokenVerificationUnavailableError(`Cannot read ${metadataUrl}: ${String(error)}`);
  }
  if (metadata.issuer !== issuer || typeof metadata.jwks_uri !== 'string') {
    throw new TokenVerificationUnavailableError(`${metadataUrl} does not describe issuer ${issuer} with a jwks_uri`);
  }
  return createRemoteJWKSet(new URL(metadata.jwks_uri));
}

function describeRejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The access token audience is not this MCP server';
    if (error.claim === 'iss') return 'The access token was not issued by the expected authorization server';
    if (error.claim === 'typ') return 'The token is not an access token (typ must be at+jwt)';
    return `The access token ${error.claim} claim is not acceptable`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token was signed with a key the issuer does not publish';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token is not signed with RS256';
  return 'The access token is not a valid JWT';
}
