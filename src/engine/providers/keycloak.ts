import type { ProviderProfile } from './profile.ts';
import { firstMatch, saidMatch } from './recognize.ts';
import type { Seen } from './seen.ts';

/*
 * Keycloak. Sources:
 * - Issuer https://{host}/realms/{realm}, endpoints …/protocol/openid-connect/{auth,token}, registration at
 *   …/clients-registrations/openid-connect: https://www.keycloak.org/securing-apps/oidc-layers
 * - Anonymous registration passes the realm's client registration policies; Trusted Hosts refuses hosts not
 *   listed ("Policy 'Trusted Hosts' rejected request to client-registration service"); an initial access token
 *   bypasses the anonymous policies: https://www.keycloak.org/securing-apps/client-registration
 * - The registration endpoint sends no CORS headers (keycloak/keycloak#8863, #39629).
 * - Access tokens carry aud "account" by default; an Audience mapper adds your API:
 *   https://www.keycloak.org/docs/latest/server_admin/#audience-support
 */

const DOCS = 'https://www.keycloak.org/';
const TRUSTED_HOSTS = /Policy 'Trusted Hosts' rejected request[^"\n]*/;

export const KEYCLOAK: ProviderProfile = {
  id: 'keycloak',
  name: 'Keycloak',
  docs: DOCS + 'securing-apps/oidc-layers',
  signals: [
    { says: 'the Keycloak Trusted Hosts policy', strong: true, find: (seen) => saidMatch(seen.said, TRUSTED_HOSTS) },
    { says: 'the issuer shape …/realms/{realm}', find: (seen) => firstMatch(seen.issuers, /^https?:\/\/[^/]+(\/auth)?\/realms\/[^/]+\/?$/) },
    {
      says: 'the endpoint shape …/protocol/openid-connect/auth',
      find: ({ metadata }) => firstMatch([metadata?.authorization_endpoint], /\/realms\/[^/]+\/protocol\/openid-connect\/auth$/),
    },
  ],
  deviations: [
    {
      id: 'keycloak.trusted-hosts',
      rules: ['registration.rejected'],
      applies: (_finding, _seen, text) => TRUSTED_HOSTS.test(text),
      cause: 'The realm’s Trusted Hosts policy refuses anonymous registration from a host it does not list.',
      fix: (seen) =>
        `Add ${hostOf(seen.redirectUri) ?? 'the client’s host'} to Clients → Client registration → Trusted Hosts, or give the client an ` +
        `initial access token, or pre-register a public client with ${seen.redirectUri ?? 'your redirect URI'} as a Valid redirect URI.`,
      docs: DOCS + 'securing-apps/client-registration',
    },
    {
      id: 'keycloak.registration-no-cors',
      rules: ['http.blocked', 'cors.no-allow-origin', 'cors.preflight-failed'],
      applies: (_finding, _seen, text) => text.includes('/clients-registrations/'),
      cause: 'Keycloak’s registration endpoint sends no CORS headers, so a browser client cannot register.',
      fix: (seen) =>
        `Pre-register a public client with ${seen.redirectUri ?? 'your redirect URI'} as a Valid redirect URI and ` +
        `${originOf(seen.redirectUri) ?? 'the app’s origin'} in Web origins, or register from outside the browser (the CLI, or the relay).`,
      docs: DOCS + 'securing-apps/client-registration',
    },
    {
      id: 'keycloak.aud-account',
      rules: ['token.audience-mismatch', 'mcp.authenticated-request-failed'],
      applies: (_finding, seen) => audience(seen).includes('account'),
      cause: 'Keycloak puts aud "account" (its account console) in access tokens by default, not the resource the client asked for.',
      fix: (seen) =>
        'Add an Audience mapper (Client scopes → a default scope → Mappers → By configuration → Audience) with Included Custom ' +
        `Audience ${seen.resource ?? 'the MCP server URL'} and Add to access token on.`,
      docs: DOCS + 'docs/latest/server_admin/#audience-support',
    },
  ],
};

function audience({ tokenClaims }: Seen): unknown[] {
  const aud = tokenClaims?.aud;
  return Array.isArray(aud) ? aud : [aud];
}

function hostOf(url: string | undefined): string | undefined {
  return url ? /^https?:\/\/([^/:]+)/.exec(url)?.[1] : undefined;
}

function originOf(url: string | undefined): string | undefined {
  return url ? /^https?:\/\/[^/]+/.exec(url)?.[0] : undefined;
}
