import { afterEach, describe, expect, it } from 'vitest';
import { json, startLoopbackServer } from '../test-support/loopback-server.ts';
import { runUntilStop } from '../test-support/run-until-stop.ts';
import { createSession } from './create-session.ts';
import { FlowEngine } from './engine.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('2025-03-26: the authorization server is at the MCP server’s origin', () => {
  it('reads /.well-known/oauth-authorization-server at the origin, with no PRM and no resource parameter', async () => {
    const server = await startLoopbackServer((base) => (request, response) => {
      if (request.url === '/api/mcp') return json(response, 401, {}, { 'WWW-Authenticate': 'Bearer' });
      if (request.url === '/.well-known/oauth-authorization-server') {
        return json(response, 200, {
          issuer: base,
          authorization_endpoint: `${base}/oauth/authorize`,
          token_endpoint: `${base}/oauth/token`,
          code_challenge_methods_supported: ['S256'],
        });
      }
      return json(response, 404, {});
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/api/mcp`, { specVersion: '2025-03-26' });
    expect(server.requests.map((request) => request.path)).toEqual(['/api/mcp', '/.well-known/oauth-authorization-server']);
    expect(session.steps.map((step) => step.kind)).not.toContain('prm');
    expect(session.steps.find((step) => step.kind === 'as-discovery')).toMatchObject({
      status: 'ok',
      title: 'Metadata at the MCP server’s origin (2025-03-26)',
    });
    // It stops at registration: this server offers none and no client id was given.
    expect(session.findings.map((finding) => finding.ruleId)).toEqual(['version.legacy-path', 'registration.unavailable']);
  });

  it('falls back to /authorize, /token and /register when the origin has no metadata', async () => {
    const server = await startLoopbackServer(() => (request, response) => {
      if (request.url === '/mcp') return json(response, 401, {});
      if (request.url === '/register') return json(response, 201, { client_id: 'legacy-client', token_endpoint_auth_method: 'none' });
      return json(response, 404, {});
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`, { specVersion: '2025-03-26' });
    expect(session.steps.find((step) => step.kind === 'as-discovery')).toMatchObject({ status: 'ok', title: 'Default endpoints (2025-03-26 fallback)' });
    expect(session.learned.asMetadata).toMatchObject({ authorization_endpoint: `${server.base}/authorize`, token_endpoint: `${server.base}/token` });
    // Registration went to the default /register, and the flow reached the login.
    expect(server.requests.map((request) => request.path)).toEqual(['/mcp', '/.well-known/oauth-authorization-server', '/register']);
    expect(session.learned.client?.client_id).toBe('legacy-client');
  });

  it('Auto finds no PRM anywhere, switches to the 2025-03-26 path, and drops the newer versions’ warnings', async () => {
    const server = await startLoopbackServer((base) => (request, response) => {
      if (request.url === '/mcp') return json(response, 401, {}, { 'WWW-Authenticate': 'Bearer' });
      if (request.url === '/.well-known/oauth-authorization-server') {
        return json(response, 200, {
          issuer: base,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          code_challenge_methods_supported: ['S256'],
        });
      }
      return json(response, 404, {});
    });
    close = server.close;
    const engine = new FlowEngine(
      createSession({
        serverUrl: `${server.base}/mcp`,
        specVersion: '2026-07-28',
        autoVersion: true,
        timeoutMs: 2_000,
        redirectUri: 'http://localhost:5173/callback',
        clientName: 'auto',
        registration: { mode: 'auto' },
      }),
      { userAgent: { authorize: () => Promise.reject(new Error('not reached')) }, runtime: 'node' },
    );
    await engine.runAll();
    const session = engine.snapshot;
    expect(session.settings.specVersion).toBe('2025-03-26');
    expect(server.requests.map((request) => request.path)).toEqual([
      '/mcp',
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-authorization-server',
    ]);
    expect(session.findings.map((finding) => finding.ruleId)).toEqual(['version.auto-chosen', 'version.legacy-path', 'registration.unavailable']);
    expect(session.steps.find((step) => step.kind === 'as-discovery')).toMatchObject({ status: 'ok' });
  });
});
