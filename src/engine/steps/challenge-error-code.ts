import { findBearerChallenge, parseWwwAuthenticate } from '../auth/www-authenticate.ts';
import type { StepContext } from './step-definition.ts';

/**
 * The `error` codes a Bearer challenge may carry: RFC 6750 §3.1's three, and RFC 9470 §3's
 * insufficient_user_authentication, registered for the same use in the OAuth Extensions Error
 * Registry. Codes are case-sensitive. Clients branch on them (invalid_token → get a new token,
 * insufficient_scope → step up), so a code of a server's own making leaves them guessing.
 */
const BEARER_ERROR_CODES: ReadonlySet<string> = new Set(['invalid_request', 'invalid_token', 'insufficient_scope', 'insufficient_user_authentication']);

/** Raises challenge.nonstandard-error when the header's Bearer challenge names an unknown code; true when it did. */
export function flagNonstandardErrorCode(ctx: StepContext, header: string | null, where: string, exchangeId?: string): boolean {
  if (header === null) return false;
  const code = findBearerChallenge(parseWwwAuthenticate(header).challenges)?.params.error;
  if (code === undefined || BEARER_ERROR_CODES.has(code)) return false;
  ctx.raise(
    'challenge.nonstandard-error',
    `${where}: error=${JSON.stringify(code)} is not an RFC 6750 §3.1 code (invalid_request, invalid_token, insufficient_scope).`,
    exchangeId,
  );
  return true;
}
