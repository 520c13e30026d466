import * as oauth from 'oauth4webapi';
import { checkAccessTokenAudience } from './access-token-audience.ts';
import { clientAuthFor } from './client-auth.ts';
import { attempt } from './fetch-failure.ts';
import { latestExchange } from './latest-exchange.ts';
import { oauthOptions, toOauthClient, toOauthServer } from './oauth-options.ts';
import { processOauthResponse, refusalSummary } from './oauth-response.ts';
import type { StepDefinition } from './step-definition.ts';

export const tokenStep: StepDefinition = {
  kind: 'token',
  title: 'Token request',
  teaching:
    'The client trades the code for an access token at the token endpoint, proving with the code_verifier that it is the one that ' +
    'started the flow, and naming the resource again. A JWT access token can be decoded to check that its audience is this MCP server.',
  specAnchor: 'token-audience-binding-and-validation',
  async run(ctx) {
    const { asMetadata, client, callbackUrl, state, pkce } = ctx.learned;
    if (!asMetadata || !client || !callbackUrl || !pkce) return { status: 'failed', summary: 'The flow has no code to exchange.' };
    const as = toOauthServer(asMetadata);
    const callbackParameters = oauth.validateAuthResponse(as, toOauthClient(client), new URL(callbackUrl), state!);
    const additionalParameters: Record<string, string> = {};
    // RFC 8707 resource on the token request too, where the version requires it ("Resource Parameter Implementation").
    if (ctx.profile.resourceParameter && ctx.learned.resource) additionalParameters.resource = ctx.learned.resource;

    const sent = await attempt(ctx, 'The token request got no response', () =>
      oauth.authorizationCodeGrantRequest(as, toOauthClient(client), clientAuthFor(client), callbackParameters, ctx.settings.redirectUri, pkce.verifier, {
        additionalParameters,
        ...oauthOptions(ctx),
      }),
    );
    if (!sent.ok) return sent.outcome;
    const exchange = latestExchange(ctx);
    const processed = await processOauthResponse(ctx, exchange, 'token', () => oauth.processAuthorizationCodeResponse(as, toOauthClient(client), sent.value));
    if (!processed.ok) {
      const rawType = rawTokenType(exchange.response?.body);
      if (rawType !== undefined && rawType.toLowerCase() !== 'bearer') {
        ctx.raise('token.type-not-bearer', `token_type is "${rawType}".`, exchange.id);
      } else {
        ctx.raise('token.request-failed', processed.detail, exchange.id);
      }
      return { status: 'failed', summary: refusalSummary('No access token was issued', processed) };
    }
    const tokens = processed.value;
    // oauth4webapi also accepts DPoP-bound tokens; this client only sends Bearer tokens.
    if (tokens.token_type.toLowerCase() !== 'bearer') {
      ctx.raise('token.type-not-bearer', `token_type is "${tokens.token_type}".`, exchange.id);
      return { status: 'failed', summary: `The token is not a Bearer token (${tokens.token_type}).` };
    }
    ctx.learned.tokens = {
      issuer: asMetadata.issuer,
      access_token: tokens.access_token,
      token_type: tokens.token_type,
      ...(tokens.expires_in !== undefined ? { expires_in: tokens.expires_in } : {}),
      ...(tokens.refresh_token ? { refresh_token: tokens.refresh_token } : {}),
      ...(tokens.scope ? { scope: tokens.scope } : {}),
    };
    ctx.note(`token_type = ${tokens.token_type}, expires_in = ${tokens.expires_in ?? 'not given'}`);
    ctx.note(tokens.refresh_token ? 'A refresh token was issued' : 'No refresh token was issued');
    if (!tokens.refresh_token) ctx.raise('token.no-refresh-token', 'The token response has no refresh_token.', exchange.id);
    return checkAccessTokenAudience(ctx, tokens.access_token, exchange.id);
  },
};

function rawTokenType(body: string | undefined): string | undefined {
  try {
    const value: unknown = JSON.parse(body ?? '');
    return value && typeof value === 'object' && 'token_type' in value && typeof value.token_type === 'string' ? value.token_type : undefined;
  } catch {
    return undefined;
  }
}
