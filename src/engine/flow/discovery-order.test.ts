import { afterEach, describe, expect, it } from 'vitest';
import { json, startLoopbackServer } from '../test-support/loopback-server.ts';
import { ruleIds, runUntilStop, statusOf } from '../test-support/run-until-stop.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('discovery order against a real server', () => {
  it('without a challenge, tries the path-inserted then the root PRM URL, then the three AS URLs for a path issuer', async () => {
    const server = await startLoopbackServer((base) => (request, response) => {
      switch (request.url) {
        case '/mcp':
          return json(response, 401, { error: 'unauthorized' });
        case '/.well-known/oauth-protected-resource':
          return json(response, 200, { resource: `${base}/mcp`, authorization_servers: [`${base}/tenant`] });
        case '/tenant/.well-known/openid-configuration':
          // Found, but its issuer is not the one the URL was built from.
          return json(response, 200, {
            issuer: `${base}/other`,
            authorization_endpoint: `${base}/authorize`,
            token_endpoint: `${base}/token`,
            code_challenge_methods_supported: ['S256'],
          });
        default:
          return json(response, 404, { error: 'not found' });
      }
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`);

    expect(server.requests.map((request) => request.path)).toEqual([
      '/mcp',
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-authorization-server/tenant',
      '/.well-known/openid-configuration/tenant',
      '/tenant/.well-known/openid-configuration',
    ]);
    expect(statusOf(session, 'challenge')).toBe('warning');
    // prm.root-only is a warning: the step that found the document only at the root says so.
    expect(statusOf(session, 'prm')).toBe('warning');
    expect(statusOf(session, 'as-discovery')).toBe('failed');
    expect(ruleIds(session)).toEqual(['challenge.missing-soft', 'prm.root-only', 'as.issuer-mismatch']);
    expect(session.findings[2]!.detail).toContain(`${server.base}/other`);
    // Every URL tried is an exchange the user can open.
    expect(session.exchanges.map((exchange) => exchange.response?.status)).toEqual([401, 404, 200, 404, 404, 200]);
  });

  it('follows resource_metadata from the challenge, and flags an HTML page where JSON belongs', async () => {
    const server = await startLoopbackServer((base) => (request, response) => {
      if (request.url === '/mcp') {
        return json(response, 401, {}, { 'WWW-Authenticate': `Bearer resource_metadata="${base}/prm-page", scope="files:read"` });
      }
      if (request.url === '/prm-page') {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        return response.end('<!doctype html><html><body>Please sign in</body></html>');
      }
      return json(response, 404, {});
    });
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`);

    expect(server.requests.map((request) => request.path)).toEqual([
      '/mcp',
      '/prm-page',
      '/.well-known/oauth-protected-resource/mcp',
      '/.well-known/oauth-protected-resource',
    ]);
    expect(session.learned.challengeScope).toBe('files:read');
    expect(ruleIds(session)).toEqual(['http.not-json', 'prm.unreachable']);
    expect(session.findings[0]!.detail).toContain('<!doctype html>');
    expect(statusOf(session, 'prm')).toBe('failed');
    expect(session.status).toBe('failed');
  });

  it('2025-06-18 requires the challenge: a bare 401 fails the flow with an error', async () => {
    const server = await startLoopbackServer(() => (_request, response) => json(response, 401, {}));
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`, { specVersion: '2025-06-18' });
    expect(ruleIds(session)).toEqual(['challenge.missing']);
    expect(session.findings[0]!.severity).toBe('error');
    expect(statusOf(session, 'prm')).toBe('pending');
    // 2025-06-18 starts with initialize, not server/discover.
    expect(session.exchanges[0]!.request.body).toContain('"method":"initialize"');
  });
});
