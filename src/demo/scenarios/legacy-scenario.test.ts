import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { loginTo } from '../test-support/headless-login.ts';
import { authorize, redeemCode, registerClient, TEST_APP_ORIGIN, type AuthorizationServerMetadata } from '../test-support/headless-oauth-client.ts';
import { postMcp } from '../test-support/mcp-request.ts';
import { sendPreflight } from '../test-support/preflight.ts';
import { scenarioMcpUrl } from './catalog.ts';

let servers: DemoServers;
let url: string;

beforeAll(async () => {
  servers = await startDemoServers({ scenarios: true });
  url = scenarioMcpUrl(servers.mcpOrigin, 'legacy-2025-03-26');
});

afterAll(() => servers?.close());

describe('legacy-2025-03-26 before login', () => {
  it('answers 401 with a plain Bearer challenge and has no protected resource metadata', async () => {
    const response = await postMcp(url, { id: 1, method: 'initialize', params: {} });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${servers.mcpOrigin}/.well-known/oauth-protected-resource/s/legacy-2025-03-26/mcp`)).status).toBe(404);
  });

  it('serves authorization server metadata at its own origin, with the default endpoints', async () => {
    const response = await fetch(`${servers.mcpOrigin}/.well-known/oauth-authorization-server`, { headers: { origin: TEST_APP_ORIGIN } });
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: servers.mcpOrigin,
      authorization_endpoint: `${servers.mcpOrigin}/authorize`,
      token_endpoint: `${servers.mcpOrigin}/token`,
      registration_endpoint: `${servers.mcpOrigin}/register`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(metadata).not.toHaveProperty('userinfo_endpoint');
    expect(metadata).not.toHaveProperty('pushed_authorization_request_endpoint');
    expect((await sendPreflight(`${servers.mcpOrigin}/register`)).headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });
});

describe('legacy-2025-03-26 with a 2025-03-26 client', () => {
  it('logs in at the default endpoints without resource, then initialize and tools/list work', async () => {
    // What a 2025-03-26 client knows: the MCP origin, and the default endpoint paths on it.
    const metadata: AuthorizationServerMetadata = {
      issuer: servers.mcpOrigin,
      authorization_endpoint: `${servers.mcpOrigin}/authorize`,
      token_endpoint: `${servers.mcpOrigin}/token`,
      registration_endpoint: `${servers.mcpOrigin}/register`,
    };
    const clientId = await registerClient(metadata);
    const outcome = await authorize({ metadata, clientId, scope: 'mcp:tools' });
    expect(outcome.callbackUrl.searchParams.get('iss')).toBe(servers.mcpOrigin);
    const tokens = await redeemCode({ metadata, clientId, outcome });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ iss: servers.mcpOrigin, aud: url, scope: 'mcp:tools' });

    const initialize = await postMcp(
      url,
      { id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'legacy', version: '1' } } },
      { token: tokens.access_token },
    );
    expect(initialize.status).toBe(200);
    expect(await initialize.json()).toMatchObject({ result: { protocolVersion: '2025-03-26' } });
    const sessionId = initialize.headers.get('mcp-session-id') ?? '';
    expect(sessionId).not.toBe('');

    const session = { token: tokens.access_token, headers: { 'mcp-session-id': sessionId } };
    expect((await postMcp(url, { method: 'notifications/initialized' }, session)).status).toBe(202);
    const list = await postMcp(url, { id: 2, method: 'tools/list' }, session);
    expect(list.status).toBe(200);
    const { result } = (await list.json()) as { result: { tools: { name: string }[] } };
    expect(result.tools.map((tool) => tool.name)).toEqual(['echo', 'add', 'admin_report']);
  });

  it('offers 2025-03-26 even to a client that asks for a newer version', async () => {
    const metadata = (await (await fetch(`${servers.mcpOrigin}/.well-known/oauth-authorization-server`)).json()) as AuthorizationServerMetadata;
    const clientId = await registerClient(metadata);
    const tokens = await redeemCode({ metadata, clientId, outcome: await authorize({ metadata, clientId, scope: 'mcp:tools' }) });
    const initialize = await postMcp(
      url,
      { id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'new', version: '1' } } },
      { token: tokens.access_token },
    );
    expect(await initialize.json()).toMatchObject({ result: { protocolVersion: '2025-03-26' } });
  });

  it('does not accept its tokens on the healthy /mcp, nor healthy tokens here', async () => {
    const metadata = (await (await fetch(`${servers.mcpOrigin}/.well-known/oauth-authorization-server`)).json()) as AuthorizationServerMetadata;
    const clientId = await registerClient(metadata);
    const tokens = await redeemCode({ metadata, clientId, outcome: await authorize({ metadata, clientId, scope: 'mcp:tools' }) });
    const response = await postMcp(servers.mcp.url, { id: 1, method: 'initialize', params: {} }, { token: tokens.access_token });
    expect(response.status).toBe(401);

    const healthy = await loginTo(servers.mcp.url);
    const refused = await postMcp(url, { id: 1, method: 'initialize', params: {} }, { token: healthy.tokens.access_token });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });
});
