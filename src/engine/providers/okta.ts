import type { ProviderProfile } from './profile.ts';
import { firstMatch, saidMatch } from './recognize.ts';
import type { Seen } from './seen.ts';

/*
 * Okta. Sources:
 * - Org authorization server (issuer https://{org}, endpoints /oauth2/v1/…) mints tokens for Okta's own APIs, which
 *   your API cannot validate; a custom one (https://{org}/oauth2/{id}, "default" is pre-made) protects your APIs,
 *   with its Audience setting in aud: https://developer.okta.com/docs/concepts/auth-servers/
 * - Metadata fields (response mode okta_post_message, registration_endpoint /oauth2/v1/clients):
 *   https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/tag/CustomAS
 * - Dynamic Client Registration needs an API token or an access token with okta.clients.register:
 *   https://developer.okta.com/docs/reference/api/oauth-clients/
 * - E0000011 "Invalid token provided", E0000006 "You do not have permission": https://developer.okta.com/docs/reference/error-codes/
 */

const DOCS = 'https://developer.okta.com/docs/';
const ENDPOINT = /^https?:\/\/[^/]+\/oauth2\/(?:[^/]+\/)?v1\/(?:authorize|token)$/;

export const OKTA: ProviderProfile = {
  id: 'okta',
  name: 'Okta',
  docs: DOCS + 'concepts/auth-servers/',
  signals: [
    { says: 'an Okta host', strong: true, find: (seen) => firstMatch(seen.issuers, /^https:\/\/[^/]+\.(okta|oktapreview|okta-emea)\.com(\/|$)/) },
    { says: 'an Okta error code', strong: true, find: (seen) => saidMatch(seen.said, /\bE0000\d{3}\b|\bokta\.clients\.register\b/) },
    {
      says: 'the Okta response mode okta_post_message',
      strong: true,
      find: ({ metadata }) => (JSON.stringify(metadata?.response_modes_supported ?? []).includes('"okta_post_message"') ? 'okta_post_message' : undefined),
    },
    { says: 'the endpoint shape …/oauth2/{server}/v1/authorize', find: ({ metadata }) => firstMatch([metadata?.authorization_endpoint], ENDPOINT) },
    { says: 'the registration endpoint …/oauth2/v1/clients', find: ({ metadata }) => firstMatch([metadata?.registration_endpoint], /\/oauth2\/v1\/clients$/) },
  ],
  deviations: [
    {
      id: 'okta.dcr-needs-token',
      rules: ['registration.rejected'],
      cause: 'Okta’s registration endpoint takes only an API token or an access token with the okta.clients.register scope, which an MCP client does not have.',
      fix: (seen) =>
        'Pre-register a client: Applications → Create App Integration → OIDC, Single-Page Application, with ' +
        `${seen.redirectUri ?? 'your redirect URI'} as a sign-in redirect URI; use its Client ID.`,
      docs: DOCS + 'reference/api/oauth-clients/',
    },
    {
      id: 'okta.org-authorization-server',
      rules: ['token.audience-mismatch', 'mcp.authenticated-request-failed'],
      applies: (_finding, seen) => orgServer(seen),
      cause:
        'This is Okta’s org authorization server (no /oauth2/{id} in the issuer): its access tokens are for Okta’s own APIs, and no other API can validate them.',
      fix: (seen) =>
        `Use a custom authorization server (Security → API → Authorization Servers, e.g. ${origin(seen)}/oauth2/default) with its Audience set to ` +
        `${seen.resource ?? 'the MCP server URL'}, and name its issuer in the PRM's authorization_servers.`,
      docs: DOCS + 'concepts/auth-servers/',
    },
    {
      id: 'okta.custom-server-audience',
      rules: ['token.audience-mismatch'],
      cause: 'An Okta custom authorization server puts its Audience setting in aud (api://default on the default server), whatever resource the client sends.',
      fix: (seen) => `Set the authorization server’s Audience (Security → API → Authorization Servers → Settings) to ${seen.resource ?? 'the MCP server URL'}.`,
      docs: DOCS + 'concepts/auth-servers/',
    },
  ],
};

function orgServer({ metadata }: Seen): boolean {
  return metadata !== undefined && !/\/oauth2\/[^/]+\/?$/.test(metadata.issuer);
}

function origin({ metadata }: Seen): string {
  return /^https?:\/\/[^/]+/.exec(metadata?.issuer ?? '')?.[0] ?? 'https://{yourOktaDomain}';
}
