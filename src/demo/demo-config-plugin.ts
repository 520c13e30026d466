import type { Connect, Plugin } from 'vite';
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

export const DEMO_CONFIG_PATH = '/__demo/config.json';

/**
 * Serves the demo config from the Vite dev server and from `vite preview` alike. Vite lets other
 * localhost pages read cross-origin by default; the relay secret is for the app alone, so a
 * request from another origin is refused (the app's own same-origin GET carries no Origin).
 */
export function demoConfigPlugin(config: DemoConfig): Plugin {
  const body = JSON.stringify(config);
  const appOrigin = new URL(config.appUrl).origin;
  const serveConfig: Connect.NextHandleFunction = (req, res, next) => {
    const path = req.url?.split('?')[0];
    if (path !== DEMO_CONFIG_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== appOrigin) {
      res.removeHeader('Access-Control-Allow-Origin');
      res.statusCode = 403;
      res.end();
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
