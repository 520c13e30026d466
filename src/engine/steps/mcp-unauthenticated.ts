import { firstRequest } from '../mcp/jsonrpc.ts';
import { attempt } from './fetch-failure.ts';
import { latestExchange } from './latest-exchange.ts';
import type { StepDefinition } from './step-definition.ts';

export const mcpUnauthenticatedStep: StepDefinition = {
  kind: 'mcp-unauthenticated',
  title: 'Unauthenticated MCP request',
  teaching:
    'The client calls the MCP server as if no authorization were needed. A protected server answers 401 Unauthorized ' +
    'with a WWW-Authenticate challenge that tells the client where to learn how to get a token.',
  specAnchor: 'authorization-flow-steps',
  async run(ctx) {
    const { specVersion, serverUrl } = ctx.settings;
    const request = firstRequest(ctx.profile);
    ctx.note(`${request.body.method} (spec ${specVersion})`);
    const sent = await attempt(ctx, 'The MCP request got no response', () =>
      ctx.fetch({ to: 'mcp', expectHeaders: ['WWW-Authenticate'] })(serverUrl, {
        method: 'POST',
        headers: request.headers,
        body: JSON.stringify(request.body),
      }),
    );
    if (!sent.ok) return sent.outcome;
    const exchange = latestExchange(ctx);
    const status = exchange.response!.status;
    if (status === 401) return { status: 'ok', summary: '401 Unauthorized: the server asks for authorization.' };
    if (status >= 500) {
      ctx.raise('http.server-error', `The MCP server answered ${status} to ${request.body.method}.`, exchange.id);
      return { status: 'failed', summary: `The MCP server failed with HTTP ${status}.` };
    }
    if (status >= 200 && status < 300) {
      ctx.raise('mcp.no-401', `The server answered ${status} without any token, so there is nothing to authorize.`, exchange.id);
      return { status: 'failed', summary: `HTTP ${status} without a token: this server does not require authorization.` };
    }
    ctx.raise('mcp.no-401', `The server answered ${status} instead of 401 Unauthorized.`, exchange.id);
    return { status: 'failed', summary: `Expected 401, got HTTP ${status}.` };
  },
};
