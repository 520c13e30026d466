import type { Exchange } from '../model/exchange.ts';
import { buildMcpRequest } from '../mcp/jsonrpc.ts';
import { attempt } from './fetch-failure.ts';
import { latestExchange, responseHeader } from './latest-exchange.ts';
import type { StepContext, StepOutcome } from './step-definition.ts';

/**
 * A server may answer the handshake without a token and ask for one from the next request on:
 * authorization guards requests, and a server answers 401 "when authorization is required and not
 * yet proven" (spec 2025-06-18 and 2025-11-25, Authorization Flow Steps), which for the
 * conformance suite's step-up servers is every request but initialize. So after an initialize that
 * answered 2xx, the client completes the handshake (notifications/initialized) and lists the tools,
 * still without a token, and returns that exchange: its 401 is the challenge to answer.
 */
export async function requestBehindHandshake(
  ctx: StepContext,
  initialize: Exchange,
): Promise<{ ok: true; exchange: Exchange } | { ok: false; outcome: StepOutcome }> {
  const sessionId = responseHeader(initialize, 'mcp-session-id') ?? undefined;
  const session = sessionId ? { sessionId } : {};
  const notified = await send(ctx, buildMcpRequest(ctx.profile, 'notifications/initialized', undefined, session));
  if (!notified.ok) return notified;
  const listed = await send(ctx, buildMcpRequest(ctx.profile, 'tools/list', {}, { id: 2, ...session }));
  if (!listed.ok) return listed;
  return { ok: true, exchange: latestExchange(ctx) };
}

async function send(ctx: StepContext, request: ReturnType<typeof buildMcpRequest>) {
  return attempt(ctx, `${request.body.method} got no response`, () =>
    ctx.fetch({ to: 'mcp', expectHeaders: ['WWW-Authenticate'] })(ctx.settings.serverUrl, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
    }),
  );
}
