import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import {
  authorize,
  discover,
  registerClient,
  TEST_APP_ORIGIN,
  TEST_REDIRECT_URI,
  type AuthorizationServerMetadata,
} from '../test-support/headless-oauth-client.ts';

let servers: DemoServers;
let metadata: AuthorizationServerMetadata;

beforeAll(async () => {
  servers = await startDemoServers();
  metadata = await discover(servers.auth.issuer);
});

afterAll(() => servers?.close());

const fromApp = { origin: TEST_APP_ORIGIN };

function preflight(url: string, requestHeaders = 'content-type, authorization') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { ...fromApp, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

function register(body: Record<string, unknown>) {
  return fetch(metadata.registration_endpoint, {
    method: 'POST',
    headers: { ...fromApp, 'content-type': 'application/json' },
    body: JSON.stringify({ token_endpoint_auth_method: 'none', ...body }),
  });
}

describe('demo authorization server metadata', () => {
  it('serves the same document at both well-known URLs, readable cross-origin', async () => {
    const [oauth, openid] = await Promise.all(
      ['oauth-authorization-server', 'openid-configuration'].map((name) => fetch(`${servers.auth.issuer}/.well-known/${name}`, { headers: fromApp })),
    );
    expect(oauth?.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(openid?.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    const document = await oauth?.json();
    expect(await openid?.json()).toEqual(document);
    expect(document).toMatchObject({
      issuer: servers.auth.issuer,
      code_challenge_methods_supported: ['S256'],
      registration_endpoint: `${servers.auth.issuer}/reg`,
      authorization_response_iss_parameter_supported: true,
      scopes_supported: expect.arrayContaining(['mcp:tools', 'mcp:admin', 'offline_access']),
    });
  });

  it('lets the browser app fetch the JWKS and call the token endpoint', async () => {
    const jwks = await fetch(`${servers.auth.issuer}/jwks`, { headers: fromApp });
    expect(jwks.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(((await jwks.json()) as { keys: { alg: string }[] }).keys[0]?.alg).toBe('RS256');

    const tokenPreflight = await preflight(metadata.token_endpoint);
    expect(tokenPreflight.status).toBe(204);
    expect(tokenPreflight.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(tokenPreflight.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
  });
});

describe('dynamic client registration', () => {
  it('answers the browser preflight with CORS for content-type and authorization', async () => {
    const response = await preflight(metadata.registration_endpoint);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it.each(['native', 'web'])('registers a public %s client with an http://localhost redirect URI', async (applicationType) => {
    const response = await register({ application_type: applicationType, redirect_uris: [TEST_REDIRECT_URI] });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(await response.json()).toMatchObject({ application_type: applicationType, token_endpoint_auth_method: 'none' });
  });

  it('refuses a native client whose http redirect URI is not loopback', async () => {
    const response = await register({ application_type: 'native', redirect_uris: ['http://example.com/callback'] });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(await response.json()).toMatchObject({ error: 'invalid_redirect_uri' });
  });
});

describe('authorization endpoint', () => {
  it('shows the client name, scopes and resource on the consent page as text, never as HTML', async () => {
    const clientId = await registerClient(metadata, { clientName: '<img src=x onerror=alert(1)>' });
    const { pages } = await authorize({ metadata, clientId, resource: servers.mcp.url, scope: 'mcp:tools' });
    const [login, consent] = pages;
    expect(login).toContain('<label for="username">Username</label>');
    expect(consent).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(consent).not.toContain('<img');
    expect(consent).toContain('<code>mcp:tools</code>');
    expect(consent).toContain(`<code>${servers.mcp.url}</code>`);
  });

  it('sends error=access_denied (with iss) back to the client when the user presses Deny', async () => {
    const clientId = await registerClient(metadata);
    const { callbackUrl, state } = await authorize({
      metadata,
      clientId,
      resource: servers.mcp.url,
      scope: 'mcp:tools',
      decision: 'Deny',
    });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    expect(callbackUrl.searchParams.get('state')).toBe(state);
    expect(callbackUrl.searchParams.get('iss')).toBe(servers.auth.issuer);
  });

  it('refuses an authorization request without PKCE', async () => {
    const clientId = await registerClient(metadata);
    const url = new URL(metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: TEST_REDIRECT_URI,
      scope: 'mcp:tools',
      resource: servers.mcp.url,
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const callback = new URL(response.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe(TEST_REDIRECT_URI);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});
