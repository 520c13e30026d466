import type { AccessTokenVerifier } from '../../mcp-server/access-token-verifier.ts';
import { MCP_RESOURCE_SCOPES } from '../../scopes.ts';

/** Checks that a token is there and nothing else: no signature, issuer, audience or expiry. */
export function acceptAnyToken(): AccessTokenVerifier {
  return {
    async verify(token) {
      return { token, clientId: 'unknown', scopes: [...MCP_RESOURCE_SCOPES], extra: { sub: 'whoever-sent-it' } };
    },
  };
}
