import { startAuthServer } from './auth-server/start-auth-server.ts';
import type { DemoConfig } from './demo-config-plugin.ts';
import { freePort } from './free-port.ts';
import { MCP_PATH, startMcpServer } from './mcp-server/start-mcp-server.ts';
import { explainPortInUse, type PortSetting } from './port-in-use.ts';
import { startRelay } from '../relay/start-relay.ts';
import { startStaticServer } from '../serve/start-static-server.ts';
import { authServerScenarioOptions, demoScenarios, mcpServerScenarioOptions } from './scenarios/demo-scenarios.ts';

type ServerRole = 'app' | 'auth' | 'mcp' | 'relay';

/** How a busy port tells the user to choose another: `npm start` reads variables, the packaged command flags. */
const PORT_SETTINGS: Record<'env' | 'flags', Record<ServerRole, PortSetting>> = {
  env: { app: { envVar: 'APP_PORT' }, auth: { envVar: 'AUTH_PORT' }, mcp: { envVar: 'MCP_PORT' }, relay: { envVar: 'RELAY_PORT' } },
  flags: { app: { flag: '--port' }, auth: { flag: '--auth-port' }, mcp: { flag: '--mcp-port' }, relay: { flag: '--relay-port' } },
};

const SERVER_NAMES: Record<ServerRole, string> = { app: 'app', auth: 'demo authorization server', mcp: 'demo MCP server', relay: 'CORS relay' };

export interface StartDemoOptions {
  /** 0 for a free port, in 'static' mode and without an app only. */
  appPort: number;
  /** 0 for a free port. */
  authPort: number;
  /** 0 for a free port. */
  mcpPort: number;
  /** The CORS relay's port; omitted, any free port (tests, the benchmark). */
  relayPort?: number;
  /**
   * 'static': the built app in `appDir` through the packaged static server (src/serve), with no Vite at all;
   * a function: the app through Vite (`npm start` and the benchmark pass startAppServer from app-server.ts,
   * which the packaged command never loads: Vite is a development dependency); false: servers only.
   */
  startApp: false | 'static' | ((app: { port: number; demoConfig: DemoConfig }) => Promise<{ close(): Promise<void> }>);
  /** The built app folder, for 'static'. */
  appDir?: string;
  /** Which setting a busy port names: APP_PORT… (npm start, the default) or --port… (the packaged command). */
  portSettings?: 'env' | 'flags';
}

export interface RunningDemo extends DemoConfig {
  close(): Promise<void>;
}

/**
 * Everything `npm start` runs, on localhost: the authorization server and the MCP server, both
 * with the fault scenarios, the CORS relay, and (optionally) the app. If one cannot start, the
 * ones already up are closed again. Throws PortInUseError when a port is taken.
 */
export async function startDemo({ appPort, authPort, mcpPort, relayPort = 0, startApp, appDir, portSettings = 'env' }: StartDemoOptions): Promise<RunningDemo> {
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const server of started.reverse()) await server.close().catch(() => undefined);
    started.length = 0;
  };
  const hint = (role: ServerRole, port: number) => ({ port, serverName: SERVER_NAMES[role], setting: PORT_SETTINGS[portSettings][role] });

  try {
    // The static server listens first, so that on a free port the others still know the app's origin.
    let staticApp: Awaited<ReturnType<typeof startStaticServer>> | undefined;
    if (startApp === 'static') {
      if (!appDir) throw new Error('Serving the built app needs its folder (appDir).');
      staticApp = await explainPortInUse(startStaticServer({ root: appDir, port: appPort }), hint('app', appPort));
      started.push(staticApp);
    }
    const appOrigin = staticApp?.origin ?? `http://localhost:${appPort}`;
    // Each needs the other's URL before either listens, so a free port is chosen up front.
    authPort ||= await freePort();
    mcpPort ||= await freePort();
    const mcpOrigin = `http://localhost:${mcpPort}`;
    const mcpServerUrl = `${mcpOrigin}${MCP_PATH}`;

    const auth = await explainPortInUse(
      startAuthServer({
        port: authPort,
        mcpResourceUrl: mcpServerUrl,
        appOrigin,
        ...authServerScenarioOptions({ mcpOrigin, appOrigin }),
      }),
      hint('auth', authPort),
    );
    started.push(auth);
    const mcp = await explainPortInUse(
      startMcpServer({
        port: mcpPort,
        issuer: auth.issuer,
        appOrigin,
        ...mcpServerScenarioOptions({ authIssuer: auth.issuer, appOrigin }),
      }),
      hint('mcp', mcpPort),
    );
    started.push(mcp);
    const relay = await explainPortInUse(startRelay({ port: relayPort, allowedOrigins: [appOrigin] }), hint('relay', relayPort));
    started.push(relay);

    const config: DemoConfig = {
      mcpServerUrl: mcp.url,
      authorizationServerUrl: auth.issuer,
      appUrl: `${appOrigin}/`,
      scenarios: demoScenarios(mcpOrigin),
      relay: { url: relay.url, secret: relay.secret },
    };
    if (staticApp) {
      staticApp.serveDemoConfig(config);
    } else if (typeof startApp === 'function') {
      started.push(await explainPortInUse(startApp({ port: appPort, demoConfig: config }), hint('app', appPort)));
    }
    return { ...config, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
