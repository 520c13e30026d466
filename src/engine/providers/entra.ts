import type { ProviderProfile } from './profile.ts';
import { firstMatch, saidMatch } from './recognize.ts';
import type { Seen } from './seen.ts';

/*
 * Microsoft Entra ID (the Microsoft identity platform), v2.0 endpoints. Sources:
 * - Issuer https://login.microsoftonline.com/{tenant}/v2.0, metadata at {issuer}/.well-known/openid-configuration
 *   (no code_challenge_methods_supported, no registration_endpoint):
 *   https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc
 * - PKCE S256 supported (and required for SPA redirect URIs): https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 * - AADSTS901002 "The 'resource' request parameter isn't supported", AADSTS9010010 "The resource parameter provided
 *   in the request doesn't match with the requested scopes": https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
 * - v2.0 names the API in the scope, api://{app-id}/.default: https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc
 * - v1 tokens carry iss https://sts.windows.net/{tenant}/; accessTokenAcceptedVersion 2 in the manifest gives v2:
 *   https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens
 * - No dynamic client registration: register an app, https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app
 */

const DOCS = 'https://learn.microsoft.com/en-us/entra/identity-platform/';
const HOSTS = /^https:\/\/(login\.microsoftonline\.(com|us)|login\.microsoft\.com|sts\.windows\.net|login\.partner\.microsoftonline\.cn)\//;
// A tenant: a GUID, common/organizations/consumers, or a verified *.onmicrosoft.com domain. Literal regexes only,
// so the regex-safety test can prove each one linear.
const AUTHORITY =
  /^https?:\/\/[^/]+\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|common|organizations|consumers|[a-z0-9-]+\.onmicrosoft\.com)(\/v2\.0)?\/?$/i;
const ENDPOINT =
  /^https?:\/\/[^/]+\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|common|organizations|consumers|[a-z0-9-]+\.onmicrosoft\.com)\/oauth2\/(v2\.0\/)?(authorize|token)$/i;
const TENANT_IN_PATH = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|common|organizations|consumers|[a-z0-9-]+\.onmicrosoft\.com)(\/|$)/i;
const RESOURCE_REFUSED = /AADSTS(901002|9010010)\b/;

export const ENTRA: ProviderProfile = {
  id: 'entra',
  name: 'Microsoft Entra ID',
  docs: DOCS + 'v2-protocols-oidc',
  signals: [
    { says: 'a Microsoft login host', strong: true, find: (seen) => firstMatch(seen.issuers, HOSTS) },
    { says: 'an Entra error code', strong: true, find: (seen) => saidMatch(seen.said, /\bAADSTS\d{5,}\b/) },
    { says: 'the issuer shape …/{tenant}/v2.0', find: (seen) => firstMatch(seen.issuers, AUTHORITY) },
    {
      says: 'the endpoint shape …/{tenant}/oauth2/v2.0/authorize',
      find: (seen) => firstMatch([seen.metadata?.authorization_endpoint, seen.metadata?.token_endpoint], ENDPOINT),
    },
  ],
  deviations: [
    {
      id: 'entra.resource-rejected',
      rules: ['callback.error', 'token.request-failed', 'refresh.failed'],
      applies: (_finding, _seen, text) => RESOURCE_REFUSED.test(text),
      cause:
        'Entra v2.0 names the API in the scope, not in the RFC 8707 resource parameter: AADSTS901002 refuses resource, ' +
        'AADSTS9010010 refuses one that does not match the scope.',
      fix: (seen) => `Request scope=${apiScope(seen)} and leave resource out; list that scope in the PRM's scopes_supported.`,
      docs: DOCS + 'scopes-oidc',
    },
    {
      id: 'entra.no-dcr',
      rules: ['registration.unavailable', 'registration.rejected'],
      cause: 'Entra has no dynamic client registration: its metadata has no registration_endpoint.',
      fix: (seen) =>
        `Register an app (App registrations → New registration), add ${seen.redirectUri ?? 'your redirect URI'} as a ` +
        'Single-page application redirect URI (Mobile and desktop for a CLI), and use its Application (client) ID as a pre-registered client.',
      docs: DOCS + 'quickstart-register-app',
    },
    {
      id: 'entra.pkce-not-advertised',
      rules: ['as.pkce-methods-absent'],
      cause: 'Entra supports PKCE with S256 but its metadata omits code_challenge_methods_supported, and no tenant setting adds it.',
      fix: () =>
        'Do not wait for Entra: serve a copy of its metadata that adds code_challenge_methods_supported ["S256"] and list that as ' +
        'the authorization server in your PRM, or use clients that take a pre-registered client id and send S256 anyway.',
      docs: DOCS + 'v2-oauth2-auth-code-flow',
    },
    {
      id: 'entra.issuer-version',
      rules: ['as.issuer-mismatch', 'callback.iss-mismatch', 'token.audience-mismatch'],
      applies: (_finding, seen) => seen.issuers.some((issuer) => AUTHORITY.test(issuer) && !/\/v2\.0\/?$/.test(issuer)),
      cause:
        'Entra has a v1 authority (…/{tenant}, issuer https://sts.windows.net/{tenant}/) and a v2.0 one (…/{tenant}/v2.0); ' +
        'the PRM and the metadata name different ones.',
      fix: (seen) =>
        `List ${v2Issuer(seen)} in the PRM's authorization_servers, and set accessTokenAcceptedVersion to 2 in the app manifest so tokens carry that issuer.`,
      docs: DOCS + 'access-tokens',
    },
  ],
};

/** The scope Entra wants: the MCP server's API, from the scopes the run was offered, as api://{app-id}/.default. */
function apiScope(seen: Seen): string {
  const offered = [seen.scope, seen.prm?.scopes_supported?.join(' '), seen.resource].join(' ');
  const api = /\bapi:\/\/[^/\s"]+/.exec(offered)?.[0];
  return `${api ?? 'api://<app-id>'}/.default`;
}

function v2Issuer(seen: Seen): string {
  for (const issuer of seen.issuers) {
    const tenant = TENANT_IN_PATH.exec(issuer.replace(/^https?:\/\/[^/]+/, ''))?.[1];
    if (tenant) return `https://login.microsoftonline.com/${tenant}/v2.0`;
  }
  return 'https://login.microsoftonline.com/{tenant}/v2.0';
}
