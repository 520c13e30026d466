/**
 * The demo's fault scenarios: what each breaks, in a server developer's words, and the rules
 * (src/engine/rules/catalog.ts) a client should raise against it. Each one is served at
 * /s/<id>/mcp on the demo MCP server's origin; `healthy` is the unbroken /mcp.
 */

export interface Scenario {
  id: string;
  title: string;
  /** One line on what is broken, as the server's developer would put it. */
  breaks: string;
  /** The step where a client first meets the problem (a step kind of the app's engine). */
  step: string;
  /** Rule ids the client should raise, existing or proposed (PROPOSED_RULE_IDS). */
  rules: readonly string[];
  /** A client id registered in advance, for a server without dynamic registration. */
  clientId?: string;
  /** The spec version a client should speak to this server, when not the latest. */
  spec?: string;
}

/** Rule ids these scenarios need that the engine's catalog does not have yet (none now). */
export const PROPOSED_RULE_IDS: readonly string[] = [];

export const PRE_REGISTERED_CLIENT_ID = 'mcp-auth-flow-demo';

export const SCENARIOS = [
  {
    id: 'healthy',
    title: 'Healthy server',
    breaks: 'Nothing: every step follows the spec and sends the CORS headers a browser needs.',
    step: 'mcp-authenticated',
    rules: [],
  },
  {
    id: 'challenge-not-exposed',
    title: 'WWW-Authenticate not exposed',
    breaks: 'The 401 carries the challenge, but Access-Control-Expose-Headers lists only Mcp-Session-Id, so the browser hides WWW-Authenticate.',
    step: 'challenge',
    rules: ['challenge.hidden-by-cors'],
  },
  {
    id: 'no-cors',
    title: 'No CORS at all',
    breaks: 'The MCP endpoint sends no Access-Control-* headers, not even on the preflight, so the browser blocks every request.',
    step: 'mcp-unauthenticated',
    rules: ['http.blocked', 'cors.no-allow-origin'],
  },
  {
    id: 'preflight-needs-auth',
    title: 'Preflight demands auth',
    breaks: 'The auth middleware runs before CORS, so the OPTIONS preflight gets 401 without CORS headers and the browser never sends the request.',
    step: 'mcp-unauthenticated',
    rules: ['http.blocked', 'cors.preflight-unauthorized'],
  },
  {
    id: 'token-no-cors',
    title: 'Token endpoint without CORS',
    breaks: "The authorization server's /token answers without Access-Control-Allow-Origin, so the browser cannot read the tokens it issued.",
    step: 'token',
    rules: ['http.blocked', 'cors.no-allow-origin'],
  },
  {
    id: 'no-challenge',
    title: '401 with no challenge',
    breaks: 'The 401 has no WWW-Authenticate header at all; the metadata is only at the well-known URL.',
    step: 'challenge',
    rules: ['challenge.missing-soft'],
  },
  {
    id: 'prm-root-only',
    title: 'PRM only at the root',
    breaks:
      'Protected resource metadata is served at /.well-known/oauth-protected-resource only, not at the path-inserted URL, and the challenge does not point to it.',
    step: 'prm',
    rules: ['prm.root-only'],
  },
  {
    id: 'prm-resource-mismatch',
    title: 'PRM resource does not match',
    breaks: 'The metadata says resource ".../mcp/" (trailing slash) for the endpoint ".../mcp".',
    step: 'prm',
    rules: ['prm.resource-mismatch'],
  },
  {
    id: 'no-dcr',
    title: 'No dynamic registration',
    breaks: `The authorization server has no registration_endpoint; the only client is the pre-registered "${PRE_REGISTERED_CLIENT_ID}".`,
    step: 'registration',
    rules: ['registration.unavailable'],
    clientId: PRE_REGISTERED_CLIENT_ID,
  },
  {
    id: 'pkce-not-advertised',
    title: 'No S256 advertised',
    breaks: 'The authorization server metadata has no code_challenge_methods_supported (as Entra ID and Cognito), although PKCE works.',
    step: 'as-discovery',
    rules: ['as.pkce-methods-absent'],
  },
  {
    id: 'issuer-mismatch',
    title: 'Issuer mismatch',
    breaks: 'The metadata fetched for ".../common" says issuer ".../{tenantid}", Entra ID style.',
    step: 'as-discovery',
    rules: ['as.issuer-mismatch'],
  },
  {
    id: 'wrong-iss',
    title: 'Wrong iss on the callback',
    breaks: "The authorization response carries iss = the host's base URL, not the issuer in the metadata.",
    step: 'callback',
    rules: ['callback.iss-mismatch'],
  },
  {
    id: 'redirect-uri-mismatch',
    title: 'Strict redirect URI mismatch',
    breaks: 'Registration accepts a localhost redirect_uri, but /authorize only accepts 127.0.0.1 and shows its own error page instead of redirecting back.',
    step: 'authorize',
    rules: ['authorize.no-callback'],
  },
  {
    id: 'accepts-any-token',
    title: 'Accepts any token',
    breaks: 'The MCP endpoint answers 401 without a token, then accepts any Bearer value, even garbage, without validating it.',
    step: 'audit',
    rules: ['audit.accepts-invalid-token'],
  },
  {
    id: 'step-up',
    title: 'Step-up on every tool',
    breaks:
      'Nothing: every tools/call needs mcp:admin, and the 403 challenge names only that missing scope, so the client re-authorizes (2026-07-28: with the union of scopes).',
    step: 'tool-call',
    rules: ['stepup.reauthorized'],
  },
  {
    id: 'legacy-2025-03-26',
    title: 'Legacy 2025-03-26 server',
    breaks: 'No protected resource metadata; the authorization server is the MCP origin itself, with the default /authorize, /token and /register.',
    step: 'as-discovery',
    rules: ['version.legacy-path'],
    spec: '2025-03-26',
  },
  {
    id: 'html-not-json',
    title: 'HTML where JSON belongs',
    breaks: 'The protected resource metadata URL answers 200 with an HTML login page instead of JSON.',
    step: 'prm',
    rules: ['http.not-json'],
  },
  {
    id: 'metadata-behind-gateway',
    title: 'Gateway guards the metadata URL',
    breaks:
      'The 401 names metadata under the MCP path, where an API gateway answers with its own Basic 401 page and no CORS; it exempts only /.well-known/*, where the metadata also is.',
    step: 'prm',
    rules: ['http.blocked', 'prm.behind-auth'],
  },
  {
    id: 'never-answers',
    title: 'Server never answers',
    breaks: 'The MCP endpoint accepts the connection and never sends a response.',
    step: 'mcp-unauthenticated',
    rules: ['http.timeout'],
  },
] as const satisfies readonly Scenario[];

export type ScenarioId = (typeof SCENARIOS)[number]['id'];

export const SCENARIO_PATH_PREFIX = '/s';

/** The scenario's MCP endpoint on the demo MCP server's origin; healthy is /mcp itself. */
export function scenarioMcpUrl(mcpOrigin: string, id: ScenarioId): string {
  return id === 'healthy' ? `${mcpOrigin}/mcp` : `${mcpOrigin}${SCENARIO_PATH_PREFIX}/${id}/mcp`;
}
