import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getAuthTables } from '@better-auth/core/db';
import { memoryAdapter, type MemoryDB } from 'better-auth/adapters/memory';
import { createMcpProtectedRequestHandler, mcp } from '@better-auth/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { toNodeHandler } from 'better-auth/node';
import { jwt } from 'better-auth/plugins';
import { z } from 'zod';
import { freePort } from '../../src/demo/test-support/free-port.ts';
import { betterAuthPage } from './better-auth-pages.ts';
import type { RunningServer } from './running-server.ts';

/** The one account on the server; the scripted person signs in with it. */
export const BETTER_AUTH_ACCOUNT = { email: 'ada@example.com', password: 'interop-password-1' };

/** What the token check's inner handler answers when the token is good: a status no real answer uses. */
const TOKEN_ACCEPTED = 299;

export interface BetterAuthServerOptions {
  /** CORS for a browser client at `origin`, on the authorization server's routes and on /mcp. */
  corsOrigin?: string;
}

/**
 * better-auth (npm `better-auth`) with `@better-auth/mcp` as the authorization server, and an MCP
 * server built on the official SDK (StreamableHTTPServerTransport, one tool) as the resource, on one
 * loopback origin, as better-auth's MCP docs set it up: the memory adapter, email and password, the JWT
 * plugin (signs the access tokens, serves /jwks), DCR open. better-auth serves the authorization server
 * metadata and the resource metadata (which names it as the AS); /mcp checks tokens with better-auth's
 * `createMcpProtectedRequestHandler` (JWKS, issuer, audience = the MCP URL). Our /login and /consent
 * pages are the ones the plugin redirects the person to.
 */
export async function startBetterAuth(options: BetterAuthServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const url = `${origin}/mcp`;
  const db: MemoryDB = {};
  const config = {
    baseURL: origin,
    basePath: '/api/auth',
    secret: 'interop-better-auth-secret-of-at-least-32-chars',
    database: memoryAdapter(db),
    emailAndPassword: { enabled: true },
    trustedOrigins: options.corsOrigin ? [options.corsOrigin] : [],
    plugins: [
      jwt(),
      mcp({
        resource: url,
        loginPage: '/login',
        consentPage: '/consent',
        allowDynamicClientRegistration: true,
        allowUnauthenticatedClientRegistration: true,
      }),
    ],
  } satisfies BetterAuthOptions;
  // The memory adapter keeps one array per table, and finds none it was not given.
  for (const table of Object.values(getAuthTables(config))) db[table.modelName] = [];
  const auth = betterAuth(config);
  await auth.api.signUpEmail({ body: { ...BETTER_AUTH_ACCOUNT, name: 'Ada' } });
  const context = await auth.$context;
  const issuer = context.baseURL;

  const authHandler = toNodeHandler(auth);
  // better-auth's check takes a web Request and answers a Response; the SDK transport needs Node's
  // request and response. So the check's inner handler only marks the token as good, and the transport answers.
  const protect = createMcpProtectedRequestHandler(
    { issuer, audience: url, jwksUrl: `${issuer}/jwks` },
    async () => new Response(null, { status: TOKEN_ACCEPTED }),
  );

  const server = createServer((request, response) => {
    if (options.corsOrigin && addCors(request, response, options.corsOrigin)) return;
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/login' || path === '/consent') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(betterAuthPage(path === '/login' ? 'login' : 'consent'));
      return;
    }
    if (path === '/mcp') {
      void serveMcp(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    void authHandler(request, response);
  });

  async function serveMcp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    const verdict = await protect(new Request(new URL(request.url ?? '/', origin), { method: request.method, headers }));
    if (verdict.status !== TOKEN_ACCEPTED) {
      response.writeHead(verdict.status, Object.fromEntries(verdict.headers));
      response.end(await verdict.text());
      return;
    }
    // Stateless: a new MCP server and transport per request, as the SDK's stateless example does.
    const mcpServer = new McpServer({ name: 'interop-better-auth', version: '1.0.0' });
    mcpServer.registerTool('echo', { description: 'Says the text back.', inputSchema: { text: z.string() } }, ({ text }) => ({
      content: [{ type: 'text', text: `echo: ${text}` }],
    }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => void transport.close());
    await mcpServer.connect(transport);
    await transport.handleRequest(request, response);
  }

  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** CORS for a browser client (Fetch §3.2): answers a preflight (returns true), else adds the headers and returns false. */
function addCors(request: IncomingMessage, response: ServerResponse, allowed: string): boolean {
  response.setHeader('Access-Control-Allow-Origin', allowed);
  response.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate, Mcp-Session-Id');
  response.setHeader('Vary', 'Origin');
  if (request.method !== 'OPTIONS' || !request.headers['access-control-request-method']) return false;
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
  const asked = request.headers['access-control-request-headers'];
  if (asked) response.setHeader('Access-Control-Allow-Headers', asked);
  response.statusCode = 204;
  response.end();
  return true;
}
