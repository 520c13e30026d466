import { startAuthServer, type RunningAuthServer } from '../auth-server/start-auth-server.ts';
import { startMcpServer, type RunningMcpServer } from '../mcp-server/start-mcp-server.ts';
import { freePort } from './free-port.ts';
import { TEST_APP_ORIGIN } from './headless-oauth-client.ts';

export interface DemoServers {
  auth: RunningAuthServer;
  mcp: RunningMcpServer;
  close(): Promise<void>;
}

/** The demo authorization server and MCP server on free loopback ports, wired to each other. */
export async function startDemoServers(): Promise<DemoServers> {
  const authPort = await freePort();
  const mcpPort = await freePort();
  const auth = await startAuthServer({
    port: authPort,
    mcpResourceUrl: `http://localhost:${mcpPort}/mcp`,
    appOrigin: TEST_APP_ORIGIN,
  });
  const mcp = await startMcpServer({ port: mcpPort, issuer: auth.issuer, appOrigin: TEST_APP_ORIGIN });
  return {
    auth,
    mcp,
    async close() {
      await mcp.close();
      await auth.close();
    },
  };
}
