import { startAppServer } from './app-server.ts';
import { startAuthServer } from './auth-server/start-auth-server.ts';
import type { DemoConfig } from './demo-config-plugin.ts';
import { MCP_PATH, startMcpServer } from './mcp-server/start-mcp-server.ts';
import { explainPortInUse } from './port-in-use.ts';
import { startRelay } from '../relay/start-relay.ts';
import { authServerScenarioOptions, demoScenarios, mcpServerScenarioOptions } from './scenarios/demo-scenarios.ts';

export interface StartDemoOptions {
  appPort: number;
  authPort: number;
  mcpPort: number;
  /** The CORS relay's port; omitted, any free port (tests, the benchmark). */
  relayPort?: number;
  /** true: Vite dev server; 'preview': serve the production build; false: servers only. */
  startApp: boolean | 'preview';
}

export interface RunningDemo extends DemoConfig {
  close(): Promise<void>;
}

/**
 * Everything `npm start` runs, on localhost: the authorization server and the MCP server, both
 * with the fault scenarios, the CORS relay, and (optionally) the app. If one cannot start, the
 * ones already up are closed again. Throws PortInUseError when a port is taken.
 */
export async function startDemo({ appPort, authPort, mcpPort, relayPort = 0, startApp }: StartDemoOptions): Promise<RunningDemo> {
  const appOrigin = `http://localhost:${appPort}`;
  const mcpOrigin = `http://localhost:${mcpPort}`;
  const mcpServerUrl = `${mcpOrigin}${MCP_PATH}`;
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const server of started.reverse()) await server.close().catch(() => undefined);
    started.length = 0;
  };

  try {
    const auth = await explainPortInUse(
      startAuthServer({
        port: authPort,
        mcpResourceUrl: mcpServerUrl,
        appOrigin,
        ...authServerScenarioOptions({ mcpOrigin, appOrigin }),
      }),
      { port: authPort, serverName: 'demo authorization server', envVar: 'AUTH_PORT' },
    );
    started.push(auth);
    const mcp = await explainPortInUse(
      startMcpServer({
        port: mcpPort,
        issuer: auth.issuer,
        appOrigin,
        ...mcpServerScenarioOptions({ authIssuer: auth.issuer, appOrigin }),
      }),
      { port: mcpPort, serverName: 'demo MCP server', envVar: 'MCP_PORT' },
    );
    started.push(mcp);
    const relay = await explainPortInUse(startRelay({ port: relayPort, allowedOrigins: [appOrigin] }), {
      port: relayPort,
      serverName: 'CORS relay',
      envVar: 'RELAY_PORT',
    });
    started.push(relay);

    const config: DemoConfig = {
      mcpServerUrl: mcp.url,
      authorizationServerUrl: auth.issuer,
      appUrl: `${appOrigin}/`,
      scenarios: demoScenarios(mcpOrigin),
      relay: { url: relay.url, secret: relay.secret },
    };
    if (startApp) {
      const app = await explainPortInUse(startAppServer({ port: appPort, mode: startApp === 'preview' ? 'preview' : 'dev', demoConfig: config }), {
        port: appPort,
        serverName: 'app',
        envVar: 'APP_PORT',
      });
      started.push(app);
    }
    return { ...config, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
