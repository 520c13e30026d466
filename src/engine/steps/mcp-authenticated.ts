import { initializeParams } from '../mcp/jsonrpc.ts';
import type { ToolSummary } from '../session/types.ts';
import { headerValue } from './latest-exchange.ts';
import { callMcp } from './mcp-call.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

export const mcpAuthenticatedStep: StepDefinition = {
  kind: 'mcp-authenticated',
  title: 'Retry with the access token',
  teaching:
    'The client repeats its MCP call with Authorization: Bearer <token>, in the header and never in the URL. ' +
    'The server validates the token (signature, issuer, audience, expiry, scope) and serves the request; then the client lists the tools.',
  specAnchor: 'access-token-usage',
  async run(ctx) {
    const opened = ctx.settings.specVersion === '2026-07-28' ? await discover(ctx) : await initialize(ctx);
    if (opened) return opened;
    const listed = await callMcp(ctx, 'tools/list', {}, { id: 2 });
    if (!listed.ok) return listed.outcome;
    const tools = toolSummaries(listed.result.tools);
    ctx.learned.tools = tools;
    ctx.note(`${tools.length} tool(s): ${tools.map((tool) => tool.name).join(', ')}`);
    return { status: 'ok', summary: `Authenticated. The server lists ${tools.length} tool(s).` };
  },
};

/** 2026-07-28: no handshake; server/discover is the natural first call. */
async function discover(ctx: StepContext): Promise<StepOutcome | undefined> {
  const discovered = await callMcp(ctx, 'server/discover', {}, { id: 1 });
  if (!discovered.ok) return discovered.outcome;
  // 2026-07-28 moved serverInfo into _meta; older drafts had it at the top level.
  const meta = discovered.result._meta as Record<string, unknown> | undefined;
  const info = (meta?.['io.modelcontextprotocol/serverInfo'] ?? discovered.result.serverInfo) as { name?: unknown; version?: unknown } | undefined;
  const versions = Array.isArray(discovered.result.supportedVersions) ? discovered.result.supportedVersions.join(', ') : 'not listed';
  ctx.note(`server/discover: ${String(info?.name ?? 'unnamed server')} ${String(info?.version ?? '')}, versions ${versions}`);
  return undefined;
}

/** Up to 2025-11-25: initialize, keep Mcp-Session-Id, confirm with notifications/initialized. */
async function initialize(ctx: StepContext): Promise<StepOutcome | undefined> {
  const initialized = await callMcp(ctx, 'initialize', initializeParams(ctx.settings.specVersion), {
    id: 1,
    expectHeaders: ['Mcp-Session-Id'],
  });
  if (!initialized.ok) return initialized.outcome;
  const sessionId = headerValue(initialized.exchange, 'mcp-session-id');
  if (sessionId) ctx.learned.mcpSessionId = sessionId;
  else if (initialized.exchange.hiddenHeaders?.includes('Mcp-Session-Id')) {
    ctx.note('No Mcp-Session-Id visible: if the server sets one, it must list it in Access-Control-Expose-Headers');
  }
  ctx.note(`Negotiated protocol version ${String(initialized.result.protocolVersion)}`);
  const notified = await callMcp(ctx, 'notifications/initialized', undefined);
  return notified.ok ? undefined : notified.outcome;
}

function toolSummaries(value: unknown): ToolSummary[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((tool): tool is Record<string, unknown> => !!tool && typeof tool === 'object' && typeof tool.name === 'string')
    .map((tool) => ({
      name: tool.name as string,
      ...(typeof tool.title === 'string' ? { title: tool.title } : {}),
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
    }));
}
