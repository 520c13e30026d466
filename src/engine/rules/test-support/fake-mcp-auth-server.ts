import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, startLoopbackServer } from '../../test-support/loopback-server.ts';

/**
 * A small MCP server and authorization server on one loopback port, healthy by default in every
 * spec version: a 401 with a challenge, protected resource metadata, RFC 8414 metadata, dynamic
 * registration, an authorization endpoint that approves at once (302 back with code, state, iss),
 * PKCE-checked tokens (HS256 JWTs with `aud` = the MCP URL), rotating refresh tokens, and an MCP
 * endpoint that validates them, with a tool that needs an extra scope. CORS headers on every response.
 *
 * A test breaks exactly one thing: a transform of a healthy document, or a route that replaces the
 * handler of a path (and may fall back to the healthy one).
 */

export const MCP_PATH = '/mcp';
export const PRM_PATH = '/.well-known/oauth-protected-resource/mcp';
export const AS_METADATA_PATH = '/.well-known/oauth-authorization-server';

/** The scope the challenge asks for, and the extra one the `admin-report` tool needs. */
export const BASE_SCOPE = 'mcp';
export const ADMIN_SCOPES = 'mcp admin';

type Json = Record<string, unknown>;

export interface FakeRequest {
  request: IncomingMessage;
  response: ServerResponse;
  body: string;
  base: string;
  url: URL;
  /** The body as a form (token and registration requests). */
  form: URLSearchParams;
  /** The JSON-RPC request on POST /mcp. */
  rpc?: { method: string; id?: unknown; params?: Json };
  /** The Bearer token sent, if any. */
  bearer?: string;
  /** Its claims, when it is a valid access token from this server (signature, audience, expiry). */
  claims?: Json;
}

/** Replaces the handler of one path; `healthy()` runs the default one. */
export type Route = (request: FakeRequest, healthy: () => void) => void;

export interface FakeServerOptions {
  routes?: Record<string, Route>;
  /** The WWW-Authenticate of the unauthenticated 401; undefined sends none. */
  challenge?: (healthy: string) => string | undefined;
  prm?: (healthy: Json) => unknown;
  asMetadata?: (healthy: Json) => unknown;
  registration?: (healthy: Json) => unknown;
  /** The query the authorization endpoint redirects back with. */
  authorizationResponse?: (healthy: { code: string; state: string; iss: string }) => Record<string, string>;
  /** Redirects back to this origin instead of the redirect_uri's own (localhost vs 127.0.0.1). */
  callbackOrigin?: string;
  /** The scope the authorization server grants for a requested one. */
  grantScope?: (requested: string) => string;
  tokenResponse?: (healthy: Json, form: URLSearchParams) => unknown;
  accessTokenClaims?: (healthy: Json) => Json;
  /** The MCP endpoint serves any Bearer token without checking it. */
  acceptAnyToken?: boolean;
  /** The CORS headers of a response on `path`. */
  cors?: (path: string, healthy: Record<string, string>) => Record<string, string>;
  /** Replaces the answer to an OPTIONS preflight on `path` (the `cors` headers are already set); `healthy()` sends the usual 204. */
  preflight?: (path: string, response: ServerResponse, healthy: () => void) => void;
}

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;

const TOOLS = [
  { name: 'echo', scope: BASE_SCOPE, description: 'Echoes its input.' },
  { name: 'admin-report', scope: ADMIN_SCOPES, description: 'Needs the admin scope.' },
];

export async function startFakeServer(options: FakeServerOptions = {}) {
  const secret = randomBytes(32);
  const codes = new Map<string, { clientId: string; redirectUri: string; challenge: string; scope: string; resource?: string }>();
  const refreshTokens = new Map<string, { clientId: string; scope: string; resource?: string }>();
  let registered = 0;

  const server = await startLoopbackServer((base) => {
    const mcpUrl = `${base}${MCP_PATH}`;
    const healthyChallenge = `Bearer resource_metadata="${base}${PRM_PATH}", scope="${BASE_SCOPE}"`;

    const prm = (): Json => ({
      resource: mcpUrl,
      authorization_servers: [base],
      scopes_supported: ['mcp', 'admin'],
      bearer_methods_supported: ['header'],
    });
    const asMetadata = (): Json => ({
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      registration_endpoint: `${base}/register`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['mcp', 'admin'],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
    });

    const signToken = (claims: Json): string => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'HS256', typ: 'at+jwt' })}.${encode(claims)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    };
    const verifyToken = (token: string): Json | undefined => {
      const [header, payload, signature] = token.split('.');
      if (!header || !payload || !signature) return undefined;
      const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      if (signature !== expected) return undefined;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Json;
      const fresh = typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
      return fresh && claims.aud === mcpUrl ? claims : undefined;
    };
    const issueTokens = (clientId: string, scope: string, resource: string | undefined, form: URLSearchParams): unknown => {
      const now = Math.floor(Date.now() / 1000);
      const healthyClaims = { iss: base, sub: 'user-1', aud: resource ?? mcpUrl, client_id: clientId, scope, iat: now, exp: now + 3600 };
      const refreshToken = randomBytes(16).toString('base64url');
      refreshTokens.set(refreshToken, { clientId, scope, ...(resource ? { resource } : {}) });
      const healthy = {
        access_token: signToken(options.accessTokenClaims?.(healthyClaims) ?? healthyClaims),
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: refreshToken,
        scope,
      };
      return options.tokenResponse ? options.tokenResponse(healthy, form) : healthy;
    };

    const rpcResult = (response: ServerResponse, id: unknown, result: Json, headers: Record<string, string> = {}) =>
      json(response, 200, { jsonrpc: '2.0', id, result }, headers);

    const healthyRoutes: Record<string, (request: FakeRequest) => void> = {
      [MCP_PATH]: ({ response, rpc, bearer, claims }) => {
        if (!bearer) {
          const challenge = options.challenge ? options.challenge(healthyChallenge) : healthyChallenge;
          return json(response, 401, { error: 'unauthorized' }, challenge === undefined ? {} : { 'WWW-Authenticate': challenge });
        }
        const granted = claims ?? (options.acceptAnyToken ? { scope: ADMIN_SCOPES } : undefined);
        if (!granted) {
          const challenge = `Bearer error="invalid_token", resource_metadata="${base}${PRM_PATH}"`;
          return json(response, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': challenge });
        }
        if (!rpc) return json(response, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
        const serverInfo = { name: 'fake-mcp', version: '1.0.0' };
        switch (rpc.method) {
          case 'initialize':
            return rpcResult(
              response,
              rpc.id,
              { protocolVersion: rpc.params?.protocolVersion, capabilities: { tools: {} }, serverInfo },
              { 'Mcp-Session-Id': 'session-1' },
            );
          case 'server/discover':
            return rpcResult(response, rpc.id, {
              supportedVersions: ['2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'],
              capabilities: { tools: {} },
              _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo },
            });
          case 'tools/list':
            return rpcResult(response, rpc.id, {
              tools: TOOLS.map(({ name, description }) => ({ name, description, inputSchema: { type: 'object' } })),
            });
          case 'tools/call': {
            const tool = TOOLS.find((candidate) => candidate.name === rpc.params?.name);
            if (!tool) return json(response, 200, { jsonrpc: '2.0', id: rpc.id, error: { code: -32602, message: 'Unknown tool' } });
            const have = new Set(String(granted.scope ?? '').split(' '));
            if (!tool.scope.split(' ').every((scope) => have.has(scope))) {
              const challenge = `Bearer error="insufficient_scope", scope="${tool.scope}", resource_metadata="${base}${PRM_PATH}"`;
              return json(response, 403, { error: 'insufficient_scope' }, { 'WWW-Authenticate': challenge });
            }
            return rpcResult(response, rpc.id, { content: [{ type: 'text', text: `${tool.name} ok` }] });
          }
          default:
            if (rpc.method.startsWith('notifications/')) {
              response.writeHead(202);
              return response.end();
            }
            return json(response, 200, { jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: `Method not found: ${rpc.method}` } });
        }
      },
      [PRM_PATH]: ({ response }) => json(response, 200, options.prm ? options.prm(prm()) : prm()),
      [AS_METADATA_PATH]: ({ response }) => json(response, 200, options.asMetadata ? options.asMetadata(asMetadata()) : asMetadata()),
      '/register': ({ response, body }) => {
        const sent = JSON.parse(body || '{}') as Json;
        if (!Array.isArray(sent.redirect_uris) || !sent.redirect_uris.length) {
          return json(response, 400, { error: 'invalid_redirect_uri', error_description: 'redirect_uris is required' });
        }
        registered += 1;
        const healthy = {
          ...sent,
          client_id: `client-${registered}`,
          client_id_issued_at: Math.floor(Date.now() / 1000),
          token_endpoint_auth_method: 'none',
        };
        return json(response, 201, options.registration ? options.registration(healthy) : healthy);
      },
      '/authorize': ({ response, url }) => {
        const query = url.searchParams;
        const redirectUri = query.get('redirect_uri');
        if (!redirectUri) return json(response, 400, { error: 'invalid_request', error_description: 'redirect_uri is required' });
        const code = randomBytes(16).toString('base64url');
        const requested = query.get('scope') ?? BASE_SCOPE;
        const resource = query.get('resource');
        codes.set(code, {
          clientId: query.get('client_id') ?? '',
          redirectUri,
          challenge: query.get('code_challenge') ?? '',
          scope: options.grantScope ? options.grantScope(requested) : requested,
          ...(resource ? { resource } : {}),
        });
        const healthy = { code, state: query.get('state') ?? '', iss: base };
        const back = new URL(redirectUri);
        if (options.callbackOrigin) {
          const elsewhere = new URL(options.callbackOrigin);
          back.protocol = elsewhere.protocol;
          back.host = elsewhere.host;
        }
        for (const [key, value] of Object.entries(options.authorizationResponse?.(healthy) ?? healthy)) back.searchParams.set(key, value);
        response.writeHead(302, { Location: back.href });
        return response.end();
      },
      '/token': ({ response, form }) => {
        const noStore = { 'Cache-Control': 'no-store' };
        const refuse = (description: string) => json(response, 400, { error: 'invalid_grant', error_description: description }, noStore);
        const resource = form.get('resource') ?? undefined;
        if (form.get('grant_type') === 'authorization_code') {
          const grant = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          if (!grant) return refuse('unknown or used code');
          const verifier = form.get('code_verifier') ?? '';
          if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return refuse('PKCE verification failed');
          if (form.get('redirect_uri') !== grant.redirectUri || form.get('client_id') !== grant.clientId) {
            return refuse('redirect_uri or client_id does not match the authorization request');
          }
          return json(response, 200, issueTokens(grant.clientId, grant.scope, resource ?? grant.resource, form), noStore);
        }
        if (form.get('grant_type') === 'refresh_token') {
          const grant = refreshTokens.get(form.get('refresh_token') ?? '');
          refreshTokens.delete(form.get('refresh_token') ?? '');
          if (!grant) return refuse('unknown or used refresh token');
          return json(response, 200, issueTokens(grant.clientId, grant.scope, resource ?? grant.resource, form), noStore);
        }
        return json(response, 400, { error: 'unsupported_grant_type' }, noStore);
      },
    };

    return (request, response, body) => {
      const url = new URL(request.url ?? '/', base);
      const healthyCors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'WWW-Authenticate, Mcp-Session-Id' };
      for (const [name, value] of Object.entries(options.cors ? options.cors(url.pathname, healthyCors) : healthyCors)) {
        response.setHeader(name, value);
      }
      if (request.method === 'OPTIONS') {
        const healthyPreflight = () => {
          response.writeHead(204, {
            'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
            'Access-Control-Allow-Headers': 'authorization, content-type, mcp-protocol-version, mcp-session-id, last-event-id, mcp-method, mcp-name',
            'Access-Control-Max-Age': '600',
          });
          response.end();
        };
        return options.preflight ? options.preflight(url.pathname, response, healthyPreflight) : healthyPreflight();
      }
      const fake = describeRequest(request, response, body, base, url, verifyToken);
      const healthy = () => {
        const route = healthyRoutes[url.pathname];
        if (route) return route(fake);
        return json(response, 404, { error: 'not_found' });
      };
      const override = options.routes?.[url.pathname];
      return override ? override(fake, healthy) : healthy();
    };
  });
  return { ...server, mcpUrl: `${server.base}${MCP_PATH}` };
}

function describeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  base: string,
  url: URL,
  verifyToken: (token: string) => Json | undefined,
): FakeRequest {
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const claims = bearer ? verifyToken(bearer) : undefined;
  return {
    request,
    response,
    body,
    base,
    url,
    form: new URLSearchParams(body),
    ...(jsonRpc(body) ?? {}),
    ...(bearer ? { bearer } : {}),
    ...(claims ? { claims } : {}),
  };
}

function jsonRpc(body: string): { rpc: NonNullable<FakeRequest['rpc']> } | undefined {
  try {
    const value = JSON.parse(body) as Json;
    return typeof value.method === 'string' ? { rpc: { method: value.method, id: value.id, params: value.params as Json } } : undefined;
  } catch {
    return undefined;
  }
}

export function html(response: ServerResponse, status: number, page: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(page);
}
