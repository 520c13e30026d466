/**
 * What the official conformance suite (@modelcontextprotocol/conformance) tells a client through
 * its environment. The suite runs `<command> <server-url>` once per scenario and sets:
 * - MCP_CONFORMANCE_SCENARIO: the scenario name (we only show it; behaviour never depends on it);
 * - MCP_CONFORMANCE_CONTEXT: JSON with scenario data, e.g. pre-registered credentials
 *   `{ "name": "auth/pre-registration", "client_id": "…", "client_secret": "…" }`, or for
 *   private_key_jwt `{ "client_id", "private_key_pem", "signing_algorithm" }`;
 * - MCP_CONFORMANCE_PROTOCOL_VERSION: the spec version to speak (newer suites only; 0.1.12 does not set it).
 */

export interface ConformanceEnv {
  scenario?: string;
  protocolVersion?: string;
  context: ConformanceContext;
}

export interface ConformanceContext {
  clientId?: string;
  clientSecret?: string;
  /** For private_key_jwt client authentication (client_credentials scenarios). */
  privateKeyPem?: string;
  signingAlgorithm?: string;
}

type Env = Record<string, string | undefined>;

const CONTEXT_FIELDS = {
  client_id: 'clientId',
  client_secret: 'clientSecret',
  private_key_pem: 'privateKeyPem',
  signing_algorithm: 'signingAlgorithm',
} as const satisfies Record<string, keyof ConformanceContext>;

export function readConformanceEnv(env: Env): ConformanceEnv | { error: string } {
  const context = parseContext(env.MCP_CONFORMANCE_CONTEXT);
  if ('error' in context) return context;
  return {
    ...(nonEmpty(env.MCP_CONFORMANCE_SCENARIO) ? { scenario: env.MCP_CONFORMANCE_SCENARIO!.trim() } : {}),
    ...(nonEmpty(env.MCP_CONFORMANCE_PROTOCOL_VERSION) ? { protocolVersion: env.MCP_CONFORMANCE_PROTOCOL_VERSION!.trim() } : {}),
    context,
  };
}

export function parseContext(raw: string | undefined): ConformanceContext | { error: string } {
  if (!nonEmpty(raw)) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw!);
  } catch (error) {
    return { error: `MCP_CONFORMANCE_CONTEXT is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'MCP_CONFORMANCE_CONTEXT must be a JSON object.' };
  const context: ConformanceContext = {};
  for (const [key, field] of Object.entries(CONTEXT_FIELDS)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || member === null) continue;
    if (typeof member !== 'string') return { error: `MCP_CONFORMANCE_CONTEXT.${key} must be a string.` };
    context[field] = member;
  }
  return context;
}

function nonEmpty(value: string | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
