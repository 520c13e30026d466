import { audienceIncludes, decodeJwt } from '../jwt/decode.ts';
import { describeExpiry } from '../jwt/numeric-date.ts';
import { claimText, claimValueText } from '../jwt/claim-text.ts';
import { serverUriAsTyped } from '../discovery/resource-uri.ts';
import type { StepContext, StepOutcome } from './step-definition.ts';

/** Decodes a JWT access token (no signature check here) and compares its audience with the resource. */
export function checkAccessTokenAudience(ctx: StepContext, accessToken: string, exchangeId: string): StepOutcome {
  const decoded = decodeJwt(accessToken);
  if (!decoded) {
    ctx.note('The access token is opaque (not a JWT): only the MCP server can check its audience');
    return { status: 'ok', summary: 'Access token received (opaque).' };
  }
  ctx.learned.accessTokenClaims = decoded.claims;
  const { aud, exp, scope, iss } = decoded.claims;
  // Claims are the server's data: any JSON, including {"toString": 1} and an exp no Date can hold.
  ctx.note(`JWT claims: ${claimText('iss', iss)}, ${claimText('aud', aud)}, ${claimText('scope', scope)}`);
  if (typeof exp === 'number') ctx.note(`exp = ${describeExpiry(exp, Date.now())}`);
  const resource = ctx.learned.resource ?? serverUriAsTyped(ctx.settings.serverUrl);
  if (aud === undefined) {
    // No audience is not another audience: some providers bind access tokens by other claims
    // (Cognito: client_id and scope), and only the MCP server can tell whether it checks those.
    const binding = ['client_id', 'azp', 'scope', 'scp'].filter((name) => decoded.claims[name] !== undefined);
    const others = binding.length ? `; it carries ${binding.join(', ')}` : '';
    ctx.raise('token.no-audience', `The token has no aud claim${others}. The resource is ${JSON.stringify(resource)}.`, exchangeId);
    return { status: 'warning', summary: 'Access token received, without an audience.' };
  }
  if (!audienceIncludes(aud, resource)) {
    // Quoted, so the values read as values: a string aud as "…" (JSON), a list as ["…"].
    ctx.raise('token.audience-mismatch', `aud is ${claimValueText(aud)}, the resource is ${JSON.stringify(resource)}.`, exchangeId);
    return { status: 'warning', summary: 'Access token received, but its audience is not this server.' };
  }
  return { status: 'ok', summary: `Access token received; aud matches ${resource}.` };
}
