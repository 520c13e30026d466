import { MAX_GRANT_ORIGINS, type FlowGrant } from './flow-grants.ts';
import type { RelayOutcome } from '../engine/relay/contract.ts';
import { sendUpstream, type UpstreamLimits } from './send-upstream.ts';

/**
 * Which origins a flow grant reaches. It starts with the MCP server's origin and grows only from
 * what the relay itself reads within the grant: the resource_metadata URL of a WWW-Authenticate
 * challenge, `authorization_servers` in protected resource metadata (RFC 9728 §2), and `issuer`,
 * `jwks_uri` and the `*_endpoint` URLs of authorization server metadata (RFC 8414 §2). Nothing the
 * caller says adds an origin, so a script holding the secret cannot point the grant elsewhere.
 */
export function learnFromResponse(grant: FlowGrant, outcome: RelayOutcome): void {
  if ('error' in outcome) return;
  for (const [name, value] of outcome.headers) {
    if (name === 'www-authenticate') addOrigin(grant, resourceMetadataOf(value));
  }
  if (outcome.status < 200 || outcome.status > 299) return;
  let document: unknown;
  try {
    document = JSON.parse(outcome.body);
  } catch {
    return;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return;
  for (const [key, value] of Object.entries(document)) {
    if (key === 'authorization_servers' && Array.isArray(value)) value.forEach((entry) => addOrigin(grant, entry));
    else if (key === 'issuer' || key === 'jwks_uri' || key.endsWith('_endpoint')) addOrigin(grant, value);
  }
}

/** `resource_metadata="…"` (RFC 9728 §5.1); a quoted string without escapes, as servers send it. */
function resourceMetadataOf(challenge: string): string | undefined {
  return /resource_metadata="([^"]*)"/i.exec(challenge)?.[1];
}

function addOrigin(grant: FlowGrant, raw: unknown): void {
  if (typeof raw !== 'string' || grant.origins.size >= MAX_GRANT_ORIGINS) return;
  const url = URL.parse(raw);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) grant.origins.add(url.origin);
}

/**
 * Whether `target` is part of the grant's flow. An origin not seen yet may still be one the
 * server's own metadata names, which the app read directly (a browser's fetch, not the relay):
 * the relay then reads the flow's discovery documents itself, once per grant, and decides.
 */
export async function isInFlow(grant: FlowGrant, target: URL, limits: UpstreamLimits): Promise<boolean> {
  if (grant.origins.has(target.origin)) return true;
  grant.discovery ??= discoverFlow(grant, limits);
  await grant.discovery;
  return grant.origins.has(target.origin);
}

/** Protected resource metadata (RFC 9728 §3.1), then each authorization server's metadata (RFC 8414 §3.1, OIDC Discovery §4). */
async function discoverFlow(grant: FlowGrant, limits: UpstreamLimits): Promise<void> {
  const server = grant.serverUrl;
  const prmUrls = wellKnownUrls(server, 'oauth-protected-resource');
  const issuers = new Set<string>();
  for (const url of prmUrls) {
    const document = await readJson(url, grant, limits);
    const listed = document?.authorization_servers;
    if (Array.isArray(listed)) listed.filter((entry): entry is string => typeof entry === 'string').forEach((entry) => issuers.add(entry));
    if (issuers.size > 0) break;
  }
  // A server without resource metadata (the 2025-03-26 revision) has its authorization server at its own origin.
  if (issuers.size === 0) issuers.add(server.origin);
  for (const issuer of [...issuers].slice(0, 4)) {
    const issuerUrl = URL.parse(issuer);
    if (!issuerUrl || !grant.origins.has(issuerUrl.origin)) continue;
    for (const url of [...wellKnownUrls(issuerUrl, 'oauth-authorization-server'), ...wellKnownUrls(issuerUrl, 'openid-configuration')]) {
      if (await readJson(url, grant, limits)) break;
    }
  }
}

/** RFC 8615 well-known URLs for a URL with a path: inserted before the path, then at the root. */
function wellKnownUrls(base: URL, name: string): URL[] {
  const path = base.pathname.replace(/\/$/, '');
  const urls = [new URL(`/.well-known/${name}${path}`, base.origin)];
  if (path !== '') urls.push(new URL(`/.well-known/${name}`, base.origin));
  return urls;
}

async function readJson(url: URL, grant: FlowGrant, limits: UpstreamLimits): Promise<Record<string, unknown> | undefined> {
  const outcome = await sendUpstream({ url, method: 'GET', headers: [['Accept', 'application/json']] }, limits);
  learnFromResponse(grant, outcome);
  if ('error' in outcome || outcome.status !== 200) return undefined;
  try {
    const document: unknown = JSON.parse(outcome.body);
    return typeof document === 'object' && document !== null && !Array.isArray(document) ? (document as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
