import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { TEST_APP_ORIGIN } from '../test-support/headless-oauth-client.ts';
import { modernRequest, postMcp } from '../test-support/mcp-request.ts';

let servers: DemoServers;
let origin: string;

beforeAll(async () => {
  servers = await startDemoServers();
  origin = new URL(servers.mcp.url).origin;
});

afterAll(() => servers?.close());

describe('demo MCP server without a token', () => {
  it('answers initialize with 401, a challenge pointing at its metadata, and CORS the app can read', async () => {
    const response = await postMcp(servers.mcp.url, { id: 1, method: 'initialize', params: {} });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp", scope="mcp:tools"`);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate, Mcp-Session-Id');
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('answers the 2026-07-28 first call, server/discover, with 401 too', async () => {
    const discovery = modernRequest(1, 'server/discover');
    const response = await postMcp(servers.mcp.url, discovery.message, { headers: discovery.headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata=');
  });

  it('lets the browser preflight succeed without auth, allowing every MCP header', async () => {
    const response = await fetch(servers.mcp.url, {
      method: 'OPTIONS',
      headers: {
        origin: TEST_APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, mcp-protocol-version, mcp-method, mcp-name',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, accept, mcp-protocol-version, mcp-session-id, last-event-id, mcp-method, mcp-name',
    );
  });

  it('refuses a page from a foreign origin (DNS rebinding protection)', async () => {
    const response = await fetch(servers.mcp.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('protected resource metadata', () => {
  it('is served at the path-inserted well-known URL with CORS', async () => {
    const response = await fetch(`${origin}/.well-known/oauth-protected-resource/mcp`, {
      headers: { origin: TEST_APP_ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(await response.json()).toEqual({
      resource: servers.mcp.url,
      authorization_servers: [servers.auth.issuer],
      scopes_supported: ['mcp:tools', 'mcp:admin'],
      bearer_methods_supported: ['header'],
      resource_name: 'MCP Auth Flow demo',
    });
  });

  it('is not served at the root well-known URL', async () => {
    const response = await fetch(`${origin}/.well-known/oauth-protected-resource`);
    expect(response.status).toBe(404);
  });
});
