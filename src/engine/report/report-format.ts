import type { Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/finding.ts';
import type { FlowStatus, RegistrationMode, ToolSummary } from '../model/session.ts';
import type { StepStatus } from '../model/step.ts';
import type { StepKind } from '../model/step-kind.ts';
import type { ProviderExplanation, ProviderView } from '../providers/explain.ts';

/**
 * The JSON report: one run, as the CLI prints it with --json and the app exports it.
 * Version 1 of the format; a reader checks `format` before anything else.
 */
export const REPORT_FORMAT = 'mcp-auth-flow/report@1';

/** Kept equal to package.json by a test. */
export const GENERATOR = { name: 'mcp-auth-flow', version: '0.1.0' } as const;

export interface FlowReport {
  format: typeof REPORT_FORMAT;
  generator: { name: string; version: string };
  /** ISO 8601. */
  generatedAt: string;
  /** The MCP server URL the run started from. */
  server: string;
  specVersion: string;
  status: FlowStatus;
  /** The user continued past an error: what follows is not what a conforming client would do. */
  offSpec?: boolean;
  /** False only when the report was built with includeSecrets. */
  redacted: boolean;
  settings: ReportSettings;
  /** What the run learned that is worth sharing; never a token, code, verifier or secret. */
  facts: ReportFacts;
  steps: ReportStep[];
  /** As recorded (redacted unless includeSecrets). */
  exchanges: Exchange[];
  findings: ReportFinding[];
  /** The identity provider recognised behind the run, with the evidence (docs/providers.md). */
  provider?: ProviderView['provider'];
}

/** The run's settings without the client secret. */
export interface ReportSettings {
  autoVersion?: boolean;
  timeoutMs: number;
  redirectUri: string;
  clientName: string;
  registrationMode: RegistrationMode;
  clientId?: string;
  clientMetadataUrl?: string;
  /** True when a client secret was configured (its value is never in the report). */
  clientSecretConfigured?: boolean;
  scopeOverride?: string;
  authorizationServer?: string;
}

export interface ReportFacts {
  /** The MCP protocol version the requests used, when chosen automatically. */
  protocolVersion?: string;
  /** What initialize negotiated, as the server said it. */
  negotiatedVersion?: string;
  resource?: string;
  resourceMetadataUrl?: string;
  prmUrl?: string;
  authorizationServers?: string[];
  scopesSupported?: string[];
  challengeScope?: string;
  issuer?: string;
  asMetadataUrl?: string;
  clientId?: string;
  tokenEndpointAuthMethod?: string;
  /** The scope the authorization request asked for. */
  requestedScope?: string;
  /** The scope the token response granted, when it said. */
  grantedScope?: string;
  tokenType?: string;
  expiresIn?: number;
  refreshTokenIssued?: boolean;
  /** Non-secret claims of a JWT access token. */
  accessTokenClaims?: { iss?: unknown; aud?: unknown; scope?: unknown; exp?: unknown };
  tools?: ToolSummary[];
}

export interface ReportStep {
  id: string;
  kind: StepKind;
  title: string;
  status: StepStatus;
  summary?: string;
  notes: string[];
  exchangeIds: string[];
  startedAt?: number;
  endedAt?: number;
  /** Ran after the user chose to continue past an error. */
  offSpec?: boolean;
}

export interface ReportFinding extends Finding {
  /** From the rule catalog; absent when the rule id is unknown to this version. */
  problem?: string;
  fix?: string;
  link?: string;
  /** Where the rule is stricter than the official SDK clients, and what they accept instead. */
  stricterThanSdk?: string;
  /** The recognised provider's known deviation that explains this finding: its cause and the fix to apply there. */
  provider?: ProviderExplanation;
}
