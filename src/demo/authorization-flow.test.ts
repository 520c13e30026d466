import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from './test-support/demo-servers.ts';
import {
  authorize,
  discover,
  redeemCode,
  registerClient,
  tokenRequest,
  type AuthorizationServerMetadata,
  type TokenResponse,
} from './test-support/headless-oauth-client.ts';
import { modernRequest, postMcp } from './test-support/mcp-request.ts';

let servers: DemoServers;
let metadata: AuthorizationServerMetadata;
let clientId: string;
let tokens: TokenResponse;
let callbackUrl: URL;

beforeAll(async () => {
  servers = await startDemoServers();
  metadata = await discover(servers.auth.issuer);
  clientId = await registerClient(metadata, { applicationType: 'native' });
  const outcome = await authorize({ metadata, clientId, resource: servers.mcp.url, scope: 'mcp:tools' });
  callbackUrl = outcome.callbackUrl;
  tokens = await redeemCode({ metadata, clientId, resource: servers.mcp.url, outcome });
});

afterAll(() => servers?.close());

describe('authorization code + PKCE + resource against the demo servers', () => {
  it('returns the code with the RFC 9207 iss and a JWT access token for the MCP server', () => {
    expect(callbackUrl.searchParams.get('iss')).toBe(servers.auth.issuer);
    expect(tokens.token_type).toBe('Bearer');
    const claims = decodeJwt(tokens.access_token);
    expect(claims.aud).toBe(servers.mcp.url);
    expect(claims.iss).toBe(servers.auth.issuer);
    expect(claims.scope).toBe('mcp:tools');
    expect(claims.sub).toBe('alice');
  });

  it('serves 2025-11-25 clients: initialize, then tools/list and tools/call in the session', async () => {
    const initialize = await postMcp(
      servers.mcp.url,
      {
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
      },
      { token: tokens.access_token },
    );
    expect(initialize.status).toBe(200);
    expect(initialize.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const sessionId = initialize.headers.get('mcp-session-id');
    expect(sessionId).toBeTruthy();
    expect(await initialize.json()).toMatchObject({ result: { protocolVersion: '2025-11-25' } });

    const sessionHeaders = { 'mcp-session-id': sessionId ?? '', 'mcp-protocol-version': '2025-11-25' };
    const list = await postMcp(servers.mcp.url, { id: 2, method: 'tools/list' }, { token: tokens.access_token, headers: sessionHeaders });
    const { result } = (await list.json()) as { result: { tools: { name: string }[] } };
    expect(result.tools.map((tool) => tool.name)).toEqual(['echo', 'add', 'admin_report']);

    const call = await postMcp(
      servers.mcp.url,
      { id: 3, method: 'tools/call', params: { name: 'add', arguments: { a: 2, b: 40 } } },
      { token: tokens.access_token, headers: sessionHeaders },
    );
    expect(await call.json()).toMatchObject({ result: { content: [{ type: 'text', text: '42' }] } });
  });

  it('serves 2026-07-28 clients statelessly: server/discover, tools/list and tools/call', async () => {
    const discovery = modernRequest(1, 'server/discover');
    const discovered = await postMcp(servers.mcp.url, discovery.message, { token: tokens.access_token, headers: discovery.headers });
    expect(discovered.status).toBe(200);
    expect(discovered.headers.get('mcp-session-id')).toBeNull();
    expect(await discovered.json()).toMatchObject({
      result: {
        resultType: 'complete',
        supportedVersions: expect.arrayContaining(['2026-07-28', '2025-11-25']),
        capabilities: { tools: {} },
        _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'mcp-auth-flow-demo' } },
      },
    });

    const listing = modernRequest(2, 'tools/list');
    const listed = await postMcp(servers.mcp.url, listing.message, { token: tokens.access_token, headers: listing.headers });
    const list = (await listed.json()) as { result: { tools: { name: string }[]; resultType: string; ttlMs: number } };
    expect(list.result.tools.map((tool) => tool.name)).toEqual(['echo', 'add', 'admin_report']);
    expect(list.result).toMatchObject({ resultType: 'complete', cacheScope: 'public' });

    const echo = modernRequest(3, 'tools/call', { name: 'echo', arguments: { message: 'hello' } });
    const echoed = await postMcp(servers.mcp.url, echo.message, { token: tokens.access_token, headers: echo.headers });
    expect(await echoed.json()).toMatchObject({ result: { resultType: 'complete', content: [{ text: 'hello' }] } });
  });

  it('rejects a 2026-07-28 request whose Mcp-Method header does not match the body', async () => {
    const listing = modernRequest(4, 'tools/list');
    const response = await postMcp(servers.mcp.url, listing.message, {
      token: tokens.access_token,
      headers: { ...listing.headers, 'mcp-method': 'tools/call' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ id: 4, error: { code: -32020 } });
  });

  it('answers a tampered token with 401 invalid_token', async () => {
    const [header, payload, signature = ''] = tokens.access_token.split('.');
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const discovery = modernRequest(5, 'server/discover');
    const response = await postMcp(servers.mcp.url, discovery.message, { token: forged, headers: discovery.headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", /);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('asks for step-up with 403 insufficient_scope on admin_report, and honours the upgraded token', async () => {
    const call = modernRequest(6, 'tools/call', { name: 'admin_report', arguments: {} });
    const refused = await postMcp(servers.mcp.url, call.message, { token: tokens.access_token, headers: call.headers });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", scope="mcp:tools mcp:admin", resource_metadata="${servers.mcp.url.replace('/mcp', '/.well-known/oauth-protected-resource/mcp')}", error_description="The admin_report tool needs the mcp:admin scope"`,
    );

    const outcome = await authorize({ metadata, clientId, resource: servers.mcp.url, scope: 'mcp:tools mcp:admin' });
    const upgraded = await redeemCode({ metadata, clientId, resource: servers.mcp.url, outcome });
    const allowed = await postMcp(servers.mcp.url, call.message, { token: upgraded.access_token, headers: call.headers });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ result: { content: [{ text: expect.stringContaining('Admin report for alice') }] } });
  });

  it('rotates refresh tokens: the new one works, the used one is refused', async () => {
    const refreshToken = tokens.refresh_token ?? '';
    expect(refreshToken).not.toBe('');
    const refresh = { grant_type: 'refresh_token', client_id: clientId, resource: servers.mcp.url };
    const refreshed = await tokenRequest(metadata, { ...refresh, refresh_token: refreshToken });
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(refreshToken);
    expect(decodeJwt(refreshed.access_token).aud).toBe(servers.mcp.url);

    await expect(tokenRequest(metadata, { ...refresh, refresh_token: refreshToken })).rejects.toThrow(/invalid_grant/);
  });
});
