import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { loginTo } from '../test-support/headless-login.ts';
import { authorize, redeemCode } from '../test-support/headless-oauth-client.ts';
import { modernRequest, postMcp } from '../test-support/mcp-request.ts';
import { scenarioMcpUrl, type ScenarioId } from './catalog.ts';

let servers: DemoServers;
const urlOf = (id: ScenarioId) => scenarioMcpUrl(servers.mcpOrigin, id);

beforeAll(async () => {
  servers = await startDemoServers({ scenarios: true });
});

afterAll(() => servers?.close());

describe('accepts-any-token', () => {
  it('answers 401 with a challenge when there is no token', async () => {
    const discovery = modernRequest(1, 'server/discover');
    const response = await postMcp(urlOf('accepts-any-token'), discovery.message, { headers: discovery.headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata=');
  });

  it.each(['garbage', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.'])('serves tools to the token %j', async (token) => {
    const call = modernRequest(2, 'tools/call', { name: 'add', arguments: { a: 40, b: 2 } });
    const response = await postMcp(urlOf('accepts-any-token'), call.message, { token, headers: call.headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { content: [{ text: '42' }] } });
  });
});

describe('step-up', () => {
  const echo = () => modernRequest(3, 'tools/call', { name: 'echo', arguments: { message: 'hi' } });

  it('lists tools with an mcp:tools token, then asks for mcp:admin alone on the first tool call', async () => {
    const url = urlOf('step-up');
    const { tokens } = await loginTo(url, { scope: 'mcp:tools' });
    const list = modernRequest(1, 'tools/list');
    expect((await postMcp(url, list.message, { token: tokens.access_token, headers: list.headers })).status).toBe(200);

    const refused = await postMcp(url, echo().message, { token: tokens.access_token, headers: echo().headers });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe(
      `Bearer error="insufficient_scope", scope="mcp:admin", resource_metadata="${servers.mcpOrigin}/.well-known/oauth-protected-resource/s/step-up/mcp", error_description="The echo tool needs the mcp:admin scope"`,
    );
  });

  it('serves the call after re-authorization with the union of scopes (2026-07-28)', async () => {
    const url = urlOf('step-up');
    const first = await loginTo(url, { scope: 'mcp:tools' });
    const outcome = await authorize({ metadata: first.metadata, clientId: first.clientId, resource: url, scope: 'mcp:tools mcp:admin' });
    const upgraded = await redeemCode({ metadata: first.metadata, clientId: first.clientId, resource: url, outcome });
    expect(decodeJwt(upgraded.access_token).scope).toBe('mcp:tools mcp:admin');
    const response = await postMcp(url, echo().message, { token: upgraded.access_token, headers: echo().headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { content: [{ text: 'hi' }] } });
  });

  it('serves the call after re-authorization with the challenged scope only (2025-11-25)', async () => {
    const url = urlOf('step-up');
    const { tokens } = await loginTo(url, { scope: 'mcp:admin' });
    const response = await postMcp(url, echo().message, { token: tokens.access_token, headers: echo().headers });
    expect(response.status).toBe(200);
  });
});
