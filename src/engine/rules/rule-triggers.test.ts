import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../flow/create-session.ts';
import { FlowEngine } from '../flow/engine.ts';
import type { UserAgent } from '../flow/user-agent.ts';
import { json } from '../test-support/loopback-server.ts';
import type { FlowSession, FlowSettings } from '../model/session.ts';
import { SPEC_VERSIONS, type SpecVersion } from '../spec/versions.ts';
import { RULES, getRule, type RuleId } from './catalog.ts';
import type { Severity } from '../model/finding.ts';
import {
  ADMIN_SCOPES,
  AS_METADATA_PATH,
  MCP_PATH,
  PRM_PATH,
  html,
  startFakeServer,
  type FakeServer,
  type FakeServerOptions,
} from './test-support/fake-mcp-auth-server.ts';
import { APP_ORIGIN, runFlow } from './test-support/run-flow.ts';
import { redirectFollowingUserAgent } from './test-support/redirect-following-user-agent.ts';
import { movingAuthorizationServer } from './test-support/moving-authorization-server.ts';
import { renderedTextLeaks } from './test-support/rendered-text.ts';
import { stepsMilderThanTheirFindings } from './test-support/step-severity.ts';
// The real relay of `npm start`; only src/integration may reach into src/demo.
import { startTestRelay } from '../../integration/test-relay.ts';

/**
 * Every rule in the catalog, raised by the real engine from real bytes sent by a real loopback
 * server. The fake server is healthy in every version (proved at the bottom); each trigger breaks
 * the one thing its rule is about. Read each entry as "<rule> is raised when <when>".
 */
interface Trigger {
  when: string;
  severity: Severity;
  /** A version the rule applies to; the latest by default. */
  spec?: SpecVersion;
  server?: FakeServerOptions;
  settings?: (base: string) => Partial<FlowSettings>;
  /** Run as the browser app, behind the browser's CORS filter. */
  browser?: boolean;
  /** What the user does after the flow. */
  then?: (engine: FlowEngine) => Promise<unknown>;
  /** Something specific the finding must say. */
  detail: (base: string) => string;
  /** A run that needs more than runFlow (a page reload in the middle, say). */
  run?: (fake: FakeServer) => Promise<FlowSession>;
  /** The real CORS relay runs next to the fake server, and the engine knows it. */
  relay?: boolean;
}

const OTHER_ISSUER = 'https://previous-as.example.com';
/** The metadata moves to a second authorization server mid-session (one at a time: the trigger runs start their own fake server). */
const MOVING_AUTHORIZATION_SERVER = movingAuthorizationServer();

const TRIGGERS: Record<RuleId, Trigger> = {
  // Transport.
  'http.blocked': {
    when: 'the MCP endpoint sends no Access-Control-Allow-Origin, so the browser blocks its response',
    severity: 'error',
    browser: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? {} : healthy) },
    detail: () => 'The MCP request got no response: The browser blocked this request',
  },
  'http.network-error': {
    when: 'the MCP server closes the connection without answering',
    severity: 'error',
    server: { routes: { [MCP_PATH]: ({ request }) => request.socket.destroy() } },
    detail: () => 'UND_ERR_SOCKET',
  },
  'http.timeout': {
    when: 'the MCP server never answers',
    severity: 'error',
    server: { routes: { [MCP_PATH]: () => undefined } },
    settings: () => ({ timeoutMs: 300 }),
    detail: () => 'No answer within 300 ms',
  },
  'http.invalid-url': {
    when: 'the server URL entered is an ftp:// URL',
    severity: 'error',
    settings: (base) => ({ serverUrl: `${base.replace('http:', 'ftp:')}${MCP_PATH}` }),
    detail: () => 'Only http and https URLs can be fetched, not ftp:',
  },
  'http.server-error': {
    when: 'the MCP server answers the first request with 500',
    severity: 'error',
    server: { routes: { [MCP_PATH]: ({ response }) => json(response, 500, { error: 'database unavailable' }) } },
    detail: () => 'The MCP server answered 500',
  },
  'http.not-json': {
    when: 'the protected resource metadata URL serves an HTML login page',
    severity: 'error',
    server: { routes: { [PRM_PATH]: ({ response }) => html(response, 200, '<!doctype html><title>Sign in</title>') } },
    detail: (base) => `${base}${PRM_PATH}: The response is an HTML page, not JSON`,
  },
  'http.body-too-large': {
    when: 'the protected resource metadata is a valid JSON document of 17 MiB, past the 16 MiB parse limit',
    severity: 'error',
    server: { prm: (healthy) => ({ ...healthy, x_padding: 'p'.repeat(17 * 1024 * 1024) }) },
    detail: (base) => `${base}${PRM_PATH}: the body is at least`,
  },

  // CORS verdicts: the real relay re-sends what the browser sent (with the preflight a browser
  // sends first) and the engine judges the real bytes. In relay mode (viaRelay) the flow goes on
  // and every exchange is judged; in direct mode only what the browser blocked or hid is asked about.
  'cors.no-allow-origin': {
    when: 'the browser blocks the MCP endpoint, which sends no Access-Control-Allow-Origin, and the relay is asked why',
    severity: 'error',
    browser: true,
    relay: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? {} : healthy) },
    detail: () =>
      `The preflight (OPTIONS /mcp → 204) and the response (POST /mcp → 401): no Access-Control-Allow-Origin. Send: Access-Control-Allow-Origin: ${APP_ORIGIN}`,
  },
  'cors.origin-mismatch': {
    when: 'the MCP endpoint allows the app origin with a trailing slash, so the browser blocks it',
    severity: 'error',
    browser: true,
    relay: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? { ...healthy, 'Access-Control-Allow-Origin': `${APP_ORIGIN}/` } : healthy) },
    detail: () =>
      `Access-Control-Allow-Origin: ${APP_ORIGIN}/. An origin has no path, not even "/", so it does not match ${APP_ORIGIN}. Send: Access-Control-Allow-Origin: ${APP_ORIGIN}`,
  },
  'cors.preflight-failed': {
    when: 'in relay mode, the MCP endpoint answers the OPTIONS preflight with 405',
    severity: 'error',
    relay: true,
    settings: () => ({ viaRelay: true }),
    server: { preflight: (path, response, healthy) => (path === MCP_PATH ? (response.writeHead(405, { Allow: 'POST' }), response.end()) : healthy()) },
    detail: () =>
      `The preflight (OPTIONS /mcp → 405): Method Not Allowed. A browser needs a 2xx answer (usually 204) to go on. Answer it with: HTTP/1.1 204 No Content | Access-Control-Allow-Origin: ${APP_ORIGIN}`,
  },
  'cors.preflight-unauthorized': {
    when: 'in relay mode, the MCP endpoint runs auth before CORS and answers the preflight 401',
    severity: 'error',
    relay: true,
    settings: () => ({ viaRelay: true }),
    server: {
      preflight: (path, response, healthy) => (path === MCP_PATH ? (response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }), response.end()) : healthy()),
    },
    detail: () => 'The preflight (OPTIONS /mcp → 401): the server checks authorization before CORS, but a browser never sends a token or cookie on a preflight',
  },
  'cors.header-not-allowed': {
    when: 'in relay mode, the MCP endpoint allows request headers with * only, which never covers Authorization',
    severity: 'error',
    relay: true,
    settings: () => ({ viaRelay: true }),
    server: {
      preflight: (path, response, healthy) =>
        path === MCP_PATH
          ? (response.writeHead(204, { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': '*' }), response.end())
          : healthy(),
    },
    detail: () =>
      'Access-Control-Allow-Headers: * does not allow Authorization. A * there does not cover Authorization, which must be listed by name. Send: Access-Control-Allow-Headers: *, Authorization',
  },
  'cors.method-not-allowed': {
    when: 'a trace imported from a client that ends its session with DELETE is asked about, and the preflight allows only GET and POST',
    severity: 'error',
    server: {
      preflight: (path, response, healthy) =>
        path === MCP_PATH
          ? (response.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'mcp-session-id, mcp-protocol-version' }),
            response.end())
          : healthy(),
    },
    run: askRelayAboutImportedDelete,
    detail: () => 'The preflight (OPTIONS /mcp → 204): allows only GET, POST, not DELETE. Send: Access-Control-Allow-Methods: GET, POST, DELETE',
  },
  'cors.header-not-exposed': {
    when: 'the browser hides WWW-Authenticate on the 401 (not in Access-Control-Expose-Headers) and the relay is asked why',
    severity: 'error',
    browser: true,
    relay: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? { 'Access-Control-Allow-Origin': '*' } : healthy) },
    detail: (base) =>
      `The response (POST /mcp → 401): WWW-Authenticate: Bearer resource_metadata="${base}${PRM_PATH}", scope="mcp" is sent, but there is no Access-Control-Expose-Headers, ` +
      'so the browser hides it from the script. Send: Access-Control-Expose-Headers: WWW-Authenticate',
  },
  'cors.session-id-not-exposed': {
    when: 'the browser hides Mcp-Session-Id on initialize (only WWW-Authenticate is exposed) and the relay is asked why',
    severity: 'warning',
    spec: '2025-11-25',
    browser: true,
    relay: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? { ...healthy, 'Access-Control-Expose-Headers': 'WWW-Authenticate' } : healthy) },
    detail: () =>
      'Mcp-Session-Id: session-1 is sent, but Access-Control-Expose-Headers lists only WWW-Authenticate, so the browser hides it from the script. ' +
      'Send: Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id',
  },
  'cors.wildcard-with-credentials': {
    when: 'in relay mode, the MCP endpoint answers Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true',
    severity: 'warning',
    relay: true,
    settings: () => ({ viaRelay: true }),
    server: { cors: (path, healthy) => (path === MCP_PATH ? { ...healthy, 'Access-Control-Allow-Credentials': 'true' } : healthy) },
    detail: () =>
      'The preflight (OPTIONS /mcp → 204) and the response (POST /mcp → 401): Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true. ' +
      `A browser rejects that pair for any request with cookies or HTTP authentication; a client that sends only a Bearer header is not affected. Send: Access-Control-Allow-Origin: ${APP_ORIGIN}`,
  },
  'cors.redirect-on-preflight': {
    when: 'in relay mode, the MCP endpoint redirects the OPTIONS preflight to a trailing-slash URL',
    severity: 'error',
    relay: true,
    settings: () => ({ viaRelay: true }),
    server: {
      preflight: (path, response, healthy) => (path === MCP_PATH ? (response.writeHead(308, { Location: `${MCP_PATH}/` }), response.end()) : healthy()),
    },
    detail: () => 'The preflight (OPTIONS /mcp → 308): a redirect to /mcp/. A browser never follows a redirect of a preflight',
  },

  // Step 1: the unauthenticated request.
  'mcp.no-401': {
    when: 'the MCP server serves a request that carries no token',
    severity: 'warning',
    server: { routes: { [MCP_PATH]: ({ response, rpc }) => json(response, 200, { jsonrpc: '2.0', id: rpc?.id, result: {} }) } },
    detail: () => 'The server answered 200 without any token',
  },

  // Step 2: the challenge.
  'challenge.missing': {
    when: 'a 2025-06-18 server answers 401 without WWW-Authenticate',
    severity: 'error',
    spec: '2025-06-18',
    server: { challenge: () => undefined },
    detail: () => 'The 401 has no WWW-Authenticate header.',
  },
  'challenge.missing-soft': {
    when: 'a 2026-07-28 server answers 401 without WWW-Authenticate',
    severity: 'warning',
    server: { challenge: () => undefined },
    detail: () => 'The 401 has no WWW-Authenticate header.',
  },
  'challenge.hidden-by-cors': {
    when: 'the MCP endpoint does not list WWW-Authenticate in Access-Control-Expose-Headers',
    severity: 'error',
    browser: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? { 'Access-Control-Allow-Origin': '*' } : healthy) },
    detail: () => 'The 401 reached the script without a WWW-Authenticate header',
  },
  'challenge.unparseable': {
    when: 'the challenge leaves the resource_metadata URL unquoted',
    severity: 'warning',
    server: { challenge: (healthy) => healthy.replace(/resource_metadata="([^"]*)"/, 'resource_metadata=$1') },
    detail: (base) => `The value of resource_metadata (${base}${PRM_PATH}) contains characters that are only allowed inside quotes`,
  },
  'challenge.tab-after-scheme': {
    when: 'a TAB follows the Bearer scheme instead of a space',
    severity: 'warning',
    server: { challenge: (healthy) => healthy.replace('Bearer ', 'Bearer\t') },
    detail: () => 'A TAB, not a space, follows the auth scheme Bearer.',
  },
  'challenge.no-bearer': {
    when: 'the 401 challenges with Basic only',
    severity: 'error',
    server: { challenge: () => 'Basic realm="mcp"' },
    detail: () => 'Challenges found: Basic.',
  },
  'challenge.no-scope': {
    when: 'the Bearer challenge has no scope',
    severity: 'warning',
    server: { challenge: (healthy) => healthy.replace(/, scope="[^"]*"/, '') },
    detail: () => 'The Bearer challenge has no scope parameter.',
  },
  'challenge.nonstandard-error': {
    when: 'the 401 challenge carries error="missing_auth_header", a code RFC 6750 does not define',
    severity: 'warning',
    server: { challenge: (healthy) => `${healthy}, error="missing_auth_header"` },
    detail: () => 'The 401: error="missing_auth_header" is not an RFC 6750 §3.1 code (invalid_request, invalid_token, insufficient_scope).',
  },

  // Steps 3–4: protected resource metadata.
  'prm.unreachable': {
    when: 'the protected resource metadata is at neither the challenge URL nor any well-known URL',
    severity: 'error',
    server: { routes: { [PRM_PATH]: ({ response }) => json(response, 404, { error: 'not_found' }) } },
    detail: (base) => `${base}/.well-known/oauth-protected-resource → HTTP 404`,
  },
  'prm.root-only': {
    when: 'the challenge names no metadata URL and only the root well-known URL serves the metadata',
    severity: 'warning',
    server: {
      challenge: () => 'Bearer scope="mcp"',
      routes: {
        [PRM_PATH]: ({ response }) => json(response, 404, { error: 'not_found' }),
        '/.well-known/oauth-protected-resource': ({ response, base }) =>
          json(response, 200, { resource: `${base}${MCP_PATH}`, authorization_servers: [base], scopes_supported: ['mcp'] }),
      },
    },
    detail: (base) => `Found only at ${base}/.well-known/oauth-protected-resource`,
  },
  'prm.challenge-url-unusable': {
    when: 'the challenge points at a metadata URL that 404s, while the well-known URL serves the document',
    severity: 'error',
    server: { challenge: (healthy) => healthy.replace(PRM_PATH, '/nowhere') },
    detail: (base) => `resource_metadata="${base}/nowhere" failed; ${base}${PRM_PATH} works.`,
  },
  'prm.behind-auth': {
    when: 'a gateway in front of the server answers the metadata URL with its own Basic challenge and sign-in page',
    severity: 'error',
    server: {
      routes: {
        [PRM_PATH]: ({ response }) => {
          response.setHeader('WWW-Authenticate', 'Basic realm="corp-gateway"');
          html(response, 401, '<!doctype html><title>Sign in</title><h1>Corp gateway</h1>');
        },
      },
    },
    detail: (base) =>
      `${base}${PRM_PATH} answered HTTP 401 Unauthorized (WWW-Authenticate: Basic realm="corp-gateway"; the body reads "Sign in Corp gateway").`,
  },
  'prm.not-object': {
    when: 'the protected resource metadata is a JSON array',
    severity: 'error',
    server: { prm: (healthy) => [healthy] },
    detail: () => 'The document is an array, not a JSON object.',
  },
  'prm.no-authorization-servers': {
    when: 'the protected resource metadata lists no authorization_servers',
    severity: 'error',
    server: { prm: ({ authorization_servers: _, ...rest }) => rest },
    detail: () => 'The metadata has no authorization_servers.',
  },
  'prm.authorization-server-not-https': {
    when: 'the protected resource metadata lists a javascript: issuer before the real one',
    severity: 'error',
    server: { prm: (healthy) => ({ ...healthy, authorization_servers: ['javascript:alert(1)', ...(healthy.authorization_servers as string[])] }) },
    detail: () =>
      'authorization_servers lists "javascript:alert(1)": the scheme "javascript:" is never opened, only https (and http on a loopback host); it is left out.',
  },
  'metadata.cross-origin-redirect': {
    when: 'the protected resource metadata URL redirects to the same document on another origin (127.0.0.1 to localhost)',
    severity: 'warning',
    server: {
      routes: {
        [PRM_PATH]: ({ request, response, base }, healthy) =>
          request.headers.host === new URL(base).host
            ? (response.writeHead(302, { Location: `${base.replace('127.0.0.1', 'localhost')}${PRM_PATH}` }), response.end())
            : healthy(),
      },
    },
    detail: (base) => `${base}${PRM_PATH} was redirected to ${base.replace('127.0.0.1', 'localhost')}${PRM_PATH}, on another origin`,
  },
  'prm.resource-mismatch': {
    when: 'the protected resource metadata names the MCP URL with a trailing slash',
    severity: 'error',
    server: { prm: (healthy) => ({ ...healthy, resource: `${String(healthy.resource)}/` }) },
    detail: (base) => `resource is "${base}/mcp/" but must be the MCP server URL "${base}/mcp"`,
  },
  'prm.resource-fragment': {
    when: 'the protected resource metadata resource has a fragment',
    severity: 'error',
    server: { prm: (healthy) => ({ ...healthy, resource: `${String(healthy.resource)}#main` }) },
    detail: () => 'has the fragment "#main"',
  },
  'prm.offline-access-scope': {
    when: 'the protected resource metadata lists offline_access in scopes_supported',
    severity: 'warning',
    server: { prm: (healthy) => ({ ...healthy, scopes_supported: ['mcp', 'offline_access'] }) },
    detail: () => 'scopes_supported lists "offline_access"',
  },

  // Step 6: authorization server metadata.
  'as.metadata-unreachable': {
    when: 'the authorization server publishes metadata at no well-known URL',
    severity: 'error',
    server: { routes: { [AS_METADATA_PATH]: ({ response }) => json(response, 404, { error: 'not_found' }) } },
    detail: (base) => `No metadata for issuer ${base} at any well-known URL.`,
  },
  'as.not-object': {
    when: 'the authorization server metadata is a JSON string',
    severity: 'error',
    server: { asMetadata: () => 'metadata' },
    detail: () => 'The document is a string, not a JSON object.',
  },
  'as.issuer-mismatch': {
    when: 'the metadata issuer has a trailing slash the PRM issuer does not',
    severity: 'error',
    server: { asMetadata: (healthy) => ({ ...healthy, issuer: `${String(healthy.issuer)}/` }) },
    detail: (base) => `issuer is "${base}/" but the metadata URL was built from "${base}"`,
  },
  'as.legacy-issuer-differs': {
    when: 'a 2025-03-26 server publishes metadata at its origin naming an issuer with a path',
    severity: 'info',
    spec: '2025-03-26',
    server: { asMetadata: (healthy) => ({ ...healthy, issuer: `${String(healthy.issuer)}/oauth` }) },
    detail: (base) => `names issuer "${base}/oauth", not the origin "${base}"`,
  },
  'version.legacy-path': {
    when: 'the flow runs as 2025-03-26: the authorization server is looked for at the MCP server’s origin',
    severity: 'info',
    spec: '2025-03-26',
    detail: (base) => `looked for at ${base}, the MCP server’s origin`,
  },
  'as.missing-endpoint': {
    when: 'the metadata has no token_endpoint',
    severity: 'error',
    server: { asMetadata: ({ token_endpoint: _, ...rest }) => rest },
    detail: () => 'The metadata has no token_endpoint.',
  },
  'as.endpoint-not-https': {
    when: 'the metadata lists a plain-http endpoint on a public host',
    severity: 'error',
    server: { asMetadata: (healthy) => ({ ...healthy, revocation_endpoint: 'http://auth.example.com/revoke' }) },
    detail: () => 'revocation_endpoint "http://auth.example.com/revoke" is not https',
  },
  'as.pkce-methods-absent': {
    when: 'the metadata does not say which PKCE methods it supports',
    severity: 'error',
    server: { asMetadata: ({ code_challenge_methods_supported: _, ...rest }) => rest },
    detail: () => 'The metadata has no code_challenge_methods_supported',
  },
  'as.pkce-s256-missing': {
    when: 'the metadata supports only the plain PKCE method',
    severity: 'error',
    server: { asMetadata: (healthy) => ({ ...healthy, code_challenge_methods_supported: ['plain'] }) },
    detail: () => 'code_challenge_methods_supported is ["plain"], without "S256".',
  },
  'as.several-servers': {
    when: 'the protected resource metadata lists two authorization servers',
    severity: 'info',
    server: { prm: (healthy) => ({ ...healthy, authorization_servers: [...(healthy.authorization_servers as string[]), OTHER_ISSUER] }) },
    detail: (base) => `2 authorization servers are listed; using ${base}.`,
  },
  'as.changed': {
    when: 'after a successful flow, the protected resource metadata names a second, real authorization server, and the user presses Refresh',
    severity: 'warning',
    spec: '2025-11-25',
    server: MOVING_AUTHORIZATION_SERVER.options,
    run: async (fake) => (await MOVING_AUTHORIZATION_SERVER.run(fake, (engine) => engine.refresh())).session,
    detail: (base) => `authorization_servers no longer lists ${base}; it now names http://127.0.0.1:`,
  },

  // Step 8: registration.
  'registration.unavailable': {
    when: 'the authorization server offers no registration_endpoint and no client id was given',
    severity: 'error',
    server: { asMetadata: ({ registration_endpoint: _, ...rest }) => rest },
    detail: (base) => `${base} publishes no registration_endpoint`,
  },
  'registration.rejected': {
    when: 'the registration endpoint refuses the client with 400',
    severity: 'error',
    server: {
      routes: {
        '/register': ({ response }) => json(response, 400, { error: 'invalid_client_metadata', error_description: 'native clients are not allowed' }),
      },
    },
    detail: () => 'HTTP 400: invalid_client_metadata (native clients are not allowed).',
  },
  'registration.response-nonconforming': {
    when: 'the registration response has a client_secret without client_secret_expires_at',
    severity: 'warning',
    server: { registration: (healthy) => ({ ...healthy, client_secret: 's3cret' }) },
    detail: () => 'HTTP 201: "response" body "client_secret_expires_at" property must be a number',
  },
  'registration.cimd-unsupported': {
    when: 'a client metadata URL is given but the server does not advertise client_id_metadata_document_supported',
    severity: 'warning',
    server: { asMetadata: ({ client_id_metadata_document_supported: _, ...rest }) => rest },
    settings: () => ({ registration: { mode: 'cimd', clientMetadataUrl: 'https://app.example.com/oauth/client.json' } }),
    detail: (base) => `${base} does not advertise client_id_metadata_document_supported.`,
  },
  'registration.cimd-url-invalid': {
    when: 'the client metadata URL given has no path',
    severity: 'error',
    settings: () => ({ registration: { mode: 'cimd', clientMetadataUrl: 'https://app.example.com/' } }),
    detail: () => '"https://app.example.com/": a client_id URL must have a path',
  },
  'registration.bound-to-other-issuer': {
    when: 'the metadata now points at another authorization server than the one the pre-registered client belongs to',
    severity: 'error',
    settings: () => ({ registration: { mode: 'pre-registered', clientId: 'client-from-elsewhere', issuer: OTHER_ISSUER } }),
    detail: (base) => `The client id was used with ${OTHER_ISSUER}; this flow's issuer is ${base}.`,
  },
  'registration.auth-method-changed': {
    when: 'the server registers a confidential client when a public one was asked for',
    severity: 'warning',
    server: {
      registration: (healthy) => ({
        ...healthy,
        token_endpoint_auth_method: 'client_secret_basic',
        client_secret: 's3cret',
        client_secret_expires_at: 0,
      }),
    },
    detail: () => 'Asked for "none", registered as "client_secret_basic"',
  },
  'scope.override': {
    when: 'the user overrides the scopes the spec would select',
    severity: 'warning',
    settings: () => ({ scopeOverride: ADMIN_SCOPES }),
    detail: () => `Requested "${ADMIN_SCOPES}" instead of what the spec's selection rules give.`,
  },

  // Steps 9–10: authorize and callback.
  'callback.error': {
    when: 'the authorization server redirects back with error=access_denied',
    severity: 'error',
    server: { authorizationResponse: ({ state, iss }) => ({ error: 'access_denied', error_description: 'The user said no', state, iss }) },
    detail: () => 'error=access_denied, error_description=The user said no',
  },
  'callback.other-origin': {
    when: 'the authorization server sends the browser back to 127.0.0.1 while the app runs on localhost',
    severity: 'error',
    server: { callbackOrigin: 'http://127.0.0.1:5173' },
    detail: () => 'The browser was sent back to http://127.0.0.1:5173, not http://localhost:5173.',
  },
  'authorize.redirect-uri-insecure': {
    when: 'the app would be called back on a plain-http, non-loopback redirect URI',
    severity: 'error',
    settings: () => ({ redirectUri: 'http://app.example.com/callback' }),
    detail: () => 'redirect_uri is http://app.example.com/callback.',
  },
  'authorize.endpoint-refused': {
    when: 'the authorization endpoint is javascript:, and the user continues anyway past the metadata step that stopped the flow',
    severity: 'error',
    server: { asMetadata: (healthy) => ({ ...healthy, authorization_endpoint: 'javascript:alert(document.domain)' }) },
    then: (engine) => engine.continueAnyway(),
    detail: () => 'authorization_endpoint "javascript:alert(document.domain)" was not opened: the scheme "javascript:" is never opened',
  },
  'authorize.no-callback': {
    when: 'the authorization endpoint shows an error page instead of redirecting back',
    severity: 'error',
    server: { routes: { '/authorize': ({ response }) => html(response, 400, '<h1>redirect_uri not registered</h1>') } },
    // A dynamically registered client's redirect URIs are known: the finding names them, never "not known".
    detail: () => 'redirect_uri sent: http://localhost:5173/callback; registered: http://localhost:5173/callback (as registered dynamically).',
  },
  'authorize.popup-blocked': {
    when: 'the popup is blocked, the page itself goes to the authorization server, and the saved session resumes from the callback',
    severity: 'info',
    run: runAcrossFullPageRedirect,
    detail: () => 'The login ran in this tab instead of a popup',
  },
  'callback.state-mismatch': {
    when: 'the callback carries another state than the one sent',
    severity: 'error',
    server: { authorizationResponse: (healthy) => ({ ...healthy, state: 'forged-state' }) },
    detail: () => 'got "forged-state"',
  },
  'callback.iss-mismatch': {
    when: 'the callback carries the iss of another authorization server',
    severity: 'error',
    server: { authorizationResponse: (healthy) => ({ ...healthy, iss: OTHER_ISSUER }) },
    detail: (base) => `Expected iss "${base}", got "${OTHER_ISSUER}".`,
  },
  'callback.iss-missing': {
    when: 'the metadata advertises iss on the callback but the callback has none',
    severity: 'error',
    server: { authorizationResponse: ({ iss: _, ...rest }) => rest },
    detail: (base) => `Expected iss "${base}" because the metadata advertises it.`,
  },
  'callback.no-code': {
    when: 'the callback has neither code nor error',
    severity: 'error',
    server: { authorizationResponse: ({ code: _, ...rest }) => rest },
    detail: () => 'The callback URL has no code: http://localhost:5173/callback?state=',
  },

  // Step 11: token.
  'token.request-failed': {
    when: 'the token endpoint refuses the code with invalid_grant',
    severity: 'error',
    server: {
      routes: { '/token': ({ response }) => json(response, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' }) },
    },
    detail: () => 'HTTP 400: invalid_grant (PKCE verification failed).',
  },
  'token.type-not-bearer': {
    when: 'the token response says token_type "MAC"',
    severity: 'error',
    server: { tokenResponse: (healthy) => ({ ...healthy, token_type: 'MAC' }) },
    detail: () => 'token_type is "MAC".',
  },
  'token.audience-mismatch': {
    when: 'the access token is issued for another audience than the MCP server',
    severity: 'error',
    server: { accessTokenClaims: (healthy) => ({ ...healthy, aud: 'https://api.other.example.com' }) },
    detail: () => 'aud is "https://api.other.example.com"',
  },
  'token.no-audience': {
    when: 'the access token is a JWT without aud, carrying client_id instead (as Cognito issues them)',
    severity: 'warning',
    server: { accessTokenClaims: ({ aud: _, ...rest }) => rest },
    detail: (base) => `The token has no aud claim; it carries client_id, scope. The resource is "${base}${MCP_PATH}".`,
  },
  'token.no-refresh-token': {
    when: 'the token response has no refresh_token',
    severity: 'info',
    server: { tokenResponse: ({ refresh_token: _, ...rest }) => rest },
    detail: () => 'The token response has no refresh_token.',
  },
  'oauth.error-with-success-status': {
    when: 'the token endpoint refuses the code with an error body sent with 200',
    severity: 'error',
    server: { routes: { '/token': ({ response }) => json(response, 200, { error: 'invalid_grant', error_description: 'code expired' }) } },
    detail: () => 'The token endpoint answered HTTP 200 with error=invalid_grant, error_description=code expired; an error must come with 400.',
  },

  // Step 12: the retry.
  'mcp.authenticated-request-failed': {
    when: 'the MCP server rejects the token its own authorization server just issued',
    severity: 'error',
    server: {
      routes: {
        [MCP_PATH]: ({ response, bearer }, healthy) => (bearer ? json(response, 401, { error: 'invalid_token' }) : healthy()),
      },
    },
    detail: () => 'server/discover answered HTTP 401',
  },
  'mcp.jsonrpc-error': {
    when: 'the MCP server answers tools/list with a JSON-RPC error',
    severity: 'error',
    server: {
      routes: {
        [MCP_PATH]: ({ response, rpc }, healthy) =>
          rpc?.method === 'tools/list' ? json(response, 200, { jsonrpc: '2.0', id: rpc.id, error: { code: -32601, message: 'Method not found' } }) : healthy(),
      },
    },
    detail: () => 'tools/list: error -32601: Method not found',
  },
  'mcp.session-id-hidden-by-cors': {
    when: 'the MCP endpoint exposes WWW-Authenticate but not Mcp-Session-Id',
    severity: 'warning',
    spec: '2025-11-25',
    browser: true,
    server: { cors: (path, healthy) => (path === MCP_PATH ? { ...healthy, 'Access-Control-Expose-Headers': 'WWW-Authenticate' } : healthy) },
    detail: () => 'initialize answered without a readable Mcp-Session-Id',
  },

  // Step 13: refresh.
  'refresh.failed': {
    when: 'the token endpoint refuses the refresh token',
    severity: 'error',
    server: {
      routes: {
        '/token': ({ response, form }, healthy) =>
          form.get('grant_type') === 'refresh_token' ? json(response, 400, { error: 'invalid_grant', error_description: 'refresh token revoked' }) : healthy(),
      },
    },
    then: (engine) => engine.refresh(),
    detail: () => 'HTTP 400: invalid_grant (refresh token revoked).',
  },
  'refresh.not-rotated': {
    when: 'the authorization server hands a public client back the same refresh token',
    severity: 'error',
    server: {
      tokenResponse: (healthy, form) => (form.get('grant_type') === 'refresh_token' ? { ...healthy, refresh_token: form.get('refresh_token') } : healthy),
    },
    then: (engine) => engine.refresh(),
    detail: () => 'The refresh response did not carry a new refresh token for this public client.',
  },

  // Step 14: step-up.
  'stepup.reauthorized': {
    when: 'a tool answers 403 insufficient_scope and the client steps up',
    severity: 'info',
    then: (engine) => engine.callTool('admin-report', {}),
    detail: () => `The server asked for scope "${ADMIN_SCOPES}"; the client re-authorizes (attempt 1 of 2).`,
  },
  'stepup.retry-limit': {
    when: 'the authorization server never grants the scope a tool’s 403 asks for',
    severity: 'error',
    server: { grantScope: () => 'mcp' },
    then: (engine) => engine.callTool('admin-report', {}),
    detail: () => `Still 403 insufficient_scope (scope="${ADMIN_SCOPES}") after 2 re-authorizations.`,
  },
  'stepup.no-scope': {
    when: 'a tool’s 403 insufficient_scope does not say which scope it needs',
    severity: 'warning',
    server: {
      routes: {
        [MCP_PATH]: ({ response, rpc }, healthy) =>
          rpc?.method === 'tools/call' ? json(response, 403, {}, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' }) : healthy(),
      },
    },
    then: (engine) => engine.callTool('echo', {}),
    detail: () => 'WWW-Authenticate: Bearer error="insufficient_scope"',
  },
  'mcp.forbidden': {
    when: 'a tool call gets a bare 403 with no challenge',
    severity: 'error',
    server: {
      routes: { [MCP_PATH]: ({ response, rpc }, healthy) => (rpc?.method === 'tools/call' ? json(response, 403, {}) : healthy()) },
    },
    then: (engine) => engine.callTool('echo', {}),
    detail: () => 'The 403 has no WWW-Authenticate header.',
  },

  // Token validation audit.
  'audit.accepts-invalid-token': {
    when: 'the MCP server serves requests with a malformed token',
    severity: 'error',
    server: { acceptAnyToken: true },
    then: (engine) => engine.audit(),
    detail: () => 'With a malformed token, the server answered 200 instead of 401.',
  },
  'audit.no-challenge': {
    when: 'the MCP server refuses an invalid token with a 401 that has no challenge',
    severity: 'warning',
    server: {
      routes: {
        [MCP_PATH]: ({ response, bearer, claims }, healthy) => (bearer && !claims ? json(response, 401, { error: 'invalid_token' }) : healthy()),
      },
    },
    then: (engine) => engine.audit(),
    detail: () => 'With a malformed token, the 401 has no WWW-Authenticate header.',
  },
  'audit.wrong-refusal-status': {
    when: 'the MCP server refuses a malformed token with 400 instead of 401',
    severity: 'error',
    server: {
      routes: {
        [MCP_PATH]: (request, healthy) => (request.bearer === 'not-a-real-token' ? json(request.response, 400, { error: 'invalid_request' }) : healthy()),
      },
    },
    then: (engine) => engine.audit(),
    detail: () => 'With a malformed token, the server refused with 400 instead of 401.',
  },
  'audit.crash-on-invalid-token': {
    when: 'the MCP server answers a tampered token with 500 server_error',
    severity: 'error',
    server: {
      routes: {
        [MCP_PATH]: ({ response, bearer, claims }, healthy) =>
          bearer && !claims && bearer !== 'not-a-real-token' ? json(response, 500, { error: 'server_error' }) : healthy(),
      },
    },
    then: (engine) => engine.audit(),
    detail: () => 'With the real token with its signature altered, the server answered 500: it failed instead of refusing with 401.',
  },

  // Version choice.
  'version.auto-chosen': {
    when: 'with automatic version choice, the server answers server/discover',
    severity: 'info',
    settings: () => ({ autoVersion: true }),
    detail: () => 'The server answered server/discover: it speaks 2026-07-28.',
  },
  'version.rejected': {
    when: 'a session-based MCP server answers server/discover with the SDK’s 400 "No valid session ID provided"',
    severity: 'error',
    server: {
      routes: {
        [MCP_PATH]: ({ response, rpc, bearer }, healthy) =>
          bearer && rpc?.method === 'server/discover'
            ? json(response, 400, { jsonrpc: '2.0', error: { code: -32000, message: 'Bad Request: No valid session ID provided' }, id: null })
            : healthy(),
      },
    },
    detail: () => 'it seems to speak 2025-11-25 or earlier',
  },
};

let fake: FakeServer | undefined;
let relay: Awaited<ReturnType<typeof startTestRelay>> | undefined;
afterEach(async () => {
  await fake?.close();
  await relay?.close();
  fake = undefined;
  relay = undefined;
});

/**
 * Another client's trace, imported: it ends its MCP session with DELETE, which the browser
 * blocked. The user asks the relay why; the relay sends the real preflight to the real server.
 */
async function askRelayAboutImportedDelete(fake: FakeServer): Promise<FlowSession> {
  relay = await startTestRelay(APP_ORIGIN);
  const session = createSession({
    serverUrl: fake.mcpUrl,
    specVersion: '2026-07-28',
    timeoutMs: 2_000,
    redirectUri: `${APP_ORIGIN}/callback`,
    clientName: 'imported trace',
    registration: { mode: 'auto' },
  });
  session.exchanges.push({
    id: 'x1',
    stepId: 'mcp-unauthenticated',
    from: 'client',
    to: 'mcp',
    label: 'DELETE /mcp',
    request: {
      method: 'DELETE',
      url: fake.mcpUrl,
      headers: [
        ['mcp-session-id', 'session-1'],
        ['mcp-protocol-version', '2025-11-25'],
      ],
    },
    outcome: 'blocked',
    error: 'The browser blocked this request.',
    startedAt: Date.now(),
    durationMs: 3,
  });
  const engine = new FlowEngine(session, { userAgent: redirectFollowingUserAgent, runtime: 'browser', relay: { ...relay, appOrigin: APP_ORIGIN } });
  const report = await engine.askRelay('x1');
  expect(report.preflightRequest).toEqual({ method: 'DELETE', headers: ['mcp-protocol-version', 'mcp-session-id'] });
  return engine.snapshot;
}

/**
 * The popup is blocked, so the app sends the page itself to the authorization server: the session
 * is saved, the page goes away, and a new page restores it and resumes from the callback URL.
 */
async function runAcrossFullPageRedirect(fake: FakeServer): Promise<FlowSession> {
  let leaving: (url: string) => void = () => undefined;
  const pageLeft = new Promise<string>((resolve) => (leaving = resolve));
  const before = newEngine(fake, { authorize: ({ url }) => (leaving(url), new Promise<never>(() => undefined)) });
  void before.runAll();
  const authorizeUrl = await pageLeft;
  const saved = JSON.parse(JSON.stringify(before.snapshot)) as FlowSession;
  before.cancel();
  const redirect = await fetch(authorizeUrl, { redirect: 'manual' });
  const after = new FlowEngine(saved, { userAgent: redirectFollowingUserAgent, runtime: 'node' });
  after.resumeAuthorize(new URL(redirect.headers.get('location')!, authorizeUrl).href, { popupBlocked: true });
  await after.runAll();
  expect(after.snapshot.status).toBe('done');
  return after.snapshot;
}

function newEngine(fake: FakeServer, userAgent: UserAgent): FlowEngine {
  return new FlowEngine(
    createSession({
      serverUrl: fake.mcpUrl,
      specVersion: '2026-07-28',
      timeoutMs: 2_000,
      redirectUri: `${APP_ORIGIN}/callback`,
      clientName: 'reload test',
      registration: { mode: 'auto' },
    }),
    { userAgent, runtime: 'node' },
  );
}

describe('every rule is raised by the engine from real server bytes', () => {
  it('every rule in the catalog has a trigger below, and every trigger names a rule', () => {
    const triggered = Object.keys(TRIGGERS).sort();
    expect(
      RULES.map((rule) => rule.id).filter((id) => !triggered.includes(id)),
      'rules without a trigger',
    ).toEqual([]);
    expect(
      triggered.filter((id) => !RULES.some((rule) => rule.id === id)),
      'triggers of unknown rules',
    ).toEqual([]);
  });

  for (const { id } of RULES) {
    const trigger = (TRIGGERS as Partial<Record<string, Trigger>>)[id];
    it(`${id} when ${trigger?.when ?? '(no trigger yet)'}`, async () => {
      if (!trigger) throw new Error(`No trigger for ${id}: add one to TRIGGERS.`);
      const spec = trigger.spec ?? '2026-07-28';
      expect(getRule(id).versions, `${id} does not apply to ${spec}`).toContain(spec);
      fake = await startFakeServer(trigger.server);
      if (trigger.relay) relay = await startTestRelay(APP_ORIGIN);
      const session = trigger.run
        ? await trigger.run(fake)
        : await runFlow(fake, {
            spec,
            ...(relay ? { relay } : {}),
            ...(trigger.settings ? { settings: trigger.settings(fake.base) } : {}),
            ...(trigger.browser ? { browser: true } : {}),
            ...(trigger.then ? { then: trigger.then } : {}),
          });
      const finding = session.findings.find((candidate) => candidate.ruleId === id);
      expect(finding, `${id} was not raised; findings: ${session.findings.map((f) => `${f.ruleId}: ${f.detail}`).join(' | ')}`).toBeDefined();
      expect(finding!.severity).toBe(trigger.severity);
      expect(finding!.detail).toContain(trigger.detail(fake.base));
      // Whatever else the run said reads as sentences, and no step looks better than its findings.
      expect(renderedTextLeaks(session), 'texts that print code').toEqual([]);
      expect(stepsMilderThanTheirFindings(session), 'steps milder than their findings').toEqual([]);
    });
  }
});

describe('the fake server is healthy, so each trigger above breaks only what it says', () => {
  it.each(SPEC_VERSIONS.flatMap((spec) => [[spec, 'node'] as const, [spec, 'browser'] as const]))(
    '%s, %s: the flow, a tool call, a step-up, a refresh and an audit raise no error or warning',
    async (spec, runtime) => {
      fake = await startFakeServer();
      const session = await runFlow(fake, {
        spec,
        browser: runtime === 'browser',
        then: async (engine) => {
          expect(await engine.callTool('echo', {})).toMatchObject({ ok: true });
          expect(await engine.callTool('admin-report', {})).toMatchObject({ ok: true });
          await engine.refresh();
          await engine.audit();
        },
      });
      const problems = session.findings.filter((finding) => finding.severity !== 'info');
      expect(problems.map((finding) => `${finding.ruleId}: ${finding.detail}`)).toEqual([]);
      expect(renderedTextLeaks(session), 'texts that print code').toEqual([]);
      expect(session.status).toBe('done');
      expect(session.steps.map((step) => step.status)).not.toContain('failed');
    },
  );
});
