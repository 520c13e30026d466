import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { loginTo } from '../test-support/headless-login.ts';
import { authorize, discover, registerClient } from '../test-support/headless-oauth-client.ts';
import { postMcp } from '../test-support/mcp-request.ts';
import { scenarioMcpUrl } from './catalog.ts';

let plain: DemoServers;
let withScenarios: DemoServers;

beforeAll(async () => {
  [plain, withScenarios] = await Promise.all([startDemoServers(), startDemoServers({ scenarios: true })]);
});

afterAll(async () => {
  await Promise.all([plain?.close(), withScenarios?.close()]);
});

/** Replaces the servers' own ports, so that documents of the two setups can be compared. */
function portless(servers: DemoServers, text: string): string {
  return text.replaceAll(servers.mcpOrigin, 'MCP').replaceAll(servers.auth.issuer, 'AS');
}

describe('the healthy /mcp next to the scenarios', () => {
  it('is the healthy entry of the catalog', () => {
    expect(scenarioMcpUrl(withScenarios.mcpOrigin, 'healthy')).toBe(withScenarios.mcp.url);
  });

  it('sends the same 401 challenge and serves the same metadata as without them', async () => {
    const [before, after] = await Promise.all(
      [plain, withScenarios].map(async (servers) => {
        const challenge = (await postMcp(servers.mcp.url, { id: 1, method: 'initialize', params: {} })).headers;
        const metadata = await (await fetch(`${servers.mcpOrigin}/.well-known/oauth-protected-resource/mcp`)).text();
        const asMetadata = await (await fetch(`${servers.auth.issuer}/.well-known/oauth-authorization-server`)).text();
        return portless(servers, JSON.stringify([challenge.get('www-authenticate'), challenge.get('access-control-expose-headers'), metadata, asMetadata]));
      }),
    );
    expect(after).toBe(before);
  });

  it('runs the whole flow: login, initialize and a tool call', async () => {
    const url = withScenarios.mcp.url;
    const { tokens } = await loginTo(url);
    const initialize = await postMcp(
      url,
      { id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } },
      { token: tokens.access_token },
    );
    expect(initialize.status).toBe(200);
    const session = { token: tokens.access_token, headers: { 'mcp-session-id': initialize.headers.get('mcp-session-id') ?? '' } };
    const call = await postMcp(url, { id: 2, method: 'tools/call', params: { name: 'add', arguments: { a: 1, b: 2 } } }, session);
    expect(await call.json()).toMatchObject({ result: { content: [{ text: '3' }] } });
  });

  it('does not accept a token issued for a scenario endpoint', async () => {
    const { tokens } = await loginTo(scenarioMcpUrl(withScenarios.mcpOrigin, 'no-challenge'));
    const response = await postMcp(withScenarios.mcp.url, { id: 1, method: 'initialize', params: {} }, { token: tokens.access_token });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('The access token audience is not this MCP server');
  });

  it('keeps exact resource matching on its authorization server', async () => {
    const metadata = await discover(withScenarios.auth.issuer);
    const clientId = await registerClient(metadata);
    const { callbackUrl } = await authorize({ metadata, clientId, resource: `${withScenarios.mcp.url}/`, scope: 'mcp:tools' });
    expect(callbackUrl.searchParams.get('error')).toBe('invalid_target');
  });

  it('shares the origin root with documents that never name /mcp', async () => {
    const rootResource = (await (await fetch(`${withScenarios.mcpOrigin}/.well-known/oauth-protected-resource`)).json()) as { resource: string };
    expect(rootResource.resource).toBe(scenarioMcpUrl(withScenarios.mcpOrigin, 'prm-root-only'));
    const rootAs = (await (await fetch(`${withScenarios.mcpOrigin}/.well-known/oauth-authorization-server`)).json()) as { issuer: string };
    expect(rootAs.issuer).toBe(withScenarios.mcpOrigin);
    expect(rootAs.issuer).not.toBe(withScenarios.auth.issuer);
  });
});
