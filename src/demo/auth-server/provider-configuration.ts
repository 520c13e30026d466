import type { Configuration, ResourceServer, errors as OidcErrors, interactionPolicy as OidcInteractionPolicy } from 'oidc-provider';
import { isAllowedBrowserOrigin } from '../browser-origin.ts';
import { MCP_RESOURCE_SCOPES } from '../scopes.ts';
import { INTERACTION_PAGE_CSP, renderAuthorizationErrorPage } from './interaction-pages.ts';
import { everyRequestInteractionPolicy } from './interaction-policy.ts';
import { generateCookieKeys, generateSigningJwks } from './keys.ts';
import { createMemoryAdapterFactory } from './memory-adapter.ts';

export const REGISTRATION_PATH = '/reg';

const ACCESS_TOKEN_TTL_SECONDS = 10 * 60;
const ONE_DAY_SECONDS = 24 * 60 * 60;

export interface ProviderConfigurationOptions {
  mcpResourceUrl: string;
  appOrigin: string;
  errors: typeof OidcErrors;
  interactionPolicy: typeof OidcInteractionPolicy;
}

export async function createProviderConfiguration({
  mcpResourceUrl,
  appOrigin,
  errors,
  interactionPolicy,
}: ProviderConfigurationOptions): Promise<Configuration> {
  const mcpResourceServer: ResourceServer = {
    scope: MCP_RESOURCE_SCOPES.join(' '),
    audience: mcpResourceUrl,
    accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };

  return {
    adapter: createMemoryAdapterFactory(),
    jwks: await generateSigningJwks(),
    cookies: { keys: generateCookieKeys() },

    scopes: ['openid', 'offline_access', ...MCP_RESOURCE_SCOPES],
    responseTypes: ['code'],
    routes: { registration: REGISTRATION_PATH },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: everyRequestInteractionPolicy(interactionPolicy),
    },

    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', INTERACTION_PAGE_CSP);
      ctx.body = renderAuthorizationErrorPage(out);
    },

    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      registration: { enabled: true, initialAccessToken: false, issueRegistrationAccessToken: false },
      resourceIndicators: {
        enabled: true,
        getResourceServerInfo(_ctx, resourceIndicator) {
          // RFC 8707: exact match only, so a trailing-slash or host drift gets invalid_target.
          if (resourceIndicator !== mcpResourceUrl) {
            throw new errors.InvalidTarget(`unknown resource, this server only issues tokens for ${mcpResourceUrl}`);
          }
          return mcpResourceServer;
        },
        // A client that omits `resource` (2025-03-26 clients do) still gets a token the MCP server accepts.
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? mcpResourceUrl,
        useGrantedResource: () => true,
      },
    },

    // Any client may redeem tokens from the app's origin or another loopback origin, even when
    // that origin is not one of its redirect URIs (oidc-provider's default rule).
    clientBasedCORS: (_ctx, origin) => isAllowedBrowserOrigin(origin, appOrigin),

    // MCP clients rarely ask for offline_access (which OIDC only honours with prompt=consent),
    // so the refresh_token grant in the client's registration is what decides.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // OAuth 2.1 §4.3.1: refresh tokens of public clients must be sender-constrained or rotated.
    rotateRefreshToken: true,
    expiresWithSession: () => false,

    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      RefreshToken: ONE_DAY_SECONDS,
      Interaction: 30 * 60,
      Session: ONE_DAY_SECONDS,
      Grant: ONE_DAY_SECONDS,
    },
  };
}
