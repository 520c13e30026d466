import type { ProviderProfile } from './profile.ts';
import { firstMatch } from './recognize.ts';
import type { Seen } from './seen.ts';

/*
 * Amazon Cognito user pools. Sources:
 * - Issuer https://cognito-idp.{region}.amazonaws.com/{userPoolId} with only OpenID Connect discovery at
 *   {issuer}/.well-known/openid-configuration; /oauth2/authorize, /oauth2/token and /oauth2/userInfo on the user
 *   pool domain: https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html
 * - /oauth2/authorize takes code_challenge and code_challenge_method S256:
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 *   yet the discovery document has no code_challenge_methods_supported (re:Post "Missing code_challenge_methods_supported
 *   field in Amazon Cognito OpenID Connect configuration"; anthropics/claude-code#13275; python-sdk#976).
 * - App clients are created in the console, the CLI or CreateUserPoolClient; there is no dynamic registration:
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
 * - Access tokens carry client_id, scope and token_use "access", and no aud (the ID token's aud is the app client):
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 * - Verifying them (issuer, token_use, client_id, scopes): https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 * - Custom scopes come from a resource server, written {identifier}/{scope}; resource binding (the RFC 8707 resource
 *   parameter, managed login on the Essentials or Plus plan) issues an access token whose aud is the resource:
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html#cognito-user-pools-resource-binding
 * - FastMCP's Cognito verifier skips aud and checks client_id for the same reason:
 *   https://gofastmcp.com/docs/python-sdk/fastmcp-server-auth-providers-aws
 */

const DOCS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/';
const ISSUER_HOST = /^https:\/\/cognito-idp\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com\//;
const POOL_DOMAIN = /^https:\/\/[a-z0-9-]+\.auth\.[a-z]{2}(?:-[a-z]+)+-\d\.amazoncognito\.com\//;
/** A user pool id, {region}_{id}, as the last path segment of the issuer. */
const POOL_ISSUER = /\/[a-z]{2}(?:-[a-z]+)+-\d_[0-9a-zA-Z]+$/;

export const COGNITO: ProviderProfile = {
  id: 'cognito',
  name: 'Amazon Cognito',
  docs: DOCS + 'cognito-userpools-server-contract-reference.html',
  signals: [
    { says: 'the cognito-idp issuer host', strong: true, find: (seen) => firstMatch(seen.issuers, ISSUER_HOST) },
    {
      says: 'a user pool domain',
      strong: true,
      find: ({ metadata }) => firstMatch([metadata?.authorization_endpoint, metadata?.token_endpoint], POOL_DOMAIN),
    },
    { says: 'the issuer shape …/{region}_{poolId}', find: (seen) => firstMatch(seen.issuers, POOL_ISSUER) },
    { says: 'the userinfo endpoint …/oauth2/userInfo', find: ({ metadata }) => firstMatch([stringField(metadata?.userinfo_endpoint)], /\/oauth2\/userInfo$/) },
    {
      says: 'an access token with token_use "access" and client_id',
      find: ({ tokenClaims }) => (tokenClaims?.token_use === 'access' && typeof tokenClaims.client_id === 'string' ? 'token_use "access"' : undefined),
    },
  ],
  deviations: [
    {
      id: 'cognito.no-audience',
      rules: ['token.no-audience', 'token.audience-mismatch'],
      applies: (_finding, seen) => seen.tokenClaims !== undefined && seen.tokenClaims.aud === undefined,
      cause:
        'Cognito access tokens have no aud claim by design: they name the app client in client_id and the API in the scope ' +
        '({resource-server}/{scope}); only the ID token has an aud, and it is not an access token. Only resource binding adds an aud.',
      fix: (seen) =>
        `Either make ${seen.resource ?? 'the MCP server URL'} a resource server identifier of the pool and use resource binding (managed login, ` +
        'Essentials or Plus plan), so the resource parameter becomes aud; or make the MCP server check what Cognito puts there: ' +
        `iss ${poolIssuer(seen)}, token_use "access", client_id among your app clients (${seen.clientId ?? 'the app client id'}) and a scope of your resource server.`,
      docs: DOCS + 'cognito-user-pools-define-resource-servers.html#cognito-user-pools-resource-binding',
    },
    {
      id: 'cognito.pkce-not-advertised',
      rules: ['as.pkce-methods-absent'],
      cause:
        'Cognito’s /oauth2/authorize takes PKCE with S256, but its openid-configuration omits code_challenge_methods_supported, and no user pool setting adds it.',
      fix: () =>
        'You cannot change Cognito’s document: serve a copy of it that adds "code_challenge_methods_supported": ["S256"] and name that URL ' +
        'as the authorization server in your PRM, or put an authorization server of your own in front of the pool.',
      docs: DOCS + 'authorization-endpoint.html',
    },
    {
      id: 'cognito.no-dcr',
      rules: ['registration.unavailable', 'registration.rejected'],
      cause: 'Cognito user pools have no dynamic client registration: app clients are created by the pool’s administrator.',
      fix: (seen) =>
        'Create an app client in the user pool (App clients → Create app client, public client, no secret) with the authorization code grant, ' +
        `${seen.redirectUri ?? 'your redirect URI'} as an allowed callback URL and your resource server’s scopes, and use its client id as a pre-registered client.`,
      docs: DOCS + 'user-pool-settings-client-apps.html',
    },
    {
      id: 'cognito.oidc-discovery-only',
      rules: ['as.metadata-unreachable'],
      cause:
        'Cognito publishes OpenID Connect discovery only, at {issuer}/.well-known/openid-configuration, and no RFC 8414 document; 2025-06-18 clients look only for the latter.',
      fix: (seen) =>
        `Clients of 2025-11-25 and later find ${poolIssuer(seen)}/.well-known/openid-configuration; for 2025-06-18 clients, serve a copy of it as RFC 8414 metadata ` +
        'under an issuer you control and name that issuer in your PRM.',
      docs: DOCS + 'federation-endpoints.html',
    },
  ],
};

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The pool's issuer as the run saw it. */
function poolIssuer(seen: Seen): string {
  return firstMatch(seen.issuers, ISSUER_HOST) ?? firstMatch(seen.issuers, POOL_ISSUER) ?? 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}';
}
