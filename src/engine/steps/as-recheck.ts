import { validateProtectedResourceMetadata } from '../validate/prm.ts';
import { asDiscoveryStep } from './as-discovery.ts';
import { fetchJsonDocument } from './fetch-json-document.ts';
import { registrationStep } from './registration/registration-step.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

/**
 * Before a refresh, a step-up or after a new 401, a client reads the protected resource metadata
 * again (RFC 9728 §2: `authorization_servers` is the resource's word on whom to ask, and it may
 * change). When the issuer it holds credentials for is no longer listed, the new issuer is a new
 * authorization server: its metadata is discovered, the client registers with it, and the old
 * client and tokens are dropped, never sent there (credentials and tokens are bound to the issuer
 * that issued them; RFC 6749 §2.2 client ids are unique to their authorization server, and the
 * 2026-07-28 "Client Registration Approaches" says so for every kind of client).
 */
export const authorizationServerRecheckStep: StepDefinition = {
  kind: 'as-recheck',
  title: 'Check the authorization server',
  teaching:
    'Before it refreshes or re-authorizes, the client reads the protected resource metadata again. If it names another authorization server, ' +
    'the client treats it as a new one: it discovers its metadata and registers again, and never sends the old client’s credentials or tokens there.',
  specAnchor: 'authorization-server-location',
  async run(ctx) {
    const outcome = await recheck(ctx);
    const unauthorized = ctx.input.afterUnauthorized as { exchangeId: string; detail: string } | undefined;
    if (!unauthorized || outcome.output?.kind === 'as-changed' || outcome.status === 'failed' || outcome.status === 'blocked') return outcome;
    // Same authorization server (or none to ask): the 401 to a token it just issued stands.
    ctx.raise('mcp.authenticated-request-failed', unauthorized.detail, unauthorized.exchangeId);
    return { status: 'failed', summary: `${outcome.summary ?? ''} The server refused the token that authorization server just issued.`.trim() };
  },
};

async function recheck(ctx: StepContext): Promise<StepOutcome> {
  const { prmUrl, issuer: previous } = ctx.learned;
  if (!prmUrl || !previous) return { status: 'skipped', summary: 'No protected resource metadata to read again.' };
  const result = await fetchJsonDocument(ctx, prmUrl, 'mcp');
  const servers = result.kind === 'json' ? listedServers(ctx, result.value) : undefined;
  if (!servers?.length) {
    ctx.note(`${prmUrl} → ${result.kind === 'json' ? 'no usable authorization_servers' : result.reason}`);
    return { status: 'warning', summary: `The metadata could not be read again; staying with ${previous}.` };
  }
  if (servers.includes(previous)) return { status: 'ok', summary: `Still ${previous}.` };
  const next = servers.length === 1 ? servers[0]! : await ctx.chooseAuthorizationServer(servers);
  return switchTo(ctx, previous, servers.includes(next) ? next : servers[0]!, result.exchange.id);
}

/**
 * Does the resource metadata, read again now, still name the issuer the client holds tokens from?
 * False only when it was read and names others (a document that cannot be read changes nothing).
 */
export async function stillNamesIssuer(ctx: StepContext): Promise<boolean> {
  const { prmUrl, issuer } = ctx.learned;
  if (!prmUrl || !issuer) return true;
  const result = await fetchJsonDocument(ctx, prmUrl, 'mcp');
  const servers = result.kind === 'json' ? listedServers(ctx, result.value) : undefined;
  const still = !servers?.length || servers.includes(issuer);
  ctx.note(still ? `${prmUrl} still names ${issuer}` : `${prmUrl} no longer names ${issuer}: it names ${servers!.join(', ')}`);
  return still;
}

function listedServers(ctx: StepContext, document: unknown): string[] | undefined {
  const { metadata } = validateProtectedResourceMetadata(document, { mcpUrl: ctx.settings.serverUrl, version: ctx.settings.specVersion });
  return metadata?.authorization_servers;
}

/** The new issuer as a new authorization server: its tokens are dropped first, and its client is replaced by a registration at the new one. */
async function switchTo(ctx: StepContext, previous: string, next: string, exchangeId: string): Promise<StepOutcome> {
  const title = `Authorization server changed: ${previous} → ${next}`;
  const { learned } = ctx;
  const oldClient = learned.client?.client_id;
  ctx.raise(
    'as.changed',
    `authorization_servers no longer lists ${previous}; it now names ${next}. The client${oldClient ? ` ${oldClient}` : ''} and the tokens of ${previous} are dropped, and the client registers again with ${next}.`,
    exchangeId,
  );
  // The old client stays known (with its issuer) only until registration replaces it: that is how
  // a pre-registered client of the old issuer is recognised and never presented to the new one.
  delete learned.tokens;
  delete learned.accessTokenClaims;
  delete learned.asMetadata;
  delete learned.asMetadataUrl;
  learned.issuer = next;
  ctx.note(title);
  for (const step of [asDiscoveryStep, registrationStep]) {
    const outcome = await step.run(ctx);
    if (outcome.status === 'failed' || outcome.status === 'blocked') return { ...outcome, title, summary: `${next}: ${outcome.summary}` };
  }
  return {
    status: 'warning',
    title,
    summary: `Registered again with ${next} as ${ctx.learned.client?.client_id ?? 'a new client'}; nothing of ${previous} is sent there.`,
    output: { kind: 'as-changed' },
  };
}
