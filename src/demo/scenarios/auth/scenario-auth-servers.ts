import type { Configuration, default as Provider } from 'oidc-provider';
import { SCENARIO_PATH_PREFIX, type ScenarioId } from '../catalog.ts';
import { acceptOnlyLoopbackIpRedirects } from './loopback-ip-redirect-only.ts';
import { withoutRegistration } from './pre-registered-client.ts';
import { withoutTokenEndpointCors } from './token-without-cors.ts';
import { withoutPkceMetadata } from './without-pkce-metadata.ts';
import { withWrongCallbackIss } from './wrong-callback-iss.ts';

/** Where a client finds an authorization server, and what that server calls itself. */
export interface AuthServerLocation {
  /** What the protected resource metadata lists in authorization_servers. */
  identifier: string;
  /** The `issuer` in its metadata and the `iss` of its tokens. */
  issuer: string;
  /** Its RFC 8414 metadata, at the path-inserted well-known URL. */
  metadataUrl: string;
}

export interface ScenarioAuthServer {
  id: ScenarioId;
  /** Its path on the demo authorization server's origin; the identifier is origin + path. */
  mountPath: string;
  /** What it calls itself instead of its identifier (the issuer mismatch). */
  claimedIssuer?: (authOrigin: string) => string;
  /** The one thing it does differently from the healthy authorization server. */
  fault: (context: { authOrigin: string; appOrigin: string }) => {
    adjustConfiguration?: (configuration: Configuration) => Configuration;
    adjustProvider?: (provider: Provider) => void;
  };
}

const mountPathOf = (id: ScenarioId) => `${SCENARIO_PATH_PREFIX}/${id}`;

/** The scenarios whose fault is in the authorization server; each gets its own oidc-provider. */
export const SCENARIO_AUTH_SERVERS: readonly ScenarioAuthServer[] = [
  { id: 'token-no-cors', mountPath: mountPathOf('token-no-cors'), fault: () => ({ adjustProvider: withoutTokenEndpointCors }) },
  {
    id: 'no-dcr',
    mountPath: mountPathOf('no-dcr'),
    fault: ({ appOrigin }) => ({ adjustConfiguration: withoutRegistration(appOrigin) }),
  },
  {
    id: 'pkce-not-advertised',
    mountPath: mountPathOf('pkce-not-advertised'),
    fault: () => ({ adjustProvider: withoutPkceMetadata }),
  },
  {
    // Entra ID: the metadata of .../common names the issuer .../{tenantid}, so it never equals the URL.
    id: 'issuer-mismatch',
    mountPath: `${mountPathOf('issuer-mismatch')}/common`,
    claimedIssuer: (authOrigin) => `${authOrigin}${mountPathOf('issuer-mismatch')}/{tenantid}`,
    fault: () => ({}),
  },
  {
    // The host's base URL instead of this issuer: what a multi-tenant server gets wrong.
    id: 'wrong-iss',
    mountPath: mountPathOf('wrong-iss'),
    fault: ({ authOrigin }) => ({ adjustProvider: withWrongCallbackIss(authOrigin) }),
  },
  {
    id: 'redirect-uri-mismatch',
    mountPath: mountPathOf('redirect-uri-mismatch'),
    fault: () => ({ adjustProvider: acceptOnlyLoopbackIpRedirects }),
  },
];

export function findScenarioAuthServer(id: ScenarioId): ScenarioAuthServer | undefined {
  return SCENARIO_AUTH_SERVERS.find((server) => server.id === id);
}

export function scenarioAuthServerLocation(server: ScenarioAuthServer, authOrigin: string): AuthServerLocation {
  const identifier = `${authOrigin}${server.mountPath}`;
  return {
    identifier,
    issuer: server.claimedIssuer?.(authOrigin) ?? identifier,
    metadataUrl: `${authOrigin}/.well-known/oauth-authorization-server${server.mountPath}`,
  };
}

/** The healthy demo authorization server, which the scenarios that break only the MCP side share. */
export function healthyAuthServerLocation(issuer: string): AuthServerLocation {
  return { identifier: issuer, issuer, metadataUrl: `${issuer}/.well-known/oauth-authorization-server` };
}
