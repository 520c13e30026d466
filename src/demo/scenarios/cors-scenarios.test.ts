import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { loginTo } from '../test-support/headless-login.ts';
import { authorize, discover, postCodeToTokenEndpoint, registerClient, TEST_APP_ORIGIN } from '../test-support/headless-oauth-client.ts';
import { postMcp } from '../test-support/mcp-request.ts';
import { sendPreflight } from '../test-support/preflight.ts';
import { scenarioMcpUrl, type ScenarioId } from './catalog.ts';

let servers: DemoServers;
const urlOf = (id: ScenarioId) => scenarioMcpUrl(servers.mcpOrigin, id);
const initialize = { id: 1, method: 'initialize', params: {} };
const accessControlHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

beforeAll(async () => {
  servers = await startDemoServers({ scenarios: true });
});

afterAll(() => servers?.close());

describe('challenge-not-exposed', () => {
  it('sends the challenge with CORS, but does not expose WWW-Authenticate to the script', async () => {
    const response = await postMcp(urlOf('challenge-not-exposed'), initialize);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${servers.mcpOrigin}/.well-known/oauth-protected-resource/s/challenge-not-exposed/mcp", scope="mcp:tools"`,
    );
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('Mcp-Session-Id');
  });

  it('answers the preflight correctly', async () => {
    const response = await sendPreflight(urlOf('challenge-not-exposed'));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });
});

describe('no-cors', () => {
  it('answers the request with no Access-Control-* header at all', async () => {
    const response = await postMcp(urlOf('no-cors'), initialize);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata=');
    expect(accessControlHeaders(response)).toEqual([]);
  });

  it('answers the preflight without CORS headers', async () => {
    const response = await sendPreflight(urlOf('no-cors'));
    expect(response.status).toBe(204);
    expect(accessControlHeaders(response)).toEqual([]);
  });
});

describe('preflight-needs-auth', () => {
  it('answers the preflight with 401 and no CORS headers', async () => {
    const response = await sendPreflight(urlOf('preflight-needs-auth'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata=');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends CORS once a request carries a valid token', async () => {
    const url = urlOf('preflight-needs-auth');
    const { tokens } = await loginTo(url);
    const response = await postMcp(
      url,
      { id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } },
      { token: tokens.access_token },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });
});

describe('token-no-cors', () => {
  it('has its own authorization server whose discovery and registration send CORS', async () => {
    const metadataResponse = await fetch(`${servers.auth.issuer}/.well-known/oauth-authorization-server/s/token-no-cors`, {
      headers: { origin: TEST_APP_ORIGIN },
    });
    expect(metadataResponse.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(await metadataResponse.json()).toMatchObject({
      issuer: `${servers.auth.issuer}/s/token-no-cors`,
      token_endpoint: `${servers.auth.issuer}/s/token-no-cors/token`,
    });
    const registrationPreflight = await sendPreflight(`${servers.auth.issuer}/s/token-no-cors/reg`);
    expect(registrationPreflight.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });

  it('issues tokens on a real token request, without Access-Control-Allow-Origin, and they work', async () => {
    const url = urlOf('token-no-cors');
    const metadata = await discover(`${servers.auth.issuer}/s/token-no-cors`);
    const clientId = await registerClient(metadata);
    const outcome = await authorize({ metadata, clientId, resource: url, scope: 'mcp:tools' });
    const response = await postCodeToTokenEndpoint({ metadata, clientId, resource: url, outcome });
    expect(response.status).toBe(200);
    expect(accessControlHeaders(response)).toEqual([]);
    const { access_token } = (await response.json()) as { access_token: string };

    const call = await postMcp(
      url,
      { id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } },
      { token: access_token },
    );
    expect(call.status).toBe(200);
  });

  it('answers the token preflight without CORS headers', async () => {
    const response = await sendPreflight(`${servers.auth.issuer}/s/token-no-cors/token`, 'content-type');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves the healthy token endpoint with its CORS', async () => {
    const response = await sendPreflight(`${servers.auth.issuer}/token`, 'content-type');
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });
});
