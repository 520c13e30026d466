import type { JWK } from 'jose';
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
  /** The resource (RFC 8707) a client gets when it names none, as 2025-03-26 clients do. */
  mcpResourceUrl: string;
  /** More MCP endpoints this server issues tokens for (the fault scenarios that share it). */
  extraResourceUrls?: readonly string[];
  appOrigin: string;
  /** Where the provider is mounted on its origin ('' at the root, '/s/<id>' for a scenario's). */
  mountPath?: string;
  /** Keeps the cookies of several providers on one host apart (browsers ignore the port). */
  cookieNameSuffix?: string;
  /** A signing key shared with other providers (tenants of one host); by default a fresh one. */
  jwks?: { keys: JWK[] };
  errors: typeof OidcErrors;
  interactionPolicy: typeof OidcInteractionPolicy;
}

export async function createProviderConfiguration({
  mcpResourceUrl,
  extraResourceUrls = [],
  appOrigin,
  mountPath = '',
  cookieNameSuffix = '',
  jwks,
  errors,
  interactionPolicy,
}: ProviderConfigurationOptions): Promise<Configuration> {
  const resourceUrls = new Set([mcpResourceUrl, ...extraResourceUrls]);
  const mcpResourceServer = (audience: string): ResourceServer => ({
    scope: MCP_RESOURCE_SCOPES.join(' '),
    audience,
    accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  });

  return {
    adapter: createMemoryAdapterFactory(),
    jwks: jwks ?? (await generateSigningJwks()),
    cookies: {
      keys: generateCookieKeys(),
      names: {
        session: `_session${cookieNameSuffix}`,
        interaction: `_interaction${cookieNameSuffix}`,
        resume: `_interaction_resume${cookieNameSuffix}`,
      },
    },

    scopes: ['openid', 'offline_access', ...MCP_RESOURCE_SCOPES],
    responseTypes: ['code'],
    routes: { registration: REGISTRATION_PATH },
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    interactions: {
      url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`,
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
          if (!resourceUrls.has(resourceIndicator)) {
            throw new errors.InvalidTarget(`unknown resource, this server only issues tokens for ${[...resourceUrls].join(', ')}`);
          }
          return mcpResourceServer(resourceIndicator);
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
