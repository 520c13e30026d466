import type { ProviderProfile } from './profile.ts';
import { firstMatch, saidMatch } from './recognize.ts';

/*
 * Google (Sign in with Google, Google OAuth 2.0). Sources:
 * - Issuer https://accounts.google.com, discovery at /.well-known/openid-configuration only (authorization endpoint
 *   /o/oauth2/v2/auth, token endpoint https://oauth2.googleapis.com/token, jwks /oauth2/v3/certs):
 *   https://developers.google.com/identity/openid-connect/openid-connect#discovery
 * - Clients are created in the Google Cloud console (APIs & Services → Credentials → OAuth client ID); there is no
 *   dynamic registration: https://support.google.com/cloud/answer/6158849
 * - The token request carries client_secret, also with PKCE; only Android, iOS and Chrome-app clients go without:
 *   https://developers.google.com/identity/protocols/oauth2/native-app#exchange-authorization-code
 *   https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code
 *   Without it the endpoint answers invalid_request "client_secret is missing." (openid/AppAuth-JS#91,
 *   googleapis/google-api-dotnet-client#1827).
 * - Access tokens are opaque and for Google APIs; the id_token is a JWT whose aud is the client id, meant for the
 *   client, not an API: https://developers.google.com/identity/openid-connect/openid-connect#obtainuserinfo
 *   and https://developers.google.com/identity/sign-in/web/backend-auth
 */

const DOCS = 'https://developers.google.com/identity/';

export const GOOGLE: ProviderProfile = {
  id: 'google',
  name: 'Google',
  docs: DOCS + 'openid-connect/openid-connect',
  signals: [
    { says: 'the issuer https://accounts.google.com', strong: true, find: (seen) => firstMatch(seen.issuers, /^https:\/\/accounts\.google\.com\/?$/) },
    { says: 'a Google OAuth client id', strong: true, find: ({ clientId }) => firstMatch([clientId], /\.apps\.googleusercontent\.com$/) },
    { says: 'Google’s "client_secret is missing."', strong: true, find: (seen) => saidMatch(seen.said, /client_secret is missing\./) },
    { says: 'the authorization endpoint …/o/oauth2/v2/auth', find: ({ metadata }) => firstMatch([metadata?.authorization_endpoint], /\/o\/oauth2\/v2\/auth$/) },
    {
      says: 'the key set …/oauth2/v3/certs',
      find: ({ metadata }) => firstMatch([typeof metadata?.jwks_uri === 'string' ? metadata.jwks_uri : undefined], /\/oauth2\/v3\/certs$/),
    },
  ],
  deviations: [
    {
      id: 'google.client-secret-required',
      rules: ['token.request-failed', 'refresh.failed'],
      applies: (_finding, _seen, text) => text.includes('client_secret is missing'),
      cause:
        'Google’s token endpoint wants the client secret even with PKCE, for Web application and Desktop clients alike; only the Android, iOS and ' +
        'Chrome-app client types go without one.',
      fix: (seen) =>
        `Give the client secret of ${seen.clientId ?? 'the OAuth client'} along with its id (Google says a Desktop client’s secret is not ` +
        'treated as confidential); where clients must not hold one, put an authorization server of your own in front of Google that keeps it.',
      docs: DOCS + 'protocols/oauth2/native-app#exchange-authorization-code',
    },
    {
      id: 'google.opaque-access-token',
      rules: ['mcp.authenticated-request-failed', 'token.audience-mismatch'],
      applies: (_finding, seen) => seen.tokenFormat === 'opaque',
      cause:
        'Google’s access tokens are opaque strings for Google’s own APIs: nothing in them names the MCP server, so no aud check is possible. ' +
        'The id_token beside it is a JWT, but its aud is the OAuth client id and it proves a sign-in to the client; it is not an access token.',
      fix: () =>
        'Check the access token with Google (the tokeninfo endpoint: its aud or azp must be your client id) instead of parsing it as a JWT, ' +
        'and never accept the id_token as a bearer token; for tokens bound to the MCP server, put an authorization server of your own in front of Google.',
      docs: DOCS + 'sign-in/web/backend-auth',
    },
    {
      id: 'google.no-dcr',
      rules: ['registration.unavailable', 'registration.rejected'],
      cause: 'Google has no dynamic client registration: OAuth clients are created in a Google Cloud project.',
      fix: (seen) =>
        'In the Google Cloud console, APIs & Services → Credentials → Create credentials → ' +
        (loopbackRedirect(seen.redirectUri)
          ? // A CLI listens on a fresh loopback port each run; Google's Desktop app type takes any port (native-app#redirect-uri_loopback).
            'OAuth client ID of type Desktop app (Google takes a loopback redirect URI on any port for it, so there is none to add), '
          : seen.redirectUri
            ? `OAuth client ID of type Web application, add ${seen.redirectUri} as an authorized redirect URI, `
            : 'OAuth client ID of type Web application with your redirect URI as an authorized one (for a CLI: Desktop app, which takes a loopback redirect URI on any port), ') +
        'and use its client id and secret as a pre-registered client.',
      docs: 'https://support.google.com/cloud/answer/6158849',
    },
    {
      id: 'google.oidc-discovery-only',
      rules: ['as.metadata-unreachable'],
      cause:
        'Google publishes OpenID Connect discovery only (https://accounts.google.com/.well-known/openid-configuration), no RFC 8414 document; 2025-06-18 clients look only for the latter.',
      fix: () =>
        'Clients of 2025-11-25 and later find Google’s OpenID Connect document; for 2025-06-18 clients, put an authorization server of your own in front ' +
        'that serves RFC 8414 metadata and name it in your PRM.',
      docs: DOCS + 'openid-connect/openid-connect#discovery',
    },
  ],
};

/** http://127.0.0.1:<port>/… or http://[::1]:<port>/…: the redirect of a native client such as the CLI (RFC 8252 §7.3). */
function loopbackRedirect(redirectUri: string | undefined): boolean {
  const url = redirectUri === undefined ? undefined : URL.parse(redirectUri);
  return url?.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}
