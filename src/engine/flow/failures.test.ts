import { afterEach, describe, expect, it } from 'vitest';
import { json, startLoopbackServer } from '../test-support/loopback-server.ts';
import { ruleIds, runUntilStop, statusOf } from '../test-support/run-until-stop.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** A server whose MCP endpoint and metadata are healthy up to the part a test breaks. */
async function serverWith(overrides: Record<string, (base: string) => [number, unknown]>) {
  return startLoopbackServer((base) => (request, response) => {
    const path = request.url ?? '/';
    const override = overrides[path];
    if (override) {
      const [status, body] = override(base);
      return json(response, status, body);
    }
    if (path === '/mcp') {
      return json(response, 401, {}, { 'WWW-Authenticate': `Bearer resource_metadata="${base}/.well-known/oauth-protected-resource/mcp", scope="mcp"` });
    }
    if (path === '/.well-known/oauth-protected-resource/mcp') return json(response, 200, { resource: `${base}/mcp`, authorization_servers: [base] });
    if (path === '/.well-known/oauth-authorization-server') {
      return json(response, 200, {
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        registration_endpoint: `${base}/register`,
        code_challenge_methods_supported: ['S256'],
      });
    }
    return json(response, 404, {});
  });
}

describe('the engine turns broken servers into findings, not crashes', () => {
  it('a 500 from the MCP server', async () => {
    const server = await serverWith({ '/mcp': () => [500, { error: 'boom' }] });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`);
    expect(ruleIds(session)).toEqual(['http.server-error']);
    expect(statusOf(session, 'mcp-unauthenticated')).toBe('failed');
    expect(session.exchanges[0]!.response!.body).toContain('boom');
  });

  it('a server that never answers times out', async () => {
    const server = await startLoopbackServer(() => () => undefined);
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`, { timeoutMs: 300 });
    expect(ruleIds(session)).toEqual(['http.timeout']);
    expect(session.exchanges[0]!.outcome).toBe('timeout');
    expect(session.status).toBe('failed');
  });

  it('a PRM resource with a trailing slash is a mismatch the client must not accept', async () => {
    const server = await serverWith({
      '/.well-known/oauth-protected-resource/mcp': (base) => [200, { resource: `${base}/mcp/`, authorization_servers: [base] }],
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`);
    expect(ruleIds(session)).toEqual(['prm.resource-mismatch']);
    expect(session.findings[0]!.detail).toContain(`${server.base}/mcp/`);
    expect(statusOf(session, 'as-discovery')).toBe('pending');
  });

  it('metadata without S256 is refused', async () => {
    const server = await serverWith({
      '/.well-known/oauth-authorization-server': (base) => [
        200,
        { issuer: base, authorization_endpoint: `${base}/a`, token_endpoint: `${base}/t`, code_challenge_methods_supported: ['plain'] },
      ],
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`);
    expect(ruleIds(session)).toEqual(['as.pkce-s256-missing']);
    expect(statusOf(session, 'as-discovery')).toBe('failed');
  });

  it('a rejected registration shows the server’s error', async () => {
    const server = await serverWith({
      '/register': () => [400, { error: 'invalid_redirect_uri', error_description: 'http redirect URIs are not allowed' }],
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`);
    expect(ruleIds(session)).toEqual(['registration.rejected']);
    expect(session.findings[0]!.detail).toBe('HTTP 400: invalid_redirect_uri (http redirect URIs are not allowed).');
    // The registration request really carried what the spec asks for.
    const sent = JSON.parse(session.exchanges.at(-1)!.request.body!);
    expect(sent).toMatchObject({ application_type: 'native', token_endpoint_auth_method: 'none', redirect_uris: ['http://localhost:5173/callback'] });
  });

  it('an unreachable server is a network error that names the cause', async () => {
    const server = await startLoopbackServer(() => () => undefined);
    await server.close();
    const session = await runUntilStop(`${server.base}/mcp`);
    expect(ruleIds(session)).toEqual(['http.network-error']);
    expect(session.findings[0]!.detail).toContain('ECONNREFUSED');
  });
});
