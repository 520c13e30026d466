import { authorizationServerMetadataUrls, legacyDefaultEndpoints, legacyMetadataUrl } from '../discovery/as-metadata-urls.ts';
import { RecordedFetchError } from '../http/recorder.ts';
import type { RuleId } from '../rules/catalog.ts';
import { judgeUrl } from '../security/openable-url.ts';
import type { AuthorizationServerMetadata } from '../model/session.ts';
import { validateAuthorizationServerMetadata } from '../validate/as-metadata.ts';
import { fetchFailure } from './fetch-failure.ts';
import { fetchJsonDocument } from './fetch-json-document.ts';
import { oidcMetadataHint } from './oidc-metadata-hint.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

/** Problems after which the flow cannot go on at all. */
const FATAL: RuleId[] = ['as.not-object', 'as.missing-endpoint'];
/** Problems after which a conforming client MUST stop, but a debugger can go on to show the rest. */
const MUST_STOP: RuleId[] = ['as.issuer-mismatch', 'as.pkce-s256-missing'];
/**
 * The endpoints this flow opens or sends to. One that is not https (http on loopback aside) stops
 * the flow: OAuth 2.1 §1.5 requires TLS. Other endpoints it lists (revocation, jwks) are only flagged.
 */
const USED_ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'registration_endpoint'] as const;

export const asDiscoveryStep: StepDefinition = {
  kind: 'as-discovery',
  title: 'Authorization server metadata',
  teaching:
    'The client looks up the authorization server metadata (RFC 8414 or OpenID Connect Discovery) at well-known URLs in the order the spec fixes. ' +
    'The issuer inside must be exactly the one the URL was built from, and the server must support PKCE with S256.',
  specAnchor: 'authorization-server-metadata-discovery',
  async run(ctx) {
    if (ctx.profile.discovery.authorizationServer === 'mcp-origin') return legacyDiscovery(ctx);
    const issuer = ctx.learned.issuer;
    if (!issuer) return { status: 'failed', summary: 'No authorization server is known.' };
    const tried: string[] = [];
    const urls = authorizationServerMetadataUrls(issuer, ctx.profile.discovery.asMetadataOrder);
    for (const url of urls) {
      const result = await fetchJsonDocument(ctx, url, 'as');
      tried.push(`${url} → ${result.kind === 'json' ? 'found' : result.reason}`);
      ctx.note(tried.at(-1)!);
      if (result.kind === 'unusable' && result.notJson) ctx.raise('http.not-json', `${url}: ${result.reason}`, result.exchange.id);
      if (result.kind === 'failed' && result.exchange.outcome === 'blocked') {
        return fetchFailure(ctx, new RecordedFetchError(result.exchange), 'The metadata request was blocked');
      }
      if (result.kind === 'json') return accept(ctx, url, result.value, issuer, result.exchange.id);
    }
    const oidcHint = await oidcMetadataHint(ctx, issuer, urls);
    // What each URL answered, a refusal's challenge and page included (fetch-json-document.ts).
    ctx.raise(
      'as.metadata-unreachable',
      `No metadata for issuer ${issuer} at any well-known URL. Tried, in order: ${tried.join('; ')}.${oidcHint ? ` ${oidcHint}` : ''}`,
    );
    return { status: 'failed', summary: 'No authorization server metadata found.' };
  },
};

/** Missing PKCE metadata stops the client only where the version says so (2025-11-25 "Authorization Code Protection"). */
function stopsClient(ctx: StepContext, ruleId: RuleId): boolean {
  return MUST_STOP.includes(ruleId) || (ruleId === 'as.pkce-methods-absent' && ctx.profile.pkceMetadataRequired);
}

function accept(ctx: StepContext, url: string, document: unknown, expectedIssuer: string, exchangeId: string): StepOutcome {
  const { metadata, hits } = validateAuthorizationServerMetadata(document, { expectedIssuer, version: ctx.settings.specVersion });
  for (const hit of hits) ctx.raise(hit.ruleId, hit.detail, exchangeId);
  if (!metadata || hits.some((hit) => FATAL.includes(hit.ruleId))) {
    return { status: 'failed', summary: 'The authorization server metadata cannot be used.' };
  }
  ctx.learned.asMetadataUrl = url;
  ctx.learned.asMetadata = metadata;
  ctx.note(`issuer = ${metadata.issuer}`);
  ctx.note(`PKCE: ${(metadata.code_challenge_methods_supported ?? []).join(', ') || 'not advertised'}`);
  ctx.note(`registration_endpoint = ${metadata.registration_endpoint ?? 'none'}`);
  const mustStop = hits.find((hit) => stopsClient(ctx, hit.ruleId))?.ruleId ?? (insecureEndpoints(metadata).length ? 'as.endpoint-not-https' : undefined);
  if (mustStop) return { status: 'failed', summary: `A conforming client stops here (${mustStop}).`, continuable: true };
  return { status: hits.length ? 'warning' : 'ok', summary: `Issuer ${metadata.issuer} confirmed.` };
}

/**
 * 2025-03-26 has no protected resource metadata: the authorization server lives at the MCP
 * server's origin, and when it publishes no metadata the default endpoints are used.
 */
async function legacyDiscovery(ctx: StepContext): Promise<StepOutcome> {
  const url = legacyMetadataUrl(ctx.settings.serverUrl);
  const issuer = new URL(url).origin;
  ctx.raise('version.legacy-path', `The authorization server is looked for at ${issuer}, the MCP server’s origin.`);
  ctx.learned.issuer = issuer;
  const result = await fetchJsonDocument(ctx, url, 'as');
  ctx.note(`${url} → ${result.kind === 'json' ? 'found' : result.reason}`);
  if (result.kind === 'json') {
    // 2025-03-26 derives the metadata URL from the MCP server, not from a known issuer, so the
    // document's own issuer is taken as found (a path such as /oauth is common) and only noted.
    const stated = (result.value as { issuer?: unknown } | null)?.issuer;
    if (typeof stated === 'string' && stated !== issuer) {
      ctx.raise('as.legacy-issuer-differs', `The metadata at ${url} names issuer "${stated}", not the origin "${issuer}".`, result.exchange.id);
      ctx.learned.issuer = stated;
    }
    const expected = typeof stated === 'string' ? stated : issuer;
    return { ...accept(ctx, url, result.value, expected, result.exchange.id), title: 'Metadata at the MCP server’s origin (2025-03-26)' };
  }
  if (result.kind === 'failed') return fetchFailure(ctx, new RecordedFetchError(result.exchange), 'The metadata request failed');
  if (result.kind === 'unusable' && result.notJson) ctx.raise('http.not-json', `${url}: ${result.reason}`, result.exchange.id);
  if (result.exchange.response?.status !== 404) {
    ctx.raise('as.metadata-unreachable', `${url}: ${result.reason}`, result.exchange.id);
    return { status: 'failed', summary: 'The legacy metadata URL answered, but not with metadata.' };
  }
  ctx.learned.asMetadata = { issuer, ...legacyDefaultEndpoints(ctx.settings.serverUrl), code_challenge_methods_supported: ['S256'] };
  ctx.note('No metadata (404): using the default endpoints /authorize, /token and /register (2025-03-26 fallback)');
  const insecure = insecureEndpoints(ctx.learned.asMetadata);
  if (insecure.length) {
    for (const name of insecure) ctx.raise('as.endpoint-not-https', `The default ${name} ${ctx.learned.asMetadata[name]} is not https.`, result.exchange.id);
    return {
      status: 'failed',
      summary: 'A conforming client stops here (as.endpoint-not-https).',
      continuable: true,
      title: 'Default endpoints (2025-03-26 fallback)',
    };
  }
  return { status: 'ok', summary: 'Default endpoints at the MCP server origin (legacy path).', title: 'Default endpoints (2025-03-26 fallback)' };
}

/** The used endpoints that fail the URL gate (src/engine/security/openable-url.ts). */
function insecureEndpoints(metadata: AuthorizationServerMetadata): Array<(typeof USED_ENDPOINTS)[number]> {
  return USED_ENDPOINTS.filter((name) => {
    const value = metadata[name];
    return typeof value === 'string' && judgeUrl(value).kind !== 'allowed';
  });
}
