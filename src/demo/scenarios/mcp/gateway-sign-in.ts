import type { RequestHandler } from 'express';

/** The realm an API gateway in front of the MCP server names in its own challenge. */
export const GATEWAY_REALM = 'corp-gateway';

const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>401 Authorization Required</title></head>
<body>
<h1>Authorization Required</h1>
<p>Sign in to ${GATEWAY_REALM} to reach this page.</p>
</body>
</html>`;

/**
 * What an API gateway, CDN rule or reverse proxy with basic auth answers for a path it guards, before
 * the request ever reaches the MCP server: its own Basic challenge and an HTML page, and no CORS
 * headers (it knows nothing of the app), so a browser blocks the answer outright.
 */
export const gatewaySignIn: RequestHandler = (_req, res) => {
  res.status(401).set('WWW-Authenticate', `Basic realm="${GATEWAY_REALM}"`).type('html').send(SIGN_IN_PAGE);
};
