import { neededHeader } from '../relay/relay-report.ts';
import type { Exchange } from '../model/exchange.ts';
import { initializeParams } from '../mcp/jsonrpc.ts';
import type { ToolSummary } from '../model/session.ts';
import { safeString } from '../text/safe-string.ts';
import { responseHeader } from './latest-exchange.ts';
import { insufficientScope } from './insufficient-scope.ts';
import { callMcp as callMcpPlain, refused, type McpCallResult } from './mcp-call.ts';
import { stillNamesIssuer } from './as-recheck.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';
import { newestWithHandshake } from './version-rejected.ts';

export const mcpAuthenticatedStep: StepDefinition = {
  kind: 'mcp-authenticated',
  title: 'Retry with the access token',
  teaching:
    'The client repeats its MCP call with Authorization: Bearer <token>, in the header and never in the URL. ' +
    'The server validates the token (signature, issuer, audience, expiry, scope) and serves the request; then the client lists the tools.',
  specAnchor: 'access-token-usage',
  async run(ctx) {
    if (ctx.settings.autoVersion) return negotiate(ctx);
    const opened = ctx.profile.transport.opening === 'server/discover' ? await discover(ctx) : await initialize(ctx);
    if (opened) return opened;
    return listTools(ctx);
  },
};

/**
 * Automatic version choice: only an authenticated request shows which protocol the server speaks.
 * Try server/discover, the opening of the newest version without a handshake; a server that does
 * not know it gets initialize, and the version it negotiates is the one the run settles on.
 */
async function negotiate(ctx: StepContext): Promise<StepOutcome> {
  const discovering = ctx.profiles.newest((profile) => profile.transport.opening === 'server/discover');
  const discovered = await callMcp(ctx, 'server/discover', {}, { id: 1, passStatuses: [400, 404, 405], passRpcErrors: true });
  if (discovered.ok) {
    ctx.raise('version.auto-chosen', `The server answered server/discover: it speaks ${discovering.version}.`, discovered.exchange.id);
    noteDiscovery(ctx, discovered.result);
    return { ...(await listTools(ctx)), switchVersion: discovering.version };
  }
  if (!discovered.exchange || discovered.status === 403 || discovered.status === 401) return discovered.outcome;
  ctx.note('server/discover was not understood: falling back to initialize');
  const legacy = newestWithHandshake(ctx).version;
  ctx.learned.protocolVersion = legacy;
  const opened = await initialize(ctx);
  if (opened) return opened;
  const negotiated = ctx.learned.negotiatedVersion;
  const version = ctx.profiles.find(negotiated ?? '')?.version ?? legacy;
  ctx.learned.protocolVersion = version;
  const named = negotiated === undefined ? 'initialize named no protocolVersion' : `initialize negotiated ${negotiated}`;
  ctx.raise('version.auto-chosen', `server/discover failed; ${named}: the run continues as ${version}.`);
  return { ...(await listTools(ctx)), switchVersion: version };
}

async function listTools(ctx: StepContext): Promise<StepOutcome> {
  const listed = await callMcp(ctx, 'tools/list', {}, { id: 2 });
  if (!listed.ok) return listed.outcome;
  const tools = toolSummaries(listed.result.tools);
  ctx.learned.tools = tools;
  ctx.note(`${tools.length} tool(s): ${tools.map((tool) => tool.name).join(', ')}`);
  return { status: 'ok', summary: `Authenticated. The server lists ${tools.length} tool(s).` };
}

/** A version without a handshake (2026-07-28): server/discover is the natural first call. */
async function discover(ctx: StepContext): Promise<StepOutcome | undefined> {
  const discovered = await callMcp(ctx, 'server/discover', {}, { id: 1 });
  if (!discovered.ok) return discovered.outcome;
  noteDiscovery(ctx, discovered.result);
  return undefined;
}

function noteDiscovery(ctx: StepContext, result: Record<string, unknown>): void {
  // 2026-07-28 moved serverInfo into _meta; older drafts had it at the top level.
  const meta = result._meta as Record<string, unknown> | undefined;
  const info = (meta?.['io.modelcontextprotocol/serverInfo'] ?? result.serverInfo) as { name?: unknown; version?: unknown } | undefined;
  const versions = Array.isArray(result.supportedVersions) ? result.supportedVersions.map(safeString).join(', ') : 'not listed';
  ctx.note(`server/discover: ${safeString(info?.name ?? 'unnamed server')} ${safeString(info?.version ?? '')}, versions ${versions}`);
}

/** A version with a handshake (up to 2025-11-25): initialize, keep Mcp-Session-Id, confirm with notifications/initialized. */
async function initialize(ctx: StepContext): Promise<StepOutcome | undefined> {
  const version = ctx.learned.protocolVersion ?? ctx.settings.specVersion;
  const initialized = await callMcp(ctx, 'initialize', initializeParams(version), {
    id: 1,
    expectHeaders: ['Mcp-Session-Id'],
  });
  if (!initialized.ok) return initialized.outcome;
  const sessionId = responseHeader(initialized.exchange, 'mcp-session-id');
  if (sessionId) ctx.learned.mcpSessionId = sessionId;
  else if (initialized.exchange.hiddenHeaders?.includes('Mcp-Session-Id')) await sessionIdHidden(ctx, initialized.exchange);
  const negotiated = initialized.result.protocolVersion;
  if (negotiated === undefined) {
    ctx.note('The initialize result names no protocolVersion');
  } else {
    ctx.learned.negotiatedVersion = safeString(negotiated);
    ctx.note(`Negotiated protocol version ${ctx.learned.negotiatedVersion}`);
  }
  const notified = await callMcp(ctx, 'notifications/initialized', undefined);
  return notified.ok ? undefined : notified.outcome;
}

/** No readable Mcp-Session-Id on a cross-origin initialize: hidden, or a server that keeps no session? */
async function sessionIdHidden(ctx: StepContext, exchange: Exchange): Promise<void> {
  const seen = neededHeader(await ctx.explain(exchange, ['Mcp-Session-Id']), 'Mcp-Session-Id');
  if (seen && !seen.sent) {
    ctx.note('initialize set no Mcp-Session-Id: the relay confirms the server keeps no session, so nothing is hidden');
    return;
  }
  ctx.raise(
    'mcp.session-id-hidden-by-cors',
    seen
      ? `initialize answered without a readable Mcp-Session-Id. The relay confirms the server sets "Mcp-Session-Id: ${seen.value}", but the browser hides it, so every later request lacks it.`
      : 'initialize answered without a readable Mcp-Session-Id. If the server set one, the browser hid it, and every later request will lack it.',
    exchange.id,
  );
}

/**
 * Every call of this step may meet a 403 insufficient_scope (a server can demand more scope for
 * listing tools, too): that becomes a step-up, which the engine runs before retrying this step.
 */
async function callMcp(...args: Parameters<typeof callMcpPlain>): Promise<McpCallResult> {
  const [ctx, method, params, options = {}] = args;
  // A 401 to the token just issued may mean the resource now trusts another authorization server
  // (issue 9 §2.7, SEP-2352): the client reads the metadata again once before it gives up.
  const recheck = ctx.input.rechecked !== true;
  const result = await callMcpPlain(ctx, method, params, {
    ...options,
    passStatuses: [...(options.passStatuses ?? []), 403, ...(recheck ? [401] : [])],
    expectHeaders: [...(options.expectHeaders ?? []), 'WWW-Authenticate'],
  });
  if (!result.ok && result.status === 401 && recheck && result.exchange) {
    return (await stillNamesIssuer(ctx)) ? refused(ctx, method, result.exchange) : unauthorized(method, result.exchange);
  }
  if (result.ok || result.status !== 403 || options.passStatuses?.includes(403)) return result;
  // A 403 whose challenge the browser hid: the relay says why, next to the step-up's own finding.
  if (result.exchange?.hiddenHeaders?.includes('WWW-Authenticate')) await ctx.explain(result.exchange, ['WWW-Authenticate']);
  return { ok: false, exchange: result.exchange!, status: 403, outcome: insufficientScope(ctx, result.exchange!, Number(ctx.input.stepUps ?? 0)) };
}

function unauthorized(method: string, exchange: Exchange): McpCallResult {
  const detail = `${method} answered HTTP 401 with the access token just issued: ${exchange.response?.body.slice(0, 200) ?? ''}`;
  return {
    ok: false,
    exchange,
    status: 401,
    outcome: {
      status: 'warning',
      summary: '401 Unauthorized: the resource metadata now names another authorization server, so the client goes there.',
      output: { kind: 'needs-recheck', exchangeId: exchange.id, detail },
    },
  };
}

function toolSummaries(value: unknown): ToolSummary[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((tool): tool is Record<string, unknown> => !!tool && typeof tool === 'object' && typeof tool.name === 'string')
    .map((tool) => ({
      name: tool.name as string,
      ...(typeof tool.title === 'string' ? { title: tool.title } : {}),
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      ...(tool.inputSchema && typeof tool.inputSchema === 'object' ? { inputSchema: tool.inputSchema as Record<string, unknown> } : {}),
    }));
}
