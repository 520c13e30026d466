import { startAuthServer, type RunningAuthServer } from '../auth-server/start-auth-server.ts';
import { startMcpServer, type RunningMcpServer } from '../mcp-server/start-mcp-server.ts';
import { authServerScenarioOptions, mcpServerScenarioOptions } from '../scenarios/demo-scenarios.ts';
import { freePort } from './free-port.ts';
import { TEST_APP_ORIGIN } from './headless-oauth-client.ts';

export interface DemoServers {
  auth: RunningAuthServer;
  mcp: RunningMcpServer;
  /** http://localhost:<mcp port>, where the scenarios' /s/<id>/mcp endpoints are. */
  mcpOrigin: string;
  close(): Promise<void>;
}

/**
 * The demo authorization server and MCP server on free loopback ports, wired to each other;
 * with `scenarios`, also every fault scenario, as `npm start` serves them.
 */
export async function startDemoServers({ scenarios = false }: { scenarios?: boolean } = {}): Promise<DemoServers> {
  const authPort = await freePort();
  const mcpPort = await freePort();
  const mcpOrigin = `http://localhost:${mcpPort}`;
  const appOrigin = TEST_APP_ORIGIN;
  const auth = await startAuthServer({
    port: authPort,
    mcpResourceUrl: `${mcpOrigin}/mcp`,
    appOrigin,
    ...(scenarios ? authServerScenarioOptions({ mcpOrigin, appOrigin }) : {}),
  });
  const mcp = await startMcpServer({
    port: mcpPort,
    issuer: auth.issuer,
    appOrigin,
    ...(scenarios ? mcpServerScenarioOptions({ authIssuer: auth.issuer, appOrigin }) : {}),
  }).catch(async (error: unknown) => {
    await auth.close();
    throw error;
  });
  return {
    auth,
    mcp,
    mcpOrigin,
    async close() {
      await mcp.close();
      await auth.close();
    },
  };
}
