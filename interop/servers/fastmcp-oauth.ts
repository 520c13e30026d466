import { FastMCP } from 'fastmcp';
import { OAuthProvider } from 'fastmcp/auth';
import { OAuth2Server } from 'oauth2-mock-server';
import { z } from 'zod';
import { freePort } from '../../src/demo/test-support/free-port.ts';
import type { RunningServer } from './running-server.ts';

export interface FastmcpOptions {
  /** Redirect URIs the OAuth proxy accepts at registration (globs); it refuses every other one. */
  redirectUriPatterns: string[];
  /**
   * What the protected resource metadata names as `resource`: fastmcp's default is the base URL
   * (`http://host:port`, a path prefix of the MCP endpoint); `endpoint` sets it to the MCP URL itself.
   */
  resource: 'default' | 'endpoint';
}

/**
 * fastmcp's OAuth proxy (npm `fastmcp`) in front of oauth2-mock-server as the upstream identity
 * provider: the MCP server is its own authorization server for the client (DCR, PKCE, a consent page,
 * its own JWTs), with the CORS headers fastmcp sends by default, and sends the person on to the upstream provider, which approves at once.
 */
export async function startFastmcpOauth(options: FastmcpOptions): Promise<RunningServer> {
  const upstream = new OAuth2Server();
  await upstream.issuer.keys.generate('RS256');
  await upstream.start(await freePort(), 'localhost');
  const upstreamUrl = upstream.issuer.url ?? '';

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const auth = new OAuthProvider({
    baseUrl,
    clientId: 'interop-fastmcp',
    clientSecret: 'interop-fastmcp-secret',
    authorizationEndpoint: `${upstreamUrl}/authorize`,
    tokenEndpoint: `${upstreamUrl}/token`,
    allowedRedirectUriPatterns: options.redirectUriPatterns,
    scopes: ['openid'],
  });
  const url = `${baseUrl}/mcp`;
  const shipped = auth.getOAuthConfig();
  const oauth = options.resource === 'endpoint' ? { ...shipped, protectedResource: { ...shipped.protectedResource, resource: url } } : shipped;
  const server = new FastMCP({ name: 'interop-fastmcp', version: '1.0.0', auth, oauth });
  server.addTool({
    name: 'echo',
    description: 'Says the text back.',
    parameters: z.object({ text: z.string() }),
    execute: async ({ text }) => `echo: ${text}`,
  });
  await server.start({ transportType: 'httpStream', httpStream: { port, host: 'localhost', endpoint: '/mcp' } });

  return {
    url,
    async close() {
      await server.stop();
      await upstream.stop();
    },
  };
}
