import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, startLoopbackServer } from '../../test-support/loopback-server.ts';

/**
 * The part every provider imitation shares: an MCP server on loopback that answers 401 with a
 * resource_metadata challenge (RFC 9728 §5.1), serves its protected resource metadata, and takes any
 * Bearer token the provider's token endpoint issued. The provider's own routes (metadata, authorize,
 * token, registration, errors) come from the profile's imitation, on the same port.
 */

export type Json = Record<string, unknown>;

export interface ImitationRequest {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  body: string;
  form: URLSearchParams;
}

export interface ImitationSetup {
  /** The PRM the MCP server publishes (its resource defaults to the MCP URL). */
  prm: Json;
  /** Exact path → handler; anything else is a 404 like the provider's. */
  routes: Record<string, (request: ImitationRequest) => void>;
  /** Whether an access token the MCP server got is one the provider issued (not opaque, not encrypted for someone else). */
  acceptsToken?: (token: string) => boolean;
  /** CORS headers per path; every path gets `*` unless this says otherwise. */
  cors?: (path: string) => Record<string, string>;
}

export const MCP_PATH = '/mcp';
export const PRM_PATH = '/.well-known/oauth-protected-resource/mcp';

export async function startImitation(setup: (base: string) => ImitationSetup) {
  const server = await startLoopbackServer((base) => {
    const mcpUrl = base + MCP_PATH;
    const { prm, routes, acceptsToken, cors } = setup(base);
    const challenge = `Bearer resource_metadata="${base}${PRM_PATH}"`;
    const mcp = ({ request, response, body }: ImitationRequest) => {
      const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!bearer || !(acceptsToken?.(bearer) ?? true)) {
        const error = bearer ? `${challenge}, error="invalid_token"` : challenge;
        return json(response, 401, { error: bearer ? 'invalid_token' : 'unauthorized' }, { 'WWW-Authenticate': error });
      }
      const rpc = JSON.parse(body || '{}') as { id?: unknown; method?: string; params?: Json };
      if (rpc.method?.startsWith('notifications/')) return void response.writeHead(202).end();
      const result =
        rpc.method === 'initialize'
          ? { protocolVersion: rpc.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'imitation', version: '1.0.0' } }
          : rpc.method === 'tools/list'
            ? { tools: [{ name: 'echo', description: 'Echoes its input.', inputSchema: { type: 'object' } }] }
            : { content: [{ type: 'text', text: 'ok' }] };
      return json(response, 200, { jsonrpc: '2.0', id: rpc.id, result });
    };
    const all: Record<string, (request: ImitationRequest) => void> = {
      [MCP_PATH]: mcp,
      [PRM_PATH]: ({ response }) => json(response, 200, { resource: mcpUrl, ...prm }),
      ...routes,
    };
    return (request, response, body) => {
      const url = new URL(request.url ?? '/', base);
      const headers = cors?.(url.pathname) ?? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'WWW-Authenticate, Mcp-Session-Id' };
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (request.method === 'OPTIONS') {
        const allowed = 'Access-Control-Allow-Origin' in headers;
        response.writeHead(allowed ? 204 : 403, {
          ...(allowed ? { 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': '*, authorization' } : {}),
        });
        return response.end();
      }
      const route = all[url.pathname];
      if (!route) return json(response, 404, { error: 'not_found' });
      return route({ request, response, url, body, form: new URLSearchParams(body) });
    };
  });
  return { ...server, mcpUrl: server.base + MCP_PATH };
}

/** Back to the redirect_uri with these query parameters, as an authorization endpoint does (RFC 6749 §4.1.2). */
export function redirectBack(response: ServerResponse, redirectUri: string, query: Record<string, string>): void {
  const back = new URL(redirectUri);
  for (const [key, value] of Object.entries(query)) back.searchParams.set(key, value);
  response.writeHead(302, { Location: back.href });
  response.end();
}

/** An unsigned-looking but well-formed JWT for the imitations: the MCP side only checks where it came from. */
export function imitationJwt(header: Json, claims: Json): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${encode(claims)}.${Buffer.from('imitation-signature').toString('base64url')}`;
}

/**
 * The token endpoint's first checks, as every imitated provider makes them: the code is taken once (a second use is
 * unknown), and the verifier must hash to the challenge sent at authorization (RFC 7636 §4.6). Each imitation answers a
 * refusal in its own provider's words.
 */
export function redeemCode<Grant extends { challenge: string }>(codes: Map<string, Grant>, form: URLSearchParams): Grant | 'unknown-code' | 'wrong-verifier' {
  const code = form.get('code') ?? '';
  const grant = codes.get(code);
  codes.delete(code);
  if (!grant) return 'unknown-code';
  const verifier = form.get('code_verifier') ?? '';
  return createHash('sha256').update(verifier).digest('base64url') === grant.challenge ? grant : 'wrong-verifier';
}
