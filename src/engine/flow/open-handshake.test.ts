import { afterEach, describe, expect, it } from 'vitest';
import { json, startLoopbackServer } from '../test-support/loopback-server.ts';
import { ruleIds, runUntilStop } from '../test-support/run-until-stop.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/**
 * A server that answers initialize without a token and asks for one from the next request on, as
 * the official conformance suite's step-up servers do (auth/scope-step-up, auth/scope-retry-limit).
 * Authorization guards requests, not the handshake alone, so a client goes on to find the 401.
 */
function openHandshakeServer(toolsList: 'protected' | 'open') {
  return startLoopbackServer((base) => (request, response, body) => {
    if (request.url === '/mcp') {
      const method = (JSON.parse(body || '{}') as { method?: string }).method;
      if (method === 'initialize') {
        return json(
          response,
          200,
          { jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 'open', version: '1' } } },
          { 'Mcp-Session-Id': 'session-1' },
        );
      }
      if (method === 'notifications/initialized') return response.writeHead(202).end();
      if (toolsList === 'open') return json(response, 200, { jsonrpc: '2.0', id: 2, result: { tools: [] } });
      return json(response, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': `Bearer scope="mcp:basic", resource_metadata="${base}/prm"` });
    }
    if (request.url === '/prm') return json(response, 200, { resource: `${base}/mcp`, authorization_servers: [`${base}/missing-as`] });
    return json(response, 404, {});
  });
}

describe('a server whose handshake needs no token', () => {
  it('finds the 401 behind initialize and reads its challenge, instead of calling the server unprotected', async () => {
    const server = await openHandshakeServer('protected');
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`, { specVersion: '2025-11-25' });
    expect(session.steps.find((step) => step.kind === 'mcp-unauthenticated')).toMatchObject({
      status: 'ok',
      summary: 'initialize needs no token; tools/list answered 401 Unauthorized: the server asks for authorization.',
    });
    expect(session.steps.find((step) => step.kind === 'challenge')).toMatchObject({ status: 'ok', summary: `resource_metadata → ${server.base}/prm` });
    expect(session.learned.challengeScope).toBe('mcp:basic');
    expect(ruleIds(session)).not.toContain('mcp.no-401');
    expect(server.requests.map((request) => request.path).slice(0, 4)).toEqual(['/mcp', '/mcp', '/mcp', '/prm']);
  });

  it('still says the server needs no authorization when tools/list is open too', async () => {
    const server = await openHandshakeServer('open');
    close = server.close;
    const session = await runUntilStop(`${server.base}/mcp`, { specVersion: '2025-11-25' });
    expect(session.steps.find((step) => step.kind === 'mcp-unauthenticated')).toMatchObject({ status: 'failed' });
    expect(session.findings).toMatchObject([
      { ruleId: 'mcp.no-401', detail: 'The server answered initialize and tools/list without any token, so there is nothing to authorize.' },
    ]);
  });
});
