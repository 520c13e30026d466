import type { Connect, Plugin } from 'vite';
import type { DemoScenario } from './scenarios/demo-scenarios.ts';

/** What the app reads from GET /__demo/config.json to open with the demo servers filled in. */
export interface DemoConfig {
  mcpServerUrl: string;
  authorizationServerUrl: string;
  appUrl: string;
  /** The fault scenarios (and the healthy server), for the app's scenario picker. */
  scenarios: DemoScenario[];
}

export const DEMO_CONFIG_PATH = '/__demo/config.json';

/** Serves the demo config from the Vite dev server and from `vite preview` alike. */
export function demoConfigPlugin(config: DemoConfig): Plugin {
  const body = JSON.stringify(config);
  const serveConfig: Connect.NextHandleFunction = (req, res, next) => {
    const path = req.url?.split('?')[0];
    if (path !== DEMO_CONFIG_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(body);
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
