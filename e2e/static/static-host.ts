/**
 * The static-host test's layout (playwright.static.config.ts): the build, made with
 * BASE_PATH=/mcp-auth-flow/, served under that sub-path by a plain static file server (no SPA
 * fallback), and the demo servers on their own, away from the e2e and `npm start` ports.
 */
export const STATIC_PORTS = { host: 6373, auth: 6374, mcp: 6375, relay: 6376 } as const;

export const BASE_PATH = '/mcp-auth-flow/';

/** The static host's origin: the demo servers allow it as the app's origin, and so does the paired relay. */
export const STATIC_ORIGIN = `http://localhost:${STATIC_PORTS.host}`;
export const STATIC_APP_URL = `${STATIC_ORIGIN}${BASE_PATH}`;
export const STATIC_MCP_ORIGIN = `http://localhost:${STATIC_PORTS.mcp}`;
export const STATIC_MCP_URL = `${STATIC_MCP_ORIGIN}/mcp`;
