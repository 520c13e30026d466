import { html, PRM_PATH, startFakeServer } from '../../rules/test-support/fake-mcp-auth-server.ts';
import { json } from '../../test-support/loopback-server.ts';

/**
 * An MCP server behind a gateway, CDN rule or SSO proxy that guards paths with its own
 * authentication: the well-known protected resource metadata URL gets the intermediary's answer
 * (and no CORS headers: it knows nothing of the app) before the request reaches the MCP server.
 * - `basic`: an API gateway or reverse proxy with basic auth, `401` + `WWW-Authenticate: Basic realm="corp-gateway"` and its HTML page;
 * - `sso-page`: an SSO proxy in front of everything, `403` and a sign-in page, no challenge at all.
 * Behind it the MCP server and its authorization server are healthy. `guards` says which metadata
 * URLs the intermediary covers: the path-inserted one only (the root is exempt), or both.
 */

export const GATEWAY_REALM = 'corp-gateway';
export const ROOT_PRM_PATH = '/.well-known/oauth-protected-resource';

export interface GatewayOptions {
  kind: 'basic' | 'sso-page';
  guards: 'path-url' | 'both-urls';
}

const BASIC_PAGE = `<!DOCTYPE html><html><head><title>401 Authorization Required</title></head>
<body><h1>401 Authorization Required</h1><hr><p>${GATEWAY_REALM}</p></body></html>`;
const SSO_PAGE = `<!DOCTYPE html><html><head><title>Sign in</title><script>window.__next="/"</script></head>
<body><h1>Sign in to continue</h1><p>Example Corp single sign-on protects this site.</p><a href="/oauth2/start">Sign in with Example SSO</a></body></html>`;

export function startBehindGateway({ kind, guards }: GatewayOptions) {
  const guarded = guards === 'both-urls' ? [PRM_PATH, ROOT_PRM_PATH] : [PRM_PATH];
  return startFakeServer({
    cors: (path, healthy) => (guarded.includes(path) ? {} : healthy),
    routes: {
      ...Object.fromEntries(
        guarded.map((path) => [
          path,
          ({ response }) => {
            if (kind === 'basic') response.setHeader('WWW-Authenticate', `Basic realm="${GATEWAY_REALM}"`);
            html(response, kind === 'basic' ? 401 : 403, kind === 'basic' ? BASIC_PAGE : SSO_PAGE);
          },
        ]),
      ),
      ...(guards === 'path-url'
        ? {
            [ROOT_PRM_PATH]: ({ response, base }) =>
              json(response, 200, { resource: `${base}/mcp`, authorization_servers: [base], scopes_supported: ['mcp', 'admin'] }),
          }
        : {}),
    },
  });
}
