import type { Challenge } from './challenge.ts';
import type { Exchange } from './exchange.ts';
import type { Finding } from './finding.ts';
import type { SpecVersion } from './registered.ts';
import type { Step } from './step.ts';

export type RegistrationMode = 'auto' | 'pre-registered' | 'cimd' | 'dcr';

/**
 * How the client gets a client_id. Auto follows the spec's order: pre-registered (when a client id
 * is given), then a Client ID Metadata Document (when a URL is given and the server supports it),
 * then dynamic registration, then it asks the user.
 */
export interface RegistrationSettings {
  mode: RegistrationMode;
  clientId?: string;
  clientSecret?: string;
  /** For CIMD: the https URL of our client metadata document, which is also the client_id. */
  clientMetadataUrl?: string;
  /** The issuer a pre-registered client id belongs to; a flow that leads elsewhere must not use it. */
  issuer?: string;
}

export interface FlowSettings {
  serverUrl: string;
  specVersion: SpecVersion;
  /** Auto: probe the server and settle on the newest version it speaks (specVersion is then the current guess). */
  autoVersion?: boolean;
  /** Per-request time limit. */
  timeoutMs: number;
  /** Where the authorization server sends the browser back: the app's callback.html page (the CLI: its loopback /callback). */
  redirectUri: string;
  clientName: string;
  registration: RegistrationSettings;
  /** Scopes chosen by the user instead of the spec's selection rules: allowed, but flagged as off-spec. */
  scopeOverride?: string;
  /** Which of several authorization servers in the PRM to use; otherwise the user is asked (or the first is used). */
  authorizationServer?: string;
  /**
   * Relay mode: every request goes through the local relay instead of the browser, so CORS cannot
   * stop the flow; each exchange still says what a browser would have refused. Ignored without a relay.
   */
  viaRelay?: boolean;
}

export interface ProtectedResourceMetadata {
  resource?: string;
  authorization_servers?: string[];
  scopes_supported?: string[];
  [key: string]: unknown;
}

export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  registration_endpoint?: string;
  code_challenge_methods_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  client_id_metadata_document_supported?: boolean;
  authorization_response_iss_parameter_supported?: boolean;
  [key: string]: unknown;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method?: string;
  /** The issuer these credentials belong to (2026-07-28: credentials are bound to their issuer). */
  issuer?: string;
  [key: string]: unknown;
}

export interface TokenSet {
  /** The issuer that granted these tokens: tokens are never sent to another one's resources. */
  issuer?: string;
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
}

export interface ToolSummary {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
}

/** Everything the flow has learned so far. Secrets live here, so this never goes to localStorage. */
export interface Learned {
  challenges?: Challenge[];
  resourceMetadataUrl?: string;
  challengeScope?: string;
  /** Set while a step-up re-authorization is under way: the scopes it asks for. */
  stepUpScope?: string;
  prmUrl?: string;
  prm?: ProtectedResourceMetadata;
  issuer?: string;
  asMetadataUrl?: string;
  asMetadata?: AuthorizationServerMetadata;
  client?: RegisteredClient;
  pkce?: { verifier: string; challenge: string; method: 'S256' };
  state?: string;
  scope?: string;
  resource?: string;
  authorizeUrl?: string;
  callbackUrl?: string;
  code?: string;
  tokens?: TokenSet;
  accessTokenClaims?: Record<string, unknown>;
  mcpSessionId?: string;
  /** The MCP protocol version requests use, when automatic choice settled on one. */
  protocolVersion?: SpecVersion;
  /** What initialize negotiated, as the server said it. */
  negotiatedVersion?: string;
  tools?: ToolSummary[];
}

export type FlowStatus = 'idle' | 'running' | 'waiting-for-user' | 'done' | 'failed';

/** A whole run as plain data: it serialises to JSON, survives a redirect, exports and imports. */
export interface FlowSession {
  format: 'mcp-auth-flow/session@1';
  settings: FlowSettings;
  status: FlowStatus;
  steps: Step[];
  /** The user continued past an error: what follows is not what a conforming client would do. */
  offSpec?: boolean;
  exchanges: Exchange[];
  findings: Finding[];
  learned: Learned;
}
