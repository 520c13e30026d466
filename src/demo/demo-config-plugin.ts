import type { Connect, Plugin } from 'vite';
import { answerDemoConfig } from '../serve/demo-config-endpoint.ts';
import type { DemoScenario } from './scenarios/demo-scenarios.ts';

/** What the app reads from GET /__demo/config.json to open with the demo servers filled in. */
export interface DemoConfig {
  mcpServerUrl: string;
  authorizationServerUrl: string;
  appUrl: string;
  /** The fault scenarios (and the healthy server), for the app's scenario picker. */
  scenarios: DemoScenario[];
  /** The CORS relay; its secret is new at each start, and this endpoint is how the app gets it. */
  relay: { url: string; secret: string };
}

/**
 * Serves the demo config from the Vite dev server and from `vite preview` alike, through the same
 * endpoint as the packaged static server (src/serve/demo-config-endpoint.ts): Vite lets other
 * localhost pages read cross-origin by default, and that endpoint refuses them the relay secret.
 */
export function demoConfigPlugin(config: DemoConfig): Plugin {
  const answer = { json: JSON.stringify(config), appOrigin: new URL(config.appUrl).origin };
  const serveConfig: Connect.NextHandleFunction = (req, res, next) => {
    if (!answerDemoConfig(req, res, answer)) next();
  };

  return {
    name: 'mcp-auth-flow:demo-config',
    configureServer(server) {
      server.middlewares.use(serveConfig);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveConfig);
    },
  };
}
