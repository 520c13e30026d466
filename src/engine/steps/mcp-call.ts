import type { Exchange } from '../model/exchange.ts';
import { buildMcpRequest } from '../mcp/jsonrpc.ts';
import { parseMcpResponse, type JsonRpcResponse } from '../mcp/parse-response.ts';
import { attempt } from './fetch-failure.ts';
import { responseHeader, latestExchange } from './latest-exchange.ts';
import { tooLargeDetail } from './too-large.ts';
import type { StepContext, StepOutcome } from './step-definition.ts';
import { currentProtocol, versionRejected } from './version-rejected.ts';

export type McpCallResult =
  { ok: true; exchange: Exchange; result: Record<string, unknown> } | { ok: false; outcome: StepOutcome; exchange?: Exchange; status?: number };

/** One authenticated JSON-RPC call to the MCP server, with findings for whatever goes wrong. */
export async function callMcp(
  ctx: StepContext,
  method: string,
  params: Record<string, unknown> | undefined,
  /** passStatuses: HTTP statuses the caller handles itself (401 and 403 for a tool call), without a finding. */
  options: { id?: number; expectHeaders?: string[]; passStatuses?: number[]; passRpcErrors?: boolean } = {},
): Promise<McpCallResult> {
  const { serverUrl } = ctx.settings;
  const request = buildMcpRequest(currentProtocol(ctx), method, params, {
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(ctx.learned.mcpSessionId ? { sessionId: ctx.learned.mcpSessionId } : {}),
    ...(ctx.learned.tokens ? { accessToken: ctx.learned.tokens.access_token } : {}),
  });
  const sent = await attempt(ctx, `${method} got no response`, () =>
    ctx.fetch({ to: 'mcp', ...(options.expectHeaders ? { expectHeaders: options.expectHeaders } : {}) })(serverUrl, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
    }),
  );
  if (!sent.ok) return sent;
  const exchange = latestExchange(ctx);
  const response = exchange.response!;
  if (options.passStatuses?.includes(response.status)) {
    return { ok: false, exchange, status: response.status, outcome: { status: 'failed', summary: `${method} answered HTTP ${response.status}.` } };
  }
  if (options.id === undefined) return { ok: true, exchange, result: {} };
  if (response.status < 200 || response.status >= 300) return refused(ctx, method, exchange);
  if (response.bodyReadLimit !== undefined) {
    ctx.raise('http.body-too-large', `${method}: ${tooLargeDetail(response.bodyBytes, response.bodyReadLimit)}`, exchange.id);
    return { ok: false, outcome: { status: 'failed', summary: `The ${method} response is too large to read.` } };
  }
  // The whole body: the recording keeps only a copy cut for display.
  const parsed = parseMcpResponse(await sent.value.text(), responseHeader(exchange, 'content-type'), options.id);
  if (!parsed.ok) {
    ctx.raise('http.not-json', `${method}: ${parsed.problem}`, exchange.id);
    return { ok: false, outcome: { status: 'failed', summary: `${method} returned no readable JSON-RPC response.` } };
  }
  return resultOf(ctx, method, parsed.response, exchange, options.passRpcErrors);
}

/** A non-2xx answer to an authenticated call: a refused protocol version, or a failed request. */
export function refused(ctx: StepContext, method: string, exchange: Exchange): McpCallResult {
  const status = exchange.response?.status;
  const refusedVersion = versionRejected(ctx, method, exchange);
  if (refusedVersion) return { ok: false, outcome: { status: 'failed', summary: refusedVersion } };
  ctx.raise('mcp.authenticated-request-failed', `${method} answered HTTP ${status}: ${exchange.response?.body.slice(0, 200) ?? ''}`, exchange.id);
  return { ok: false, outcome: { status: 'failed', summary: `${method} failed with HTTP ${status}.` } };
}

function resultOf(ctx: StepContext, method: string, response: JsonRpcResponse, exchange: Exchange, pass = false): McpCallResult {
  if (response.kind === 'error' && pass) {
    return { ok: false, exchange, outcome: { status: 'failed', summary: `${method} returned JSON-RPC error ${response.code}.` } };
  }
  const refusedVersion = response.kind === 'error' ? versionRejected(ctx, method, exchange, response) : undefined;
  if (refusedVersion) return { ok: false, outcome: { status: 'failed', summary: refusedVersion } };
  if (response.kind === 'error') {
    ctx.raise('mcp.jsonrpc-error', `${method}: error ${response.code}: ${response.message}`, exchange.id);
    return { ok: false, outcome: { status: 'failed', summary: `${method} returned JSON-RPC error ${response.code}.` } };
  }
  return { ok: true, exchange, result: response.result };
}
