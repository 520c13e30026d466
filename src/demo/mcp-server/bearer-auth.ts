import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Request, RequestHandler, Response } from 'express';
import { MCP_TOOLS_SCOPE } from '../scopes.ts';
import { InvalidAccessTokenError, TokenVerificationUnavailableError, type AccessTokenVerifier } from './access-token-verifier.ts';
import { bearerChallenge } from './www-authenticate.ts';

/** The SDK transport reads the verified token from `req.auth` and hands it to tool handlers. */
export type AuthenticatedRequest = Request & { auth?: AuthInfo };

/**
 * The WWW-Authenticate value of a 401: no token yet (reason undefined) or a rejected one.
 * undefined means no header at all.
 */
export type UnauthorizedChallenge = (invalidTokenReason?: string) => string | undefined;

/** MCP authorization (RFC 9728 §5.1): the challenge points at the protected resource metadata. */
export function resourceMetadataChallenge(resourceMetadataUrl: string): UnauthorizedChallenge {
  return (invalidTokenReason) =>
    bearerChallenge([
      ['error', invalidTokenReason === undefined ? undefined : 'invalid_token'],
      ['error_description', invalidTokenReason],
      ['resource_metadata', resourceMetadataUrl],
      ['scope', MCP_TOOLS_SCOPE],
    ]);
}

/** Every MCP request needs `Authorization: Bearer`; anything else gets 401 with the challenge. */
export function requireBearerToken(verifier: AccessTokenVerifier, challenge: UnauthorizedChallenge): RequestHandler {
  const unauthorized = (res: Response, invalidTokenReason?: string) => {
    const value = challenge(invalidTokenReason);
    if (value !== undefined) res.set('WWW-Authenticate', value);
    res
      .status(401)
      .json(
        invalidTokenReason === undefined
          ? { error: 'unauthorized', error_description: 'This MCP server needs an OAuth access token (Authorization: Bearer)' }
          : { error: 'invalid_token', error_description: invalidTokenReason },
      );
  };

  return async (req, res, next) => {
    const match = /^Bearer +([^ ]+) *$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) {
      unauthorized(res);
      return;
    }
    try {
      (req as AuthenticatedRequest).auth = await verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) {
        unauthorized(res, error.message);
        return;
      }
      if (error instanceof TokenVerificationUnavailableError) {
        res.status(503).json({ error: 'temporarily_unavailable', error_description: error.message });
        return;
      }
      throw error;
    }
    next();
  };
}
