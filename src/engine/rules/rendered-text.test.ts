import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../test-support/loopback-server.ts';
import { MCP_PATH, startFakeServer, type FakeServer, type FakeServerOptions } from './test-support/fake-mcp-auth-server.ts';
import { codeLeaks, renderedTextLeaks } from './test-support/rendered-text.ts';
import { runFlow } from './test-support/run-flow.ts';
import { stepsMilderThanTheirFindings } from './test-support/step-severity.ts';

/**
 * Every rule's trigger (rule-triggers.test.ts) also checks that nothing the run says prints code.
 * These runs add what triggers do not reach: servers that leave out everything optional, where a
 * text built from a missing value would say "undefined".
 */

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('how the leak check reads a text', () => {
  it('flags code words, and keeps a null quoted from a JSON body', () => {
    expect(codeLeaks('aud is undefined')).toEqual(['undefined']);
    expect(codeLeaks('expires in NaN s; got [object Object]')).toEqual(['NaN', '[object Object]']);
    expect(codeLeaks('the issuer is null')).toEqual(['null']);
    expect(codeLeaks('"client_secret_expires_at": null, "aud":null, [null, `null`, "null", iss = JSON null')).toEqual([]);
  });
});

const SPARSE: Record<string, FakeServerOptions> = {
  'an access token with no claims at all': { accessTokenClaims: () => ({}) },
  'an access token with no aud': { accessTokenClaims: ({ aud: _, ...rest }) => rest },
  'an access token whose claims are null, a list and an object': {
    accessTokenClaims: (healthy) => ({ ...healthy, iss: null, scope: ['mcp'], exp: { at: 'soon' } }),
  },
  'a token response with only access_token and token_type': { tokenResponse: ({ access_token, token_type }) => ({ access_token, token_type }) },
  'a token error with only an error code': { tokenResponse: () => ({ error: 'invalid_grant' }) },
  'protected resource metadata with only resource': { prm: ({ resource }) => ({ resource }) },
  'authorization server metadata with nothing but its issuer': { asMetadata: ({ issuer }) => ({ issuer }) },
  'a registration answer with only a client_id': { registration: ({ client_id }) => ({ client_id }) },
  'protected resource metadata that is JSON null': { prm: () => null },
  'protected resource metadata whose authorization_servers is null': { prm: (healthy) => ({ ...healthy, authorization_servers: null }) },
  'authorization server metadata whose endpoints and PKCE methods are null': {
    asMetadata: (healthy) => ({ ...healthy, token_endpoint: null, code_challenge_methods_supported: null }),
  },
  'a token response whose expires_in and scope are null': { tokenResponse: (healthy) => ({ ...healthy, expires_in: null, scope: null }) },
  'an MCP server that answers tools/list with an empty object': {
    routes: { [MCP_PATH]: ({ response, rpc, bearer }, healthy) => (bearer && rpc?.method === 'tools/list' ? json(response, 200, {}) : healthy()) },
  },
};

describe('a server that leaves out what is optional gets sentences, not code', () => {
  it('2025-11-25: an initialize result with no protocolVersion', async () => {
    fake = await startFakeServer({
      routes: {
        [MCP_PATH]: ({ response, rpc, bearer }, healthy) =>
          bearer && rpc?.method === 'initialize' ? json(response, 200, { jsonrpc: '2.0', id: rpc.id, result: {} }) : healthy(),
      },
    });
    const session = await runFlow(fake, { spec: '2025-11-25' });
    expect(renderedTextLeaks(session), 'texts that print code').toEqual([]);
  });

  it.each(Object.entries(SPARSE))('%s', async (_, server) => {
    fake = await startFakeServer(server);
    const session = await runFlow(fake, { then: async (engine) => (await engine.callTool('echo', {}), await engine.refresh(), await engine.audit()) });
    expect(renderedTextLeaks(session), 'texts that print code').toEqual([]);
    expect(stepsMilderThanTheirFindings(session), 'steps milder than their findings').toEqual([]);
  });
});
