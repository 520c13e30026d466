import type { ProviderProfile } from './profile.ts';
import { firstMatch, saidMatch } from './recognize.ts';

/*
 * GitHub OAuth apps (and GitHub Apps' user authorization). Sources:
 * - Endpoints https://github.com/login/oauth/authorize and https://github.com/login/oauth/access_token, client_secret
 *   required at the token endpoint: https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 * - PKCE with S256 accepted (not required) since July 2025:
 *   https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication
 * - Apps are created by hand, one callback URL each; there is no dynamic registration:
 *   https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/creating-an-oauth-app
 * - No authorization server metadata is published: github.com answers 404 at /.well-known/oauth-authorization-server
 *   and /.well-known/openid-configuration for /login/oauth.
 * - What an MCP client needs from an authorization server: the MCP authorization spec's "Authorization Server
 *   Discovery" and "Client Registration Approaches", https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization
 */

export const GITHUB: ProviderProfile = {
  id: 'github',
  name: 'GitHub (OAuth app)',
  docs: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  signals: [
    {
      says: 'the authorization server https://github.com/login/oauth',
      strong: true,
      find: (seen) => firstMatch(seen.issuers, /^https:\/\/github\.com\/login\/oauth\/?$/),
    },
    { says: 'the issuer shape …/login/oauth', find: (seen) => firstMatch(seen.issuers, /\/login\/oauth\/?$/) },
    { says: 'GitHub’s 404 page on the metadata URLs', find: (seen) => saidMatch(seen.said, /Page not found · GitHub/) },
  ],
  deviations: [
    {
      id: 'github.no-metadata',
      rules: ['as.metadata-unreachable'],
      cause:
        'GitHub OAuth apps publish no authorization server metadata at all, neither RFC 8414 nor OpenID Connect discovery, so an MCP client cannot ' +
        'discover them from a PRM; nor do they offer dynamic registration, and the token endpoint wants a client secret.',
      fix: () =>
        'You cannot add metadata to GitHub: put an authorization server of your own in front (one that signs users in with GitHub) and name it in ' +
        'the PRM’s authorization_servers. MCP clients need from it: RFC 9728 protected resource metadata pointing at it, RFC 8414 metadata, ' +
        'PKCE with S256 listed in code_challenge_methods_supported, and a way to get a client: dynamic registration, client ID metadata documents, ' +
        'or a pre-registered client id.',
      docs: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
    },
  ],
};
