/** The demo servers the end-to-end tests start, away from the `npm start` defaults. */
export const E2E_PORTS = { app: 6173, auth: 6174, mcp: 6175, relay: 6176 } as const;

export const e2eUrls = {
  app: `http://localhost:${E2E_PORTS.app}`,
  mcp: `http://localhost:${E2E_PORTS.mcp}/mcp`,
  issuer: `http://localhost:${E2E_PORTS.auth}`,
};
