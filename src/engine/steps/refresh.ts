import * as oauth from 'oauth4webapi';
import { checkAccessTokenAudience } from './access-token-audience.ts';
import { clientAuthFor } from './client-auth.ts';
import { attempt } from './fetch-failure.ts';
import { latestExchange } from './latest-exchange.ts';
import { oauthOptions, toOauthClient, toOauthServer } from './oauth-options.ts';
import { processOauthResponse, refusalSummary } from './oauth-response.ts';
import type { StepDefinition } from './step-definition.ts';

export const refreshStep: StepDefinition = {
  kind: 'refresh',
  title: 'Refresh the access token',
  teaching:
    'The client trades its refresh token for a new access token, naming the resource again so the new token has the right audience. ' +
    'A public client’s refresh token must be rotated: each use returns a new one and retires the old.',
  specAnchor: 'refresh-tokens',
  async run(ctx) {
    const { asMetadata, client, tokens } = ctx.learned;
    if (!asMetadata || !client || !tokens) return { status: 'failed', summary: 'There is no token to refresh yet.' };
    if (!tokens.refresh_token) {
      ctx.note('No refresh token was issued, so the user has to authorize again');
      return { status: 'skipped', summary: 'No refresh token to use.' };
    }
    const additionalParameters: Record<string, string> = {};
    // The refresh names the resource as the token request did, so the new token keeps its audience (RFC 8707 §2.2).
    if (ctx.profile.resourceParameter && ctx.learned.resource) additionalParameters.resource = ctx.learned.resource;
    const as = toOauthServer(asMetadata);
    const sent = await attempt(ctx, 'The refresh request got no response', () =>
      oauth.refreshTokenGrantRequest(as, toOauthClient(client), clientAuthFor(client), tokens.refresh_token!, {
        additionalParameters,
        ...oauthOptions(ctx),
      }),
    );
    if (!sent.ok) return sent.outcome;
    const exchange = latestExchange(ctx);
    const processed = await processOauthResponse(ctx, exchange, 'token', () => oauth.processRefreshTokenResponse(as, toOauthClient(client), sent.value));
    if (!processed.ok) {
      ctx.raise('refresh.failed', processed.detail, exchange.id);
      return { status: 'failed', summary: refusalSummary('The refresh was refused', processed) };
    }
    const fresh = processed.value;
    if (fresh.token_type.toLowerCase() !== 'bearer') {
      ctx.raise('token.type-not-bearer', `token_type is "${fresh.token_type}".`, exchange.id);
      return { status: 'failed', summary: `The refreshed token is not a Bearer token (${fresh.token_type}).` };
    }
    const rotated = !!fresh.refresh_token && fresh.refresh_token !== tokens.refresh_token;
    ctx.learned.tokens = {
      ...tokens,
      access_token: fresh.access_token,
      token_type: fresh.token_type,
      ...(fresh.expires_in !== undefined ? { expires_in: fresh.expires_in } : {}),
      ...(fresh.refresh_token ? { refresh_token: fresh.refresh_token } : {}),
      ...(fresh.scope ? { scope: fresh.scope } : {}),
    };
    ctx.note(rotated ? 'The refresh token was rotated: a new one replaces the old' : 'The same refresh token stays in use');
    if (!rotated && !client.client_secret && ctx.profile.refresh.rotationForPublicClients) {
      ctx.raise('refresh.not-rotated', 'The refresh response did not carry a new refresh token for this public client.', exchange.id);
      const audience = checkAccessTokenAudience(ctx, fresh.access_token, exchange.id);
      return { ...audience, status: 'warning', summary: 'New access token, but the refresh token was not rotated.' };
    }
    return checkAccessTokenAudience(ctx, fresh.access_token, exchange.id);
  },
};
