import { protectedResourceMetadataUrls } from '../discovery/prm-urls.ts';
import { serverUriAsTyped } from '../discovery/resource-uri.ts';
import { validateProtectedResourceMetadata } from '../validate/prm.ts';
import { fetchJsonDocument, type DocumentFetch } from './fetch-json-document.ts';
import { fetchFailure } from './fetch-failure.ts';
import { RecordedFetchError } from '../http/recorder.ts';
import { isRefusal, refusalDetail } from '../http/refusal.ts';
import type { Exchange } from '../model/exchange.ts';
import { isRelayFailure } from '../model/relayed-outcome.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

export const protectedResourceMetadataStep: StepDefinition = {
  kind: 'prm',
  title: 'Protected resource metadata',
  teaching:
    'The client fetches the protected resource metadata (RFC 9728): the document that names this MCP server as a resource ' +
    'and lists the authorization servers it trusts. It comes from the challenge URL or, failing that, from the well-known URLs in a fixed order.',
  specAnchor: 'authorization-server-location',
  async run(ctx) {
    const wellKnown = protectedResourceMetadataUrls(ctx.settings.serverUrl, ctx.profile.discovery.prmFallbackOrder);
    const candidates = ctx.learned.resourceMetadataUrl
      ? [ctx.learned.resourceMetadataUrl, ...wellKnown.filter((url) => url !== ctx.learned.resourceMetadataUrl)]
      : wellKnown;

    const tried: string[] = [];
    let firstBlock: StepOutcome | undefined;
    /**
     * URLs that demanded credentials (prm.behind-auth) or whose answer the browser hid (http.blocked): the
     * document may well be there, so "it is not there" findings (the challenge URL is wrong, root only) would mislead.
     */
    const unseen: string[] = [];
    for (const url of candidates) {
      const result = await fetchJsonDocument(ctx, url, 'mcp');
      tried.push(`${url} → ${describe(result)}`);
      ctx.note(`${url} → ${describe(result)}`);
      if (result.kind === 'unusable' && result.notJson) ctx.raise('http.not-json', `${url}: ${result.reason}`, result.exchange.id);
      if (result.kind === 'unusable' && result.refused) {
        ctx.raise('prm.behind-auth', `${url} answered ${result.reason}.`, result.exchange.id);
        unseen.push(url);
      }
      if (result.kind === 'failed' && result.exchange.outcome === 'blocked') {
        // Blocked is a failed fetch like any other: the CLI and the SDK clients go on to the next URL
        // of RFC 9728 §3.1's order, and so does the browser (a gateway often guards one path and not the
        // root). The block is reported now, with the relay's word on it when there is a relay.
        const outcome = await fetchFailure(ctx, new RecordedFetchError(result.exchange), `${url} was blocked`);
        firstBlock ??= outcome;
        unseen.push(url);
        await raiseRefusalBehindBlock(ctx, url, result.exchange);
        continue;
      }
      if (result.kind !== 'json') continue;
      const challengeUrl = ctx.learned.resourceMetadataUrl;
      if (challengeUrl && url !== challengeUrl) {
        if (!unseen.includes(challengeUrl))
          ctx.raise('prm.challenge-url-unusable', `resource_metadata="${challengeUrl}" failed; ${url} works.`, result.exchange.id);
      } else if (!challengeUrl && candidates.length > 1 && url === rootUrl(ctx) && !unseen.includes(candidates[0]!)) {
        ctx.raise('prm.root-only', `Found only at ${url}; ${candidates[0]} did not serve it.`, result.exchange.id);
      }
      return await accept(ctx, url, result.value, result.exchange.id);
    }
    // Where the browser refused an answer, the metadata may well be there: a browser client stops here.
    if (firstBlock) return firstBlock;
    // Behind a gateway's auth the metadata may exist too: that is no sign of a server older than PRM.
    if (ctx.settings.autoVersion && !unseen.length) {
      // No PRM anywhere: the server predates 2025-06-18, so the newest version without PRM applies.
      const legacy = ctx.profiles.newest((profile) => profile.discovery.authorizationServer === 'mcp-origin').version;
      ctx.raise('version.auto-chosen', `No protected resource metadata at any URL: treating the server as ${legacy} (metadata at its own origin).`);
      return { status: 'warning', summary: `No PRM: switching to the ${legacy} path.`, switchVersion: legacy };
    }
    ctx.raise('prm.unreachable', `Tried, in order: ${tried.join('; ')}.`);
    return { status: 'failed', summary: 'No protected resource metadata found.' };
  },
};

/** Problems after which a conforming client must not use the document, but a debugger can go on. */
const CONTINUABLE = ['prm.resource-mismatch', 'prm.resource-fragment'];

async function accept(ctx: StepContext, url: string, document: unknown, exchangeId: string): Promise<StepOutcome> {
  const { metadata, hits } = validateProtectedResourceMetadata(document, {
    mcpUrl: ctx.settings.serverUrl,
    version: ctx.settings.specVersion,
    viaRootWellKnown: url === rootUrl(ctx) && url !== ctx.learned.resourceMetadataUrl,
  });
  for (const hit of hits) ctx.raise(hit.ruleId, hit.detail, exchangeId);
  const servers = metadata?.authorization_servers ?? [];
  if (!metadata || !servers.length || hits.some((hit) => hit.ruleId === 'prm.not-object')) {
    return { status: 'failed', summary: 'The protected resource metadata cannot be used.' };
  }
  ctx.learned.prmUrl = url;
  ctx.learned.prm = metadata;
  // RFC 8707 and MCP "Resource Parameter Implementation": authorization servers compare the resource
  // character for character, so it is sent exactly as the metadata published it, never re-serialised
  // (a URL parser adds or strips a "/" and lower-cases the host). The metadata was checked above to name this server.
  ctx.learned.resource = metadata.resource ?? serverUriAsTyped(ctx.settings.serverUrl);
  ctx.note(`resource = ${metadata.resource}`);
  ctx.note(`authorization_servers = ${servers.join(', ')}`);
  const issuer = await chooseIssuer(ctx, servers, exchangeId);
  ctx.learned.issuer = issuer;
  if (hits.some((hit) => CONTINUABLE.includes(hit.ruleId))) {
    return { status: 'failed', summary: 'The metadata names another resource: a client must not use it.', continuable: true };
  }
  return { status: hits.length ? 'warning' : 'ok', summary: `Authorization server: ${issuer}` };
}

/**
 * The browser blocked the answer; the relay (asked by fetchFailure, when there is one) saw it: a 401 or
 * 403 there is the same refusal the CLI sees, so it gets the same finding, with the challenge and page.
 */
async function raiseRefusalBehindBlock(ctx: StepContext, url: string, exchange: Exchange): Promise<void> {
  const report = await ctx.explain(exchange);
  if (!report || isRelayFailure(report.response) || !isRefusal(report.response.status)) return;
  const { status, headers } = report.response;
  ctx.raise('prm.behind-auth', `${url} answered the relay HTTP ${status} (${refusalDetail({ headers }, report.refusalBody)}).`, exchange.id);
}

/** The well-known URL at the root of the MCP server's origin (RFC 9728 §3.1 without a path). */
function rootUrl(ctx: StepContext): string | undefined {
  return protectedResourceMetadataUrls(ctx.settings.serverUrl, ['root'])[0];
}

/** Several authorization servers: the client's choice (the user's, here), never silently mixed. */
async function chooseIssuer(ctx: StepContext, servers: string[], exchangeId: string): Promise<string> {
  if (servers.length === 1) return servers[0]!;
  const preset = ctx.settings.authorizationServer;
  const issuer = preset && servers.includes(preset) ? preset : await ctx.chooseAuthorizationServer(servers);
  const chosen = servers.includes(issuer) ? issuer : servers[0]!;
  ctx.raise('as.several-servers', `${servers.length} authorization servers are listed; using ${chosen}.`, exchangeId);
  ctx.note(`Chose ${chosen} of ${servers.length} authorization servers`);
  return chosen;
}

function describe(result: DocumentFetch): string {
  if (result.kind === 'json') return 'found';
  return result.reason;
}
