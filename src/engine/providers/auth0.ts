import type { ProviderProfile } from './profile.ts';
import { firstMatch } from './recognize.ts';
import type { Seen } from './seen.ts';

/*
 * Auth0. Sources:
 * - Issuer https://{tenant}.auth0.com/ with its trailing slash, token endpoint /oauth/token, mfa_challenge_endpoint,
 *   registration_endpoint /oidc/register: https://auth0.com/docs/get-started/applications/configure-applications-with-oidc-discovery
 * - Without an audience the access token is for /userinfo only (opaque, or encrypted: JWE alg "dir", enc A256GCM):
 *   https://auth0.com/docs/secure/tokens/access-tokens
 * - Auth0 takes the RFC 8707 resource parameter only with Settings → Advanced → Resource Parameter Compatibility
 *   Profile on (audience still wins when both are sent): https://auth0.com/ai/docs/mcp/guides/resource-param-compatibility-profile
 * - Dynamic registration is off by default (Settings → Advanced → Dynamic Client Registration):
 *   https://auth0.com/docs/get-started/applications/dynamic-client-registration
 */

const DOCS = 'https://auth0.com/docs/';

export const AUTH0: ProviderProfile = {
  id: 'auth0',
  name: 'Auth0',
  docs: DOCS + 'get-started/applications/configure-applications-with-oidc-discovery',
  signals: [
    { says: 'an Auth0 host', strong: true, find: (seen) => firstMatch(seen.issuers, /^https:\/\/[^/]+\.auth0\.com\/$/) },
    {
      says: 'a trailing-slash issuer with /oauth/token',
      find: ({ metadata }) => (metadata?.issuer.endsWith('/') && /\/oauth\/token$/.test(String(metadata.token_endpoint)) ? metadata.issuer : undefined),
    },
    { says: 'the Auth0 field mfa_challenge_endpoint', find: ({ metadata }) => stringField(metadata?.mfa_challenge_endpoint) },
    {
      says: 'an encrypted access token',
      find: ({ tokenFormat, tokenHeader }) => (tokenFormat === 'jwe' && tokenHeader?.alg === 'dir' ? `JWE, alg "dir"` : undefined),
    },
  ],
  deviations: [
    {
      id: 'auth0.token-for-userinfo',
      rules: ['mcp.authenticated-request-failed', 'token.audience-mismatch'],
      applies: (_finding, seen) => seen.tokenFormat !== 'jwt' || JSON.stringify(seen.tokenClaims?.aud ?? '').includes('/userinfo'),
      cause:
        'Auth0 ignores resource unless the tenant’s Resource Parameter Compatibility Profile is on; without an audience its access ' +
        'token is for /userinfo only, encrypted (JWE, alg dir) or opaque, so the MCP server cannot accept it.',
      fix: (seen) =>
        'In the Auth0 Dashboard turn on Settings → Advanced → Resource Parameter Compatibility Profile, and create an API ' +
        `(Applications → APIs) whose Identifier is exactly ${seen.resource ?? 'the MCP server URL'}.`,
      docs: 'https://auth0.com/ai/docs/mcp/guides/resource-param-compatibility-profile',
    },
    {
      id: 'auth0.issuer-trailing-slash',
      rules: ['as.issuer-mismatch', 'callback.iss-mismatch'],
      applies: (_finding, seen) => slashIssuer(seen) !== undefined,
      cause: 'Auth0’s issuer ends with a slash, and issuers compare exactly (RFC 8414 §3.3): the slash is right, a copy without it is not.',
      fix: (seen) => `Name ${slashIssuer(seen) ?? 'https://{tenant}.auth0.com/'} exactly, with the slash, in the PRM's authorization_servers.`,
      docs: DOCS + 'get-started/applications/configure-applications-with-oidc-discovery',
    },
    {
      id: 'auth0.dcr-off',
      rules: ['registration.unavailable'],
      cause: 'Dynamic Client Registration is off by default on an Auth0 tenant, so the metadata has no registration_endpoint.',
      fix: (seen) =>
        'Turn on Settings → Advanced → Dynamic Client Registration (anyone may then create applications), or create an application ' +
        `with ${seen.redirectUri ?? 'your redirect URI'} in Allowed Callback URLs and use its Client ID as a pre-registered client.`,
      docs: DOCS + 'get-started/applications/dynamic-client-registration',
    },
  ],
};

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The metadata's issuer, when it ends with "/" and the PRM names it without. */
function slashIssuer({ issuers, metadata }: Seen): string | undefined {
  const issuer = metadata?.issuer;
  return issuer?.endsWith('/') && issuers.includes(issuer.slice(0, -1)) ? issuer : undefined;
}
