import { firstRequest } from '../mcp/jsonrpc.ts';
import { attempt } from './fetch-failure.ts';
import { latestExchange } from './latest-exchange.ts';
import { requestBehindHandshake } from './open-handshake.ts';
import type { StepDefinition } from './step-definition.ts';
import { versionRejected } from './version-rejected.ts';

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
    let exchange = latestExchange(ctx);
    let status = exchange.response!.status;
    let asked = request.body.method;
    if (status >= 200 && status < 300 && request.body.method === 'initialize') {
      const behind = await requestBehindHandshake(ctx, exchange);
      if (!behind.ok) return behind.outcome;
      exchange = behind.exchange;
      status = exchange.response!.status;
      asked = 'initialize and tools/list';
      if (status === 401)
        return { status: 'ok', summary: 'initialize needs no token; tools/list answered 401 Unauthorized: the server asks for authorization.' };
    }
    if (status === 401) return { status: 'ok', summary: '401 Unauthorized: the server asks for authorization.' };
    if (status >= 500) {
      ctx.raise('http.server-error', `The MCP server answered ${status} to ${asked}.`, exchange.id);
      return { status: 'failed', summary: `The MCP server failed with HTTP ${status}.` };
    }
    if (status >= 200 && status < 300) {
      const answered = asked === request.body.method ? String(status) : asked;
      ctx.raise('mcp.no-401', `The server answered ${answered} without any token, so there is nothing to authorize.`, exchange.id);
      return { status: 'failed', summary: `HTTP ${status} without a token: this server does not require authorization.` };
    }
    // A server that checks the protocol version before the token refuses this version, not the client.
    const refusedVersion = versionRejected(ctx, String(request.body.method), exchange);
    if (refusedVersion) return { status: 'failed', summary: refusedVersion };
    ctx.raise('mcp.no-401', `The server answered ${status} instead of 401 Unauthorized.`, exchange.id);
    return { status: 'failed', summary: `Expected 401, got HTTP ${status}.` };
  },
};
