import type { Lane } from '../model/exchange.ts';
import { trimEnd } from '../text/trim-end.ts';

const AS_WELL_KNOWN = ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'];
const PRM_WELL_KNOWN = '/.well-known/oauth-protected-resource';
/**
 * Last path segments OAuth servers use for their endpoints (RFC 6749 §3, RFC 7591 §3, RFC 7009,
 * RFC 7662, RFC 9126, OIDC): token, registration, authorization, revocation, introspection, PAR,
 * JWKS and userinfo, in the spellings common servers use (Keycloak's /auth, Ory's /reg…).
 */
const AS_ENDPOINTS = new Set([
  'token',
  'register',
  'registration',
  'reg',
  'authorize',
  'authorization',
  'auth',
  'revoke',
  'revocation',
  'introspect',
  'par',
  'jwks',
  'jwks.json',
  'certs',
  'userinfo',
]);
/** Members of authorization server metadata (RFC 8414 §2) that name the server's endpoints. */
const METADATA_ENDPOINTS = [
  'issuer',
  'authorization_endpoint',
  'token_endpoint',
  'registration_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
  'jwks_uri',
];

function parsed(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Which participant a URL most likely belongs to: authorization server metadata, OAuth-looking
 * endpoints and any URL on a host the trace's authorization server metadata names go to the
 * authorization server; everything else (the MCP endpoint, protected resource metadata) to the
 * MCP server. A guess for files that do not say; our own files carry the real lanes.
 */
export function guessLane(url: string, authorizationHosts: ReadonlySet<string> = new Set()): Lane {
  const address = parsed(url);
  if (!address) return 'mcp';
  const path = address.pathname.toLowerCase();
  if (AS_WELL_KNOWN.some((prefix) => path.startsWith(prefix) || path.endsWith(prefix))) return 'as';
  if (path.startsWith(PRM_WELL_KNOWN)) return 'mcp';
  if (authorizationHosts.has(address.host)) return 'as';
  const last = trimEnd(path, '/').split('/').at(-1) ?? '';
  return AS_ENDPOINTS.has(last) ? 'as' : 'mcp';
}

/**
 * The hosts a trace shows to be the authorization server's: where its metadata was served, and
 * the hosts of the endpoints that metadata names. A host that also served protected resource
 * metadata is the MCP server's too (one server doing both), so it is left to the path rules.
 */
export function authorizationServerHosts(entries: ReadonlyArray<{ url: string; body?: string | undefined }>): Set<string> {
  const hosts = new Set<string>();
  const resourceHosts = new Set<string>();
  for (const { url, body } of entries) {
    const address = parsed(url);
    if (!address) continue;
    const path = address.pathname.toLowerCase();
    if (path.startsWith(PRM_WELL_KNOWN)) resourceHosts.add(address.host);
    if (!AS_WELL_KNOWN.some((prefix) => path.startsWith(prefix) || path.endsWith(prefix))) continue;
    hosts.add(address.host);
    for (const endpoint of metadataEndpoints(body)) {
      const host = parsed(endpoint)?.host;
      if (host) hosts.add(host);
    }
  }
  for (const host of resourceHosts) hosts.delete(host);
  return hosts;
}

function metadataEndpoints(body: string | undefined): string[] {
  if (!body) return [];
  let metadata: unknown;
  try {
    metadata = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof metadata !== 'object' || metadata === null) return [];
  const record = metadata as Record<string, unknown>;
  return METADATA_ENDPOINTS.map((key) => (Object.hasOwn(record, key) ? record[key] : undefined)).filter((value): value is string => typeof value === 'string');
}
