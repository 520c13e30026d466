import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { loginTo } from '../test-support/headless-login.ts';
import { authorize, buildAuthorizationRequest, discover, redeemCode, registerClient, TEST_REDIRECT_URI } from '../test-support/headless-oauth-client.ts';
import { postMcp } from '../test-support/mcp-request.ts';
import { PRE_REGISTERED_CLIENT_ID, scenarioMcpUrl, type ScenarioId } from './catalog.ts';

let servers: DemoServers;
const urlOf = (id: ScenarioId) => scenarioMcpUrl(servers.mcpOrigin, id);
const issuerOf = (id: ScenarioId) => `${servers.auth.issuer}/s/${id}`;
const initialize = {
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'headless-test', version: '1' } },
};

async function protectedResourceMetadataOf(id: ScenarioId) {
  const response = await fetch(`${servers.mcpOrigin}/.well-known/oauth-protected-resource/s/${id}/mcp`);
  return (await response.json()) as { authorization_servers: string[] };
}

beforeAll(async () => {
  servers = await startDemoServers({ scenarios: true });
});

afterAll(() => servers?.close());

describe('no-dcr', () => {
  it('points at an authorization server without a registration_endpoint', async () => {
    expect((await protectedResourceMetadataOf('no-dcr')).authorization_servers).toEqual([issuerOf('no-dcr')]);
    const metadata = await discover(issuerOf('no-dcr'));
    expect(metadata.issuer).toBe(issuerOf('no-dcr'));
    expect(metadata).not.toHaveProperty('registration_endpoint');
    const registration = await fetch(`${issuerOf('no-dcr')}/reg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: [TEST_REDIRECT_URI] }),
    });
    expect(registration.status).toBe(404);
  });

  it('lets the pre-registered client log in, on any loopback port, and use the server', async () => {
    const { tokens } = await loginTo(urlOf('no-dcr'), { clientId: PRE_REGISTERED_CLIENT_ID });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ aud: urlOf('no-dcr'), client_id: PRE_REGISTERED_CLIENT_ID });
    expect((await postMcp(urlOf('no-dcr'), initialize, { token: tokens.access_token })).status).toBe(200);

    const metadata = await discover(issuerOf('no-dcr'));
    const cliCallback = 'http://127.0.0.1:49152/callback';
    const outcome = await authorize({
      metadata,
      clientId: PRE_REGISTERED_CLIENT_ID,
      resource: urlOf('no-dcr'),
      scope: 'mcp:tools',
      redirectUri: cliCallback,
    });
    expect(outcome.callbackUrl.searchParams.get('code')).toBeTruthy();
  });
});

describe('pkce-not-advertised', () => {
  it('serves metadata without code_challenge_methods_supported', async () => {
    const metadata = await discover(issuerOf('pkce-not-advertised'));
    expect(metadata.issuer).toBe(issuerOf('pkce-not-advertised'));
    expect(metadata).not.toHaveProperty('code_challenge_methods_supported');
  });

  it('still requires PKCE S256, and the flow with it works', async () => {
    const metadata = await discover(issuerOf('pkce-not-advertised'));
    const clientId = await registerClient(metadata);
    const withoutPkce = buildAuthorizationRequest({ metadata, clientId, resource: urlOf('pkce-not-advertised'), scope: 'mcp:tools' }).url;
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const refused = new URL((await fetch(withoutPkce, { redirect: 'manual' })).headers.get('location') ?? '');
    expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);

    const { tokens } = await loginTo(urlOf('pkce-not-advertised'));
    expect((await postMcp(urlOf('pkce-not-advertised'), initialize, { token: tokens.access_token })).status).toBe(200);
  });
});

describe('issuer-mismatch', () => {
  const identifier = () => `${servers.auth.issuer}/s/issuer-mismatch/common`;
  const claimed = () => `${servers.auth.issuer}/s/issuer-mismatch/{tenantid}`;

  it('serves metadata for .../common whose issuer is .../{tenantid}', async () => {
    expect((await protectedResourceMetadataOf('issuer-mismatch')).authorization_servers).toEqual([identifier()]);
    const response = await fetch(`${servers.auth.issuer}/.well-known/oauth-authorization-server/s/issuer-mismatch/common`);
    const metadata = (await response.json()) as { issuer: string; authorization_endpoint: string };
    expect(metadata.issuer).toBe(claimed());
    expect(metadata.issuer).not.toBe(identifier());
    expect(metadata.authorization_endpoint).toBe(`${identifier()}/auth`);
  });

  it('works for a client that goes on anyway: iss and tokens name the claimed issuer', async () => {
    const { outcome, tokens } = await loginTo(urlOf('issuer-mismatch'));
    expect(outcome.callbackUrl.searchParams.get('iss')).toBe(claimed());
    expect(decodeJwt(tokens.access_token).iss).toBe(claimed());
    expect((await postMcp(urlOf('issuer-mismatch'), initialize, { token: tokens.access_token })).status).toBe(200);
  });
});

describe('wrong-iss', () => {
  it('advertises RFC 9207 iss, then sends the host base URL as iss on the callback', async () => {
    const metadata = await discover(issuerOf('wrong-iss'));
    expect(metadata).toMatchObject({ issuer: issuerOf('wrong-iss'), authorization_response_iss_parameter_supported: true });
    const clientId = await registerClient(metadata);
    const outcome = await authorize({ metadata, clientId, resource: urlOf('wrong-iss'), scope: 'mcp:tools' });
    expect(outcome.callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(outcome.callbackUrl.searchParams.get('state')).toBe(outcome.state);
    expect(outcome.callbackUrl.searchParams.get('iss')).toBe(servers.auth.issuer);
    expect(outcome.callbackUrl.searchParams.get('iss')).not.toBe(metadata.issuer);

    const tokens = await redeemCode({ metadata, clientId, resource: urlOf('wrong-iss'), outcome });
    expect((await postMcp(urlOf('wrong-iss'), initialize, { token: tokens.access_token })).status).toBe(200);
  });

  it('sends the wrong iss on error responses too', async () => {
    const metadata = await discover(issuerOf('wrong-iss'));
    const clientId = await registerClient(metadata);
    const { callbackUrl } = await authorize({ metadata, clientId, resource: urlOf('wrong-iss'), scope: 'mcp:tools', decision: 'Deny' });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    expect(callbackUrl.searchParams.get('iss')).toBe(servers.auth.issuer);
  });
});

describe('redirect-uri-mismatch', () => {
  it('registers a localhost redirect URI, then refuses it at /authorize with its own error page', async () => {
    const metadata = await discover(issuerOf('redirect-uri-mismatch'));
    const clientId = await registerClient(metadata);
    const { url } = buildAuthorizationRequest({ metadata, clientId, resource: urlOf('redirect-uri-mismatch'), scope: 'mcp:tools' });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('invalid_redirect_uri');
  });

  it('accepts the same redirect URI with 127.0.0.1', async () => {
    const metadata = await discover(issuerOf('redirect-uri-mismatch'));
    const redirectUri = 'http://127.0.0.1:5173/callback';
    const clientId = await registerClient(metadata, { redirectUri });
    const outcome = await authorize({ metadata, clientId, resource: urlOf('redirect-uri-mismatch'), scope: 'mcp:tools', redirectUri });
    const tokens = await redeemCode({ metadata, clientId, resource: urlOf('redirect-uri-mismatch'), outcome });
    expect((await postMcp(urlOf('redirect-uri-mismatch'), initialize, { token: tokens.access_token })).status).toBe(200);
  });
});
