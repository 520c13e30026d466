import type { Challenge } from '../auth/challenge.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Finding } from '../rules/rule.ts';
import type { SpecVersion } from '../spec/versions.ts';
import type { StepKind } from '../steps/step-kind.ts';

export type StepStatus = 'pending' | 'running' | 'ok' | 'warning' | 'failed' | 'blocked' | 'skipped';

export interface Step {
  /** Unique in the session: the kind for the main flow, `kind-N` for repeated steps (tool calls, refresh…). */
  id: string;
  kind: StepKind;
  /** A title for this instance when the kind's own title is not specific enough ("Call tool echo"). */
  title?: string;
  status: StepStatus;
  exchangeIds: string[];
  /** Short facts worth showing in the diagram, e.g. "Bearer, scope=mcp:tools". Plain text. */
  notes: string[];
  /** One line on how the step ended, shown under its title. */
  summary?: string;
  startedAt?: number;
  endedAt?: number;
}

export interface FlowSettings {
  serverUrl: string;
  specVersion: SpecVersion;
  /** Per-request time limit. */
  timeoutMs: number;
  /** Where the authorization server sends the browser back: the app's /callback page. */
  redirectUri: string;
  clientName: string;
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
  authorization_response_iss_parameter_supported?: boolean;
  [key: string]: unknown;
}

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method?: string;
  [key: string]: unknown;
}

export interface TokenSet {
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
}

/** Everything the flow has learned so far. Secrets live here, so this never goes to localStorage. */
export interface Learned {
  challenges?: Challenge[];
  resourceMetadataUrl?: string;
  challengeScope?: string;
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
  tools?: ToolSummary[];
}

export type FlowStatus = 'idle' | 'running' | 'waiting-for-user' | 'done' | 'failed';

/** A whole run as plain data: it serialises to JSON, survives a redirect, exports and imports. */
export interface FlowSession {
  format: 'mcp-auth-flow/session@1';
  settings: FlowSettings;
  status: FlowStatus;
  steps: Step[];
  exchanges: Exchange[];
  findings: Finding[];
  learned: Learned;
}
