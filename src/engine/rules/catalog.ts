import { specLink } from '../spec/profile.ts';
import { PROFILE_2025_03_26, PROFILE_2025_06_18, PROFILE_2025_11_25, PROFILE_2026_07_28 } from '../spec/profiles.ts';
import { SPEC_VERSIONS, type SpecVersion } from '../spec/versions.ts';
import type { Rule } from './rule.ts';

/**
 * The one catalog of rules. The UI, the CLI, the docs and the tests all read it.
 * Severity follows the spec's word: MUST → error, SHOULD → warning.
 */

const ALL = SPEC_VERSIONS;
const FROM_2025_06_18: readonly SpecVersion[] = ['2025-06-18', '2025-11-25', '2026-07-28'];
const FROM_2025_11_25: readonly SpecVersion[] = ['2025-11-25', '2026-07-28'];

const RFC9728 = 'https://www.rfc-editor.org/rfc/rfc9728';
const RFC8414 = 'https://www.rfc-editor.org/rfc/rfc8414';
const RFC9207 = 'https://www.rfc-editor.org/rfc/rfc9207';
const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749';
const FETCH = 'https://fetch.spec.whatwg.org/';
const FETCH_CORS = FETCH + '#http-cors-protocol';

export const RULES = [
  // Transport: things that stop an exchange before the spec even applies.
  {
    id: 'http.blocked',
    severity: 'error',
    versions: ALL,
    link: FETCH_CORS,
    problem: 'The browser blocked this request or its response, most likely because of CORS (or the server could not be reached at all).',
    fix: 'Serve Access-Control-Allow-Origin on every response, including errors, and answer the OPTIONS preflight with 2xx and no auth; use the relay to see what the server really sent.',
  },
  {
    id: 'http.network-error',
    severity: 'error',
    versions: ALL,
    link: 'https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch#exceptions',
    problem: 'The server could not be reached.',
    fix: 'Check the URL, that the server is running, and that its host and port are reachable from here.',
  },
  {
    id: 'http.timeout',
    severity: 'error',
    versions: ALL,
    link: 'https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/timeout_static',
    problem: 'The server did not answer within the time limit.',
    fix: 'Make the endpoint answer promptly, or raise the time limit ({timeout}) if it is just slow.',
  },
  {
    id: 'http.invalid-url',
    severity: 'error',
    versions: ALL,
    link: 'https://url.spec.whatwg.org/',
    problem: 'The URL is not a usable http(s) URL.',
    fix: 'Give an absolute http:// or https:// URL ({server-url}), such as https://example.com/mcp.',
  },
  {
    id: 'http.server-error',
    severity: 'error',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6',
    problem: 'The server answered with a 5xx error.',
    fix: 'Look at the server logs for this request; the response body may say more.',
  },
  {
    id: 'http.not-json',
    severity: 'error',
    versions: ALL,
    link: RFC8414 + '#section-3.2',
    problem: 'A JSON document was expected, but the body is not JSON (often an HTML page from a proxy, SPA fallback or login wall).',
    fix: 'Serve the document as application/json at exactly this URL, without redirects to an HTML page.',
  },
  {
    id: 'http.body-too-large',
    severity: 'error',
    versions: ALL,
    link: RFC8414 + '#section-3.2',
    problem:
      'The document is larger than the tool reads (16 MiB; through the relay, the relay’s own cap), so it was cut and not checked. Cut JSON is not invalid JSON; the document may be fine.',
    fix: 'Keep metadata documents small: list what clients need, not every scope or key ever issued. Far below a megabyte is usual.',
  },

  // CORS: what a browser needs that the MCP spec never says. Raised from the relay's view of the
  // real preflight and response (see src/engine/cors), each with the header line to send.
  {
    id: 'cors.no-allow-origin',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#http-access-control-allow-origin',
    problem: 'The response (or the preflight answer) has no Access-Control-Allow-Origin, so the browser gives the script nothing but a TypeError.',
    fix: 'Send `Access-Control-Allow-Origin: <the app origin>` (or `*`) on every response of this endpoint, including 401, 403 and other errors from auth middleware.',
  },
  {
    id: 'cors.origin-mismatch',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#cors-check',
    problem: 'Access-Control-Allow-Origin names another origin, a list, or the origin with a trailing slash; a browser accepts only `*` or the exact origin.',
    fix: 'Echo the request’s Origin exactly (scheme, host and port, no path) when it is allowed, with `Vary: Origin`, or send `*`.',
  },
  {
    id: 'cors.preflight-failed',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#cors-preflight-fetch',
    problem: 'The OPTIONS preflight got no 2xx answer (an error status, or none at all), so the browser never sends the request.',
    fix: 'Answer `OPTIONS` on this URL with 204 and the Access-Control-Allow-* headers, before any routing or auth that would refuse it.',
  },
  {
    id: 'cors.preflight-unauthorized',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#cors-preflight-fetch',
    problem:
      'The OPTIONS preflight was answered 401 or 403: the server runs auth before CORS, and a browser never sends a token on a preflight (mcp-context-forge#2152).',
    fix: 'Let `OPTIONS` through without authentication: put the CORS handler before the auth middleware and answer the preflight with 204.',
  },
  {
    id: 'cors.header-not-allowed',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#http-access-control-allow-headers',
    problem:
      'The preflight answer does not allow a request header the client sends (Authorization, Content-Type, Mcp-Protocol-Version, Mcp-Session-Id, Mcp-Method, Mcp-Name…); `*` never covers Authorization.',
    fix: 'List every header by name: `Access-Control-Allow-Headers: Authorization, Content-Type, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID, Mcp-Method, Mcp-Name`.',
  },
  {
    id: 'cors.method-not-allowed',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#http-access-control-allow-methods',
    problem: 'The preflight answer does not allow the request’s method (or its Access-Control-Allow-Methods cannot be parsed).',
    fix: 'List the methods the endpoint serves, exactly as sent: `Access-Control-Allow-Methods: GET, POST, DELETE`.',
  },
  {
    id: 'cors.header-not-exposed',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#http-access-control-expose-headers',
    problem:
      'The server sends a header the client must read (WWW-Authenticate), but does not list it in Access-Control-Expose-Headers, so the browser hides it.',
    fix: 'Send `Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id` on every response of the MCP endpoint, 401 and 403 included.',
  },
  {
    id: 'cors.session-id-not-exposed',
    severity: 'warning',
    versions: ALL,
    link: FETCH + '#http-access-control-expose-headers',
    problem:
      'The server sends Mcp-Session-Id but does not expose it, so a browser client cannot read the session id and every later request lacks it (typescript-sdk#764).',
    fix: 'Add Mcp-Session-Id to Access-Control-Expose-Headers on the MCP endpoint’s responses.',
  },
  {
    id: 'cors.wildcard-with-credentials',
    severity: 'warning',
    versions: ALL,
    link: FETCH + '#cors-protocol-and-credentials',
    problem:
      'Access-Control-Allow-Origin: * comes with Access-Control-Allow-Credentials: true; browsers refuse that pair for any request with cookies or HTTP auth.',
    fix: 'Echo the request’s Origin instead of `*` when credentials are allowed, or drop Access-Control-Allow-Credentials if no client sends cookies.',
  },
  {
    id: 'cors.redirect-on-preflight',
    severity: 'error',
    versions: ALL,
    link: FETCH + '#http-redirect-fetch',
    problem:
      'The preflight, or the request after it, is answered with a redirect: a browser never follows a redirected preflight, and a redirected request must pass CORS again at the new URL.',
    fix: 'Serve the endpoint, OPTIONS included, at the exact URL clients use (no trailing-slash or http→https redirect), or give clients the final URL.',
  },

  // Step 1: the unauthenticated request.
  {
    id: 'mcp.no-401',
    severity: 'warning',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'authorization-flow-steps'),
    problem: 'The MCP server did not answer the unauthenticated request with 401, so it does not ask for authorization.',
    fix: 'If the server is meant to be protected, answer requests without a valid token with 401 and a WWW-Authenticate challenge.',
  },
  // Step 2: the challenge.
  {
    id: 'challenge.missing',
    stricterThanSdk: 'The official SDK clients accept a 401 without resource_metadata: they try the well-known URLs and go on.',
    severity: 'error',
    versions: ['2025-06-18'],
    link: specLink(PROFILE_2025_06_18, 'authorization-server-location'),
    problem: 'The 401 has no WWW-Authenticate header with resource_metadata; MCP servers MUST send it in this version.',
    fix: 'Send `WWW-Authenticate: Bearer resource_metadata="https://<host>/.well-known/oauth-protected-resource/<path>"` on every 401.',
  },
  {
    id: 'challenge.missing-soft',
    severity: 'warning',
    versions: FROM_2025_11_25,
    link: specLink(PROFILE_2026_07_28, 'protected-resource-metadata-discovery-requirements'),
    problem:
      'The 401 has no readable WWW-Authenticate challenge; clients must fall back to the well-known URLs, and RFC 9110 expects a challenge on every 401.',
    fix: 'Send `WWW-Authenticate: Bearer resource_metadata="…", scope="…"` on every 401.',
  },
  {
    id: 'challenge.hidden-by-cors',
    severity: 'error',
    versions: ALL,
    link: 'https://fetch.spec.whatwg.org/#http-access-control-expose-headers',
    problem: 'The browser hid the WWW-Authenticate header from the script: the server did not list it in Access-Control-Expose-Headers (or did not send it).',
    fix: 'Add `Access-Control-Expose-Headers: WWW-Authenticate, Mcp-Session-Id` to every response of the MCP endpoint, including the 401.',
  },
  {
    id: 'challenge.unparseable',
    severity: 'warning',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1',
    problem: 'The WWW-Authenticate header does not follow the RFC 9110 grammar.',
    fix: 'Quote parameter values that contain spaces, commas or other separators, e.g. `Bearer resource_metadata="https://…"`.',
  },
  {
    id: 'challenge.tab-after-scheme',
    severity: 'warning',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1',
    problem:
      'A TAB separates the auth scheme from its parameters; RFC 9110 §11.6.1 (with §11.3) allows only spaces there, so strict clients reject the challenge.',
    fix: 'Put a single space after the scheme: `Bearer resource_metadata="…"`.',
  },
  {
    id: 'challenge.no-bearer',
    severity: 'error',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc6750#section-3',
    problem: 'The 401 challenges with no Bearer scheme, so an OAuth client has nothing to answer.',
    fix: 'Include a `Bearer` challenge in WWW-Authenticate.',
  },
  {
    id: 'challenge.no-scope',
    severity: 'warning',
    versions: FROM_2025_11_25,
    link: specLink(PROFILE_2025_11_25, 'scope-selection-strategy'),
    problem: 'The Bearer challenge carries no `scope`, so the client has to guess which scopes to ask for.',
    fix: 'Add `scope="…"` with the scopes this resource needs to the Bearer challenge.',
  },
  {
    id: 'challenge.nonstandard-error',
    severity: 'warning',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
    problem:
      'The Bearer challenge carries an `error` code that RFC 6750 §3.1 does not define (nor RFC 9470’s insufficient_user_authentication); clients branch on these codes, and an unknown one tells them nothing.',
    fix: 'Send `error="invalid_token"` for an expired, malformed or tampered token, `invalid_request` for a malformed request, `insufficient_scope` for too little scope, and no `error` when the request carried no token.',
  },

  // Step 3–4: protected resource metadata.
  {
    id: 'prm.unreachable',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: RFC9728 + '#section-3',
    problem: 'No protected resource metadata could be fetched, from the challenge URL or from any well-known URL.',
    fix: 'Serve RFC 9728 metadata at /.well-known/oauth-protected-resource/<mcp-path> and point to it from the 401 challenge.',
  },
  {
    id: 'prm.challenge-url-unusable',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: RFC9728 + '#section-5.1',
    problem: 'The resource_metadata URL in the challenge does not serve the metadata, although a well-known URL does.',
    fix: 'Point resource_metadata at the URL that really serves the protected resource metadata.',
  },
  {
    id: 'prm.root-only',
    severity: 'warning',
    versions: FROM_2025_06_18,
    link: RFC9728 + '#section-3.1',
    problem:
      'The protected resource metadata is only at the root well-known URL, and the challenge does not point to it; clients that build the path-inserted URL (or follow only resource_metadata) never find it (python-sdk#1052).',
    fix: 'Serve the metadata at /.well-known/oauth-protected-resource/<mcp-path> too, and name it in resource_metadata on the 401.',
  },
  {
    id: 'prm.behind-auth',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: RFC9728 + '#section-3',
    problem:
      'A protected resource metadata URL answered 401 or 403: something demands credentials before the client can learn where to get them. Its own challenge (often `Basic realm=…` or a sign-in page) usually names a gateway, CDN or proxy in front of the MCP server, or auth middleware that covers every path.',
    fix: 'Exempt /.well-known/* (and OPTIONS preflights) from authentication in whatever answered, so a client without a token can read the metadata; the URL itself needs no change.',
  },
  {
    id: 'prm.not-object',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: RFC9728 + '#section-2',
    problem: 'The protected resource metadata is not a JSON object.',
    fix: 'Serve a JSON object with at least `resource` and `authorization_servers`.',
  },
  {
    id: 'prm.no-authorization-servers',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: specLink(PROFILE_2026_07_28, 'authorization-server-location'),
    problem: 'The protected resource metadata lists no authorization_servers, so the client cannot find where to log in.',
    fix: 'Add `"authorization_servers": ["https://<your-issuer>"]`.',
  },
  {
    id: 'prm.authorization-server-not-https',
    stricterThanSdk: 'The official SDK clients accept any http(s) URL here; they refuse only javascript:, data: and vbscript: URLs.',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: RFC8414 + '#section-2',
    problem:
      'An entry of authorization_servers is not an https issuer URL; entries that are not http(s) at all are left out, since the client can neither fetch nor open them.',
    fix: 'List each authorization server by its https issuer identifier, e.g. `"https://auth.example.com"`.',
  },
  {
    id: 'prm.resource-mismatch',
    stricterThanSdk:
      'The official SDK clients accept a `resource` on the same origin whose path is a prefix of the server URL’s path (e.g. https://host for https://host/mcp); RFC 9728 §3.3 requires the exact URL.',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: RFC9728 + '#section-3.3',
    problem: 'The `resource` in the metadata is not the URL of this MCP server, so the client MUST NOT use the document.',
    fix: 'Make `resource` exactly the MCP server URL the client connects to (mind trailing slashes, scheme, host and port).',
  },
  {
    id: 'prm.resource-fragment',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: 'https://www.rfc-editor.org/rfc/rfc8707#section-2',
    problem: 'The `resource` contains a fragment, which a resource identifier must not have.',
    fix: 'Remove the `#…` part from `resource`.',
  },
  {
    id: 'prm.offline-access-scope',
    severity: 'warning',
    versions: FROM_2025_11_25,
    link: specLink(PROFILE_2025_11_25, 'scope-selection-strategy'),
    problem: '`offline_access` is listed in scopes_supported; it is not a scope of the resource, and clients that request every listed scope will ask for it.',
    fix: 'Leave offline_access out of the protected resource metadata; the authorization server decides about refresh tokens.',
  },

  {
    id: 'metadata.cross-origin-redirect',
    severity: 'warning',
    versions: ALL,
    link: RFC8414 + '#section-3',
    problem: 'A metadata request was redirected to another origin, and the document came from there; the client trusted a server other than the one it asked.',
    fix: 'Serve the metadata at the URL the client builds, without a redirect to another origin.',
  },

  // Step 6: authorization server metadata.
  {
    id: 'as.metadata-unreachable',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'authorization-server-metadata-discovery'),
    problem: 'No authorization server metadata was found at any of the well-known URLs the spec tells clients to try.',
    fix: 'Serve RFC 8414 metadata at /.well-known/oauth-authorization-server (or OpenID configuration) for the issuer.',
  },
  {
    id: 'as.legacy-issuer-differs',
    severity: 'info',
    versions: ['2025-03-26'],
    link: specLink(PROFILE_2025_03_26, 'server-metadata-discovery'),
    problem:
      'The metadata at the MCP server’s origin names an issuer other than that origin; 2025-03-26 clients find the metadata from the MCP URL, so they take the issuer as stated.',
    fix: 'Nothing to fix for 2025-03-26; from 2025-06-18 on, the protected resource metadata names the issuer and it must match exactly.',
  },
  {
    id: 'as.not-object',
    severity: 'error',
    versions: ALL,
    link: RFC8414 + '#section-3.2',
    problem: 'The authorization server metadata is not a JSON object.',
    fix: 'Serve the RFC 8414 metadata document as a JSON object.',
  },
  {
    id: 'as.issuer-mismatch',
    stricterThanSdk: 'The official SDK clients do not compare the metadata’s `issuer` with the authorization server URL, so they use this document.',
    severity: 'error',
    versions: ALL,
    link: RFC8414 + '#section-3.3',
    problem: 'The `issuer` in the metadata is not identical to the issuer the URL was built from, so the client MUST NOT use it.',
    fix: 'Make `issuer` exactly the authorization server URL listed in the protected resource metadata (scheme, host, port, path, no trailing slash drift).',
  },
  {
    id: 'as.missing-endpoint',
    severity: 'error',
    versions: ALL,
    link: RFC8414 + '#section-2',
    problem: 'The metadata lacks an endpoint the authorization code flow needs (authorization_endpoint or token_endpoint).',
    fix: 'Add authorization_endpoint and token_endpoint to the metadata.',
  },
  {
    id: 'as.endpoint-not-https',
    stricterThanSdk: 'The official SDK clients accept any http(s) endpoint; they refuse only javascript:, data: and vbscript: URLs.',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'communication-security'),
    problem: 'An endpoint in the metadata is not https (loopback addresses are tolerated for local development).',
    fix: 'Serve every authorization server endpoint over https.',
  },
  {
    id: 'as.pkce-methods-absent',
    stricterThanSdk: 'The official SDK clients go on with S256 when code_challenge_methods_supported is absent; they refuse only a list without S256.',
    severity: 'error',
    versions: FROM_2025_11_25,
    link: specLink(PROFILE_2025_11_25, 'authorization-code-protection'),
    problem:
      'The metadata has no code_challenge_methods_supported, so the client cannot confirm PKCE support and MUST refuse (Entra ID and Cognito are known to omit it).',
    fix: 'Add `"code_challenge_methods_supported": ["S256"]` to the metadata.',
  },
  {
    id: 'as.pkce-s256-missing',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'authorization-code-protection'),
    problem: 'The metadata does not list S256 in code_challenge_methods_supported; MCP clients MUST use S256.',
    fix: 'Support PKCE with S256 and list it in code_challenge_methods_supported.',
  },

  // Step 8: registration.
  {
    id: 'registration.unavailable',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'client-registration-approaches'),
    problem: 'The authorization server offers no registration_endpoint, and no client id was given.',
    fix: 'Enable dynamic client registration or client ID metadata documents, or pre-register a client and give its client id ({client-id}).',
  },
  {
    id: 'registration.rejected',
    severity: 'error',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2',
    problem: 'The authorization server refused the dynamic client registration.',
    fix: 'Read the error in the response; allow public clients (token_endpoint_auth_method "none"), this redirect URI and this application_type.',
  },

  {
    id: 'registration.response-nonconforming',
    severity: 'warning',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1',
    problem:
      'The registration succeeded, but its response breaks RFC 7591 (for example a client_secret without client_secret_expires_at); strict clients refuse it.',
    fix: 'Return every field RFC 7591 §3.2.1 requires, e.g. `"client_secret_expires_at": 0` when the secret does not expire.',
  },
  {
    id: 'registration.cimd-unsupported',
    severity: 'warning',
    versions: ALL,
    link: specLink(PROFILE_2025_11_25, 'client-id-metadata-documents'),
    problem: 'A client metadata document URL was given, but the authorization server does not advertise client_id_metadata_document_supported.',
    fix: 'Set `"client_id_metadata_document_supported": true` in the metadata if the server accepts URL client ids, or use another registration approach.',
  },
  {
    id: 'registration.cimd-url-invalid',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2025_11_25, 'client-id-metadata-documents'),
    problem: 'A Client ID Metadata Document client_id must be an https URL with a path and no fragment.',
    fix: 'Host the client metadata JSON at an https URL such as https://app.example.com/oauth/client.json and use that URL.',
  },
  {
    id: 'registration.bound-to-other-issuer',
    severity: 'error',
    versions: ['2026-07-28'],
    link: specLink(PROFILE_2026_07_28, 'client-registration-approaches'),
    problem: 'These client credentials were issued by another authorization server; credentials are bound to their issuer and MUST NOT be sent elsewhere.',
    fix: 'Register a client with this authorization server, or point the protected resource metadata back at the issuer the credentials came from.',
  },
  {
    id: 'registration.auth-method-changed',
    severity: 'warning',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1',
    problem: 'The client asked to register as a public client (token_endpoint_auth_method "none") but the server registered it with another method.',
    fix: 'Honour the requested token_endpoint_auth_method for public clients, or reject the registration with invalid_client_metadata.',
  },
  {
    id: 'scope.override',
    severity: 'warning',
    versions: ALL,
    link: specLink(PROFILE_2025_11_25, 'scope-selection-strategy'),
    problem: 'The scopes were set by hand instead of by the spec’s selection rules (challenge scope, else scopes_supported), so this run is off-spec.',
    fix: 'Run without the scope override ({scope}) to see what a conforming client would request.',
  },
  {
    id: 'as.several-servers',
    severity: 'info',
    versions: FROM_2025_06_18,
    link: specLink(PROFILE_2026_07_28, 'authorization-server-location'),
    problem: 'The protected resource metadata lists several authorization servers; the client chooses one.',
    fix: 'Nothing to fix: credentials and tokens are kept apart for each authorization server.',
  },
  {
    id: 'as.changed',
    severity: 'warning',
    versions: FROM_2025_06_18,
    link: specLink(PROFILE_2026_07_28, 'authorization-server-location'),
    problem:
      'The protected resource metadata now names another authorization server than the one the client holds credentials for. The client treats it as a new server: it registers and authorizes again, and the user consents again.',
    fix: 'If the move is deliberate, nothing to fix. Otherwise keep authorization_servers stable: every client loses its tokens and registration when it changes.',
  },

  // Steps 9–10: authorize and callback.
  {
    id: 'authorize.redirect-uri-insecure',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'communication-security'),
    problem: 'The redirect URI is neither https nor a loopback address; authorization codes would travel in the clear.',
    fix: 'Serve the app over https, or use http://localhost (or 127.0.0.1) for local development.',
  },
  {
    id: 'authorize.endpoint-refused',
    severity: 'error',
    versions: ALL,
    link: RFC8414 + '#section-2',
    problem:
      'The authorization endpoint is not an https URL (http is tolerated on loopback only), so the app refused to open it: a javascript:, data:, file: or custom-scheme URL from a server could run script or launch another program.',
    fix: 'Publish an https authorization_endpoint in the authorization server metadata; OAuth 2.1 (§1.5) and RFC 8414 (§2) require https endpoints.',
  },
  {
    id: 'authorize.no-callback',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-4.1.2.1',
    problem:
      'The authorization server never redirected back to the app. Most often it does not accept this redirect_uri exactly (localhost vs 127.0.0.1, another port or path) and shows its own error page; or the user gave up.',
    fix: 'Register the exact redirect_uri shown here with the authorization server, then try again.',
  },
  {
    id: 'authorize.popup-blocked',
    severity: 'info',
    versions: ALL,
    link: 'https://developer.mozilla.org/en-US/docs/Web/API/Window/open#return_value',
    problem:
      'The browser blocked the login popup, so the app continued with a full-page redirect and restored the session when the authorization server sent the browser back.',
    fix: 'Nothing is broken; allow popups for this page to keep the diagram on screen during the login.',
  },
  {
    id: 'callback.other-origin',
    severity: 'error',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc8252#section-8.3',
    problem:
      'The authorization server sent the browser back to another origin than the one the app runs on (localhost vs 127.0.0.1, or another port), so the app cannot receive the code.',
    fix: 'Register and use a redirect_uri on exactly the app’s origin, and make the server redirect to the registered value unchanged.',
  },
  {
    id: 'callback.error',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-4.1.2.1',
    problem: 'The authorization server redirected back with an error instead of a code.',
    fix: 'Read error and error_description: usually a redirect_uri, scope, resource or client the server does not accept.',
  },
  {
    id: 'callback.state-mismatch',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-10.12',
    problem: 'The `state` on the callback is missing or differs from the one sent, so the response cannot be trusted.',
    fix: 'Return the exact `state` value the client sent, unchanged.',
  },
  {
    id: 'callback.iss-mismatch',
    stricterThanSdk: 'The official SDK clients do not read `iss` on the authorization response (RFC 9207), so they accept this callback.',
    severity: 'error',
    versions: ALL,
    link: RFC9207 + '#section-2.4',
    problem: 'The `iss` on the callback is not the issuer the client started the flow with (a possible mix-up attack); the response MUST be rejected.',
    fix: 'Send `iss` equal to the `issuer` in the authorization server metadata.',
  },
  {
    id: 'callback.iss-missing',
    stricterThanSdk: 'The official SDK clients do not read `iss` on the authorization response (RFC 9207), so they accept this callback.',
    severity: 'error',
    versions: ALL,
    link: RFC9207 + '#section-2.4',
    problem: 'The metadata advertises authorization_response_iss_parameter_supported, but the callback has no `iss`.',
    fix: 'Add `iss` to every authorization response, or stop advertising the parameter.',
  },
  {
    id: 'callback.no-code',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-4.1.2',
    problem: 'The callback has neither a `code` nor an `error`.',
    fix: 'Redirect back with `code` and `state` (or `error`) as query parameters.',
  },

  // Step 11: token.
  {
    id: 'token.request-failed',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-5.2',
    problem: 'The token endpoint did not issue tokens for the authorization code.',
    fix: 'Read the error in the response: usually the code_verifier, redirect_uri, resource or client authentication does not match.',
  },
  {
    id: 'token.type-not-bearer',
    stricterThanSdk: 'The official SDK clients accept any token_type and send the token as Bearer anyway.',
    severity: 'error',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc6750#section-4',
    problem: 'The token response does not say token_type "Bearer".',
    fix: 'Issue Bearer access tokens (token_type "Bearer", case-insensitive).',
  },
  {
    id: 'token.audience-mismatch',
    stricterThanSdk: 'The official SDK clients never read the access token, so they do not notice its audience.',
    severity: 'error',
    versions: FROM_2025_06_18,
    link: specLink(PROFILE_2026_07_28, 'token-audience-binding-and-validation'),
    problem: 'The access token is a JWT whose `aud` does not name this MCP server, so the server MUST reject it (or it accepts tokens meant for others).',
    fix: 'Honour the RFC 8707 `resource` parameter and put the MCP server URL in the token audience.',
  },
  {
    id: 'token.no-audience',
    stricterThanSdk: 'The official SDK clients never read the access token, so they do not notice it has no audience.',
    severity: 'warning',
    versions: FROM_2025_06_18,
    link: specLink(PROFILE_2026_07_28, 'token-audience-binding-and-validation'),
    problem:
      'The access token is a JWT without an `aud` claim, so nothing in it names this MCP server; the server must bind it by other claims (the client, the scopes) or it accepts tokens issued for other APIs.',
    fix: 'Have the authorization server put the MCP server URL in `aud` (RFC 8707 `resource`, RFC 9068 §2.2); where it cannot, make the MCP server check the claims that do bind the token (issuer, client, scopes).',
  },

  {
    id: 'token.no-refresh-token',
    severity: 'info',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'refresh-tokens'),
    problem: 'No refresh token was issued, so the user must log in again when the access token expires.',
    fix: 'Nothing is wrong: clients must not assume a refresh token. Issue one (with rotation for public clients) if sessions should outlive the access token.',
  },
  {
    id: 'oauth.error-with-success-status',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-5.2',
    problem:
      'An OAuth endpoint (token or registration) answered with an error body but a 2xx status; clients read a 2xx as success and fail on missing fields instead of reporting the error.',
    fix: 'Send OAuth errors with HTTP 400 (RFC 6749 §5.2, RFC 7591 §3.2.2; 401 for invalid_client at the token endpoint), keeping the `error` and `error_description` body.',
  },
  // Step 12: the retry.
  {
    id: 'mcp.authenticated-request-failed',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'access-token-usage'),
    problem: 'The MCP server did not accept the request made with the new access token.',
    fix: 'Check that the server validates tokens from this issuer with this audience and scope, and read its error response.',
  },
  {
    id: 'mcp.session-id-hidden-by-cors',
    severity: 'warning',
    versions: ['2025-03-26', '2025-06-18', '2025-11-25'],
    link: 'https://fetch.spec.whatwg.org/#http-access-control-expose-headers',
    problem:
      'No Mcp-Session-Id could be read from the initialize response: either the server sets none, or it does not expose it, so a browser client loses its session (typescript-sdk#764).',
    fix: 'Add Mcp-Session-Id to Access-Control-Expose-Headers on every response of the MCP endpoint.',
  },
  {
    id: 'mcp.jsonrpc-error',
    severity: 'error',
    versions: ALL,
    link: 'https://www.jsonrpc.org/specification#error_object',
    problem: 'The MCP server answered with a JSON-RPC error.',
    fix: 'Read the error code and message; the request shape or headers may not match what the server expects for this protocol version.',
  },

  // Step 13: refresh.
  {
    id: 'refresh.failed',
    severity: 'error',
    versions: ALL,
    link: RFC6749 + '#section-6',
    problem: 'The refresh token grant did not return a new access token.',
    fix: 'Read the error: usually the refresh token was already used (rotation), expired, or the resource parameter is not accepted.',
  },
  {
    id: 'refresh.not-rotated',
    stricterThanSdk: 'The official SDK clients keep using the old refresh token when the response has none.',
    severity: 'error',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2',
    problem: 'The authorization server did not rotate the refresh token of a public client; it MUST, so a stolen refresh token stops working once used.',
    fix: 'Issue a new refresh token with every refresh for public clients and invalidate the old one.',
  },

  // Step 14: step-up.
  {
    id: 'stepup.reauthorized',
    severity: 'info',
    versions: ALL,
    link: specLink(PROFILE_2025_11_25, 'step-up-authorization-flow'),
    problem: 'The server answered 403 insufficient_scope, and the client re-authorized for more scope before retrying.',
    fix: 'Nothing is wrong; ask for the scopes a client needs up front (in the challenge) to spare users a second consent.',
  },
  {
    id: 'stepup.retry-limit',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2025_11_25, 'step-up-authorization-flow'),
    problem: 'The server still answered 403 insufficient_scope after re-authorization with the scopes it asked for; the client stops instead of looping.',
    fix: 'Make the scope in the 403 challenge the scopes the request really needs, and make the authorization server grant them.',
  },
  {
    id: 'stepup.no-scope',
    severity: 'warning',
    versions: ALL,
    link: specLink(PROFILE_2025_11_25, 'runtime-insufficient-scope-errors'),
    problem: 'The 403 insufficient_scope challenge does not say which scope is needed.',
    fix: 'Add `scope="…"` with the scopes the request needs to the 403 Bearer challenge.',
  },
  {
    id: 'mcp.forbidden',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'error-handling'),
    problem: 'The MCP server refused the request with 403 and no insufficient_scope challenge to act on.',
    fix: 'Answer 403 with `WWW-Authenticate: Bearer error="insufficient_scope", scope="…"` when more scope would help.',
  },

  // Token validation audit (opt-in probes).
  {
    id: 'audit.accepts-invalid-token',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'token-handling'),
    problem: 'The MCP server accepted a request with a missing, malformed or tampered token: it does not validate access tokens, and MUST answer 401.',
    fix: 'Validate every token (signature against the issuer’s JWKS, iss, aud, exp, scope) before serving the request.',
  },
  {
    id: 'audit.no-challenge',
    severity: 'warning',
    versions: ALL,
    link: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1',
    problem: 'The MCP server rejected an invalid token with 401 but without a WWW-Authenticate challenge.',
    fix: 'Send `WWW-Authenticate: Bearer error="invalid_token", resource_metadata="…"` with the 401.',
  },
  {
    id: 'audit.wrong-refusal-status',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'token-handling'),
    problem:
      'The MCP server refused a request with a missing, malformed or tampered token, but not with 401 (with 400, 403, or a 2xx without a result); clients re-authorize only on 401.',
    fix: 'Answer every request without a valid token with 401 and `WWW-Authenticate: Bearer error="invalid_token", resource_metadata="…"`.',
  },
  {
    id: 'audit.crash-on-invalid-token',
    severity: 'error',
    versions: ALL,
    link: specLink(PROFILE_2026_07_28, 'token-handling'),
    problem:
      'The MCP server answered a request with a missing, malformed or tampered token with a 5xx: token validation failed inside the server instead of refusing with 401.',
    fix: 'Catch token parsing and verification errors and answer 401 with a Bearer challenge; look at the server log for this request.',
  },

  // Version choice.
  {
    id: 'version.legacy-path',
    severity: 'info',
    versions: ['2025-03-26'],
    link: specLink(PROFILE_2025_03_26, 'server-metadata-discovery'),
    problem: 'This server is on the 2025-03-26 path: no protected resource metadata, the authorization server at the MCP server’s own origin.',
    fix: 'Nothing is wrong for 2025-03-26 clients; newer clients need protected resource metadata (2025-06-18 and later).',
  },
  {
    id: 'version.auto-chosen',
    severity: 'info',
    versions: ALL,
    link: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning',
    problem: 'The spec version was chosen automatically from what the server showed.',
    fix: 'Nothing to fix; pick a version by hand ({spec}) to see how a client of that version fares.',
  },
  {
    id: 'version.rejected',
    severity: 'error',
    versions: ALL,
    link: 'https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning',
    problem:
      'The MCP server refused the request because of the protocol version this run speaks, not because of the token: it does not speak this version (its answer shows which one it seems to speak).',
    fix: 'Run again with the version the server speaks, or auto ({spec}); to serve clients of this version, the server must accept its first request (initialize or server/discover).',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

// The model names rule ids without importing the catalog (see model/registered.ts).
declare module '../model/registered.ts' {
  interface Registered {
    // Spelled out: inside this block, the name RuleId would be the model's own.
    ruleId: (typeof RULES)[number]['id'];
  }
}

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: RuleId): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`Unknown rule id ${id}`);
  return rule;
}

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
