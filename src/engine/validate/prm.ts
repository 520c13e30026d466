import { sameResource } from '../discovery/resource-uri.ts';
import { judgeUrl } from '../security/openable-url.ts';
import type { ProtectedResourceMetadata } from '../model/session.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { describeJsonType, describeJsonValue, hit, hitsForVersion, isJsonObject, showValue, type RuleHit } from './rule-hit.ts';
import { sdkClientsAcceptResource } from './sdk-resource-check.ts';

export interface PrmValidationContext {
  /** The MCP server URL the client connects to. */
  mcpUrl: string;
  /**
   * True when the document came from the root well-known URL by the fallback (not from the
   * challenge): RFC 9728 §3.3 then also allows `resource` to be the origin that URL was built from.
   */
  viaRootWellKnown?: boolean;
  /** When given, hits of rules that do not apply to this version are left out. */
  version?: SpecVersion;
}

/**
 * Checks protected resource metadata (RFC 9728 §2–3). `metadata` is returned for any JSON object,
 * even with hits, so the flow can "continue anyway"; fields of the wrong type are left out of it.
 */
export function validateProtectedResourceMetadata(doc: unknown, ctx: PrmValidationContext): { metadata?: ProtectedResourceMetadata; hits: RuleHit[] } {
  if (!isJsonObject(doc)) {
    return { hits: [hit('prm.not-object', `The document is ${describeJsonType(doc)}, not a JSON object.`)] };
  }
  const hits: RuleHit[] = [];
  const metadata: ProtectedResourceMetadata = { ...doc };

  const servers = doc.authorization_servers;
  if (servers === undefined) {
    hits.push(hit('prm.no-authorization-servers', 'The metadata has no authorization_servers.'));
  } else if (!Array.isArray(servers)) {
    hits.push(hit('prm.no-authorization-servers', `authorization_servers is ${describeJsonValue(servers)}, not a list of issuer URLs.`));
    delete metadata.authorization_servers;
  } else {
    const usable = servers.filter((s): s is string => typeof s === 'string' && s !== '');
    if (servers.length === 0) {
      hits.push(hit('prm.no-authorization-servers', 'authorization_servers is an empty list.'));
    } else if (usable.length < servers.length) {
      const bad = servers.filter((s) => typeof s !== 'string' || s === '');
      hits.push(hit('prm.no-authorization-servers', `authorization_servers has entries that are not issuer URLs: ${showValue(bad)}.`));
    }
    const kept = usable.filter((issuer) => {
      // RFC 8414 §2: an issuer is an https URL. A scheme that is not http(s) can be neither fetched nor opened.
      const verdict = judgeUrl(issuer);
      if (verdict.kind === 'allowed') return true;
      const dropped = verdict.kind === 'refused';
      hits.push(
        hit('prm.authorization-server-not-https', `authorization_servers lists ${showValue(issuer)}: ${verdict.reason}${dropped ? '; it is left out' : ''}.`),
      );
      return !dropped;
    });
    metadata.authorization_servers = kept;
  }

  const resource = doc.resource;
  if (typeof resource !== 'string') {
    const seen = resource === undefined ? 'The metadata has no resource' : `resource is ${describeJsonType(resource)}`;
    hits.push(hit('prm.resource-mismatch', `${seen}; it must be the MCP server URL ${showValue(ctx.mcpUrl)}.`));
    delete metadata.resource;
  } else {
    const hash = resource.indexOf('#');
    if (hash >= 0) {
      hits.push(hit('prm.resource-fragment', `resource ${showValue(resource)} has the fragment ${showValue(resource.slice(hash))}.`));
    }
    const origin = ctx.viaRootWellKnown ? originOf(ctx.mcpUrl) : undefined;
    const accepted = sameResource(resource, ctx.mcpUrl) || (origin !== undefined && sameResource(resource, origin));
    if (!accepted) {
      const expected = origin
        ? `the MCP server URL ${showValue(ctx.mcpUrl)} or, for metadata at the root well-known URL, ${showValue(origin)}`
        : `the MCP server URL ${showValue(ctx.mcpUrl)}`;
      // Say when the official SDK clients would go on: the user sees why they work and we do not.
      const sdk = sdkClientsAcceptResource(resource, ctx.mcpUrl)
        ? ' The official SDK clients accept it (a path prefix of the server URL on the same origin); RFC 9728 §3.3 does not.'
        : '';
      hits.push(hit('prm.resource-mismatch', `resource is ${showValue(resource)} but must be ${expected}.${sdk}`));
    }
  }

  const scopes = doc.scopes_supported;
  if (Array.isArray(scopes)) {
    metadata.scopes_supported = scopes.filter((s): s is string => typeof s === 'string');
    if (metadata.scopes_supported.includes('offline_access')) {
      hits.push(hit('prm.offline-access-scope', `scopes_supported lists "offline_access": ${showValue(scopes)}.`));
    }
  } else {
    delete metadata.scopes_supported;
  }

  return { metadata, hits: ctx.version ? hitsForVersion(hits, ctx.version) : hits };
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
