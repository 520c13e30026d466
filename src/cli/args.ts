import { parseArgs } from 'node:util';
import { DEFAULT_TIMEOUT_MS } from '../engine/flow/create-session.ts';
import { DEFAULT_SPEC_CHOICE } from '../engine/spec/default-choice.ts';
import { SPEC_VERSIONS, isSpecVersion, type SpecVersion } from '../engine/spec/versions.ts';
import { readConformanceEnv } from './conformance-env.ts';

export interface CliOptions {
  serverUrl: string;
  spec: SpecVersion | 'auto';
  json: boolean;
  clientId?: string;
  clientSecret?: string;
  clientMetadataUrl?: string;
  scope?: string;
  audit: boolean;
  /** Go on past an error a conforming client must stop at, as the app's "Continue anyway" does; later steps are off-spec. */
  continueOnError?: boolean;
  timeoutMs: number;
  /** How long to wait for a person to log in when the authorization server does not redirect straight back. */
  loginTimeoutMs?: number;
  /** The callback listener's port; a free one when absent, which changes the redirect URI with each run. */
  callbackPort?: number;
  authorizationServer?: string;
  /** The tool to call after authenticating; the first listed tool when absent. */
  tool?: string;
  /** The tool's arguments; built from its input schema when absent. */
  toolArgs?: Record<string, unknown>;
  /** Judge every exchange as a browser page at this origin would (serialised, no trailing slash). */
  browserOrigin?: string;
  /** Where to write the JUnit XML report. */
  junit?: string;
  /** Where each choice came from when not from a flag, for the user to see ("spec from MCP_CONFORMANCE_PROTOCOL_VERSION"). */
  notices: string[];
}

export type ParsedCommandLine = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `Usage: mcp-auth-flow check <server-url> [options]
       mcp-auth-flow <server-url> [options]   (the short form)

Runs the client side of MCP authorization against a remote MCP server, then lists its
tools and calls one, and prints every step and every finding.

Options:
  --spec <version|auto>          ${SPEC_VERSIONS.join(', ')} or auto (default: ${DEFAULT_SPEC_CHOICE}: probe
                                 the server and speak the newest version it does)
  --client-id <id>               a pre-registered client id (skips registration)
  --client-secret <secret>       its secret, if it is a confidential client
  --client-metadata-url <url>    an https URL of a Client ID Metadata Document, used as client_id
                                 when the authorization server supports it
  --scope <scopes>               ask for these scopes instead of following the spec's rules (off-spec)
  --authorization-server <url>   the issuer to use when the resource metadata lists several
  --tool <name>                  the tool to call after authenticating (default: the first listed)
  --tool-args <json>             its arguments as a JSON object (default: built from the tool's input
                                 schema: each property's default or first example, else an empty value)
  --browser-origin <origin>      judge every exchange as a browser page at this origin would: send
                                 Origin and the CORS preflight, block what a browser blocks, hide the
                                 response headers a browser hides, and raise the app's cors.* findings
                                 with the header line to add (through a CORS relay started for the run)
  --junit <file>                 also write a JUnit XML report: a test case per step, a failure per
                                 error finding with its rule id and fix
  --audit                        after success, probe whether the server really validates tokens
  --continue-on-error            go on past an error a conforming client must stop at (an issuer or
                                 resource mismatch, missing PKCE metadata…), as the app's "Continue
                                 anyway" does; every later step is marked off-spec, and the exit code
                                 stays 1
  --timeout <ms>                 time limit for each request (default: ${DEFAULT_TIMEOUT_MS})
  --login-timeout <ms>           how long to wait for a person to log in (default: 300000); in CI,
                                 where no one can, a short one ends the run instead of waiting
  --callback-port <port>         listen for the callback on this port, so the redirect URI
                                 http://127.0.0.1:<port>/callback stays the same from run to run (to
                                 register it with a provider that wants each one listed); default: a
                                 free port
  --json                         print only the JSON report (secrets redacted)
  -h, --help                     show this help
  -V, --version                  print the version

Authorization: the CLI listens on http://127.0.0.1:<free port>/callback. If the authorization
server redirects straight back (auto-approval), no browser is needed; otherwise it prints the
authorization URL, opens the system browser, and waits for the callback.

Exit codes:
  0  the flow succeeded and no finding is an error
  1  the flow failed, the tool call failed, or an error finding was raised
  2  bad usage (an unknown flag, a missing or malformed value)
  3  the server could not be reached at all: nothing came back (connection refused, DNS or
     TLS failure, or a timeout on the very first request)

Environment (set by the MCP conformance suite): MCP_CONFORMANCE_PROTOCOL_VERSION is used when
--spec is not given; MCP_CONFORMANCE_CONTEXT supplies client_id and client_secret when the flags
do not.`;

const OPTIONS = {
  spec: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'client-metadata-url': { type: 'string' },
  scope: { type: 'string' },
  'authorization-server': { type: 'string' },
  tool: { type: 'string' },
  'tool-args': { type: 'string' },
  'browser-origin': { type: 'string' },
  junit: { type: 'string' },
  audit: { type: 'boolean' },
  'continue-on-error': { type: 'boolean' },
  timeout: { type: 'string' },
  'login-timeout': { type: 'string' },
  'callback-port': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

export function parseCommandLine(argv: string[], env: Record<string, string | undefined> = {}): ParsedCommandLine {
  try {
    return parse(argv, env);
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'error', message: error.message };
    return { kind: 'error', message: describeParseArgsError(error) };
  }
}

function parse(argv: string[], env: Record<string, string | undefined>): ParsedCommandLine {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return { kind: 'help' };

  if (positionals.length === 0) throw new UsageError('Give the URL of the MCP server: mcp-auth-flow <server-url>. See --help.');
  if (positionals.length > 1) throw new UsageError(`Give one server URL, not ${positionals.length}: ${positionals.join(' ')}`);
  const serverUrl = httpUrl(positionals[0]!, 'The server URL');

  const conformance = readConformanceEnv(env);
  if ('error' in conformance) throw new UsageError(conformance.error);
  const notices: string[] = [];
  if (conformance.scenario) notices.push(`Conformance scenario ${conformance.scenario}`);

  let spec: SpecVersion | 'auto' = DEFAULT_SPEC_CHOICE;
  if (values.spec !== undefined) {
    spec = specVersion(values.spec, '--spec');
  } else if (conformance.protocolVersion) {
    if (isSpecVersion(conformance.protocolVersion)) {
      spec = conformance.protocolVersion;
      notices.push(`Spec ${spec}, from MCP_CONFORMANCE_PROTOCOL_VERSION`);
    } else {
      spec = 'auto';
      notices.push(
        `MCP_CONFORMANCE_PROTOCOL_VERSION is "${conformance.protocolVersion}", which this version does not know: choosing the version automatically`,
      );
    }
  }

  let clientId = nonEmpty(values['client-id'], '--client-id');
  let clientSecret = nonEmpty(values['client-secret'], '--client-secret');
  if (clientSecret && !clientId) throw new UsageError('--client-secret needs --client-id.');
  if (!clientId && conformance.context.clientId) {
    clientId = conformance.context.clientId;
    clientSecret = conformance.context.clientSecret;
    notices.push(`Pre-registered client ${clientId}, from MCP_CONFORMANCE_CONTEXT`);
  }

  const clientMetadataUrl = values['client-metadata-url'] === undefined ? undefined : metadataDocumentUrl(values['client-metadata-url']);
  const authorizationServer = values['authorization-server'] === undefined ? undefined : httpUrl(values['authorization-server'], '--authorization-server');
  const scope = values.scope === undefined ? undefined : nonEmpty(values.scope, '--scope');
  const browserOrigin = values['browser-origin'] === undefined ? undefined : origin(values['browser-origin']);
  const junit = nonEmpty(values.junit, '--junit');

  return {
    kind: 'run',
    options: {
      serverUrl,
      spec,
      json: values.json ?? false,
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(clientMetadataUrl ? { clientMetadataUrl } : {}),
      ...(scope ? { scope } : {}),
      audit: values.audit ?? false,
      continueOnError: values['continue-on-error'] ?? false,
      timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : milliseconds(values.timeout, '--timeout', 15000),
      ...(values['login-timeout'] !== undefined ? { loginTimeoutMs: milliseconds(values['login-timeout'], '--login-timeout', 60000) } : {}),
      ...(values['callback-port'] !== undefined ? { callbackPort: port(values['callback-port'], '--callback-port') } : {}),
      ...(authorizationServer ? { authorizationServer } : {}),
      ...(values.tool !== undefined ? { tool: nonEmpty(values.tool, '--tool')! } : {}),
      ...(values['tool-args'] !== undefined ? { toolArgs: toolArgs(values['tool-args']) } : {}),
      ...(browserOrigin ? { browserOrigin } : {}),
      ...(junit ? { junit } : {}),
      notices,
    },
  };
}

function specVersion(value: string, flag: string): SpecVersion | 'auto' {
  if (value === 'auto' || isSpecVersion(value)) return value;
  throw new UsageError(`${flag} must be one of ${SPEC_VERSIONS.join(', ')} or auto, not "${value}".`);
}

/** Checks that `value` is an http(s) URL and returns it as typed: the engine, not the CLI, canonicalises URLs. */
function httpUrl(value: string, what: string): string {
  let url: URL;
  value = value.trim();
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${what} "${value}" is not an absolute URL (e.g. https://example.com/mcp).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${what} must be http(s), not ${url.protocol}`);
  return value;
}

/** CIMD: the client_id is an https URL with a path (draft-ietf-oauth-client-id-metadata-document §3). */
function metadataDocumentUrl(value: string): string {
  const href = httpUrl(value, '--client-metadata-url');
  const url = new URL(href);
  if (url.protocol !== 'https:') throw new UsageError('--client-metadata-url must be an https URL: the authorization server fetches it.');
  if (url.pathname === '/' || url.pathname === '') throw new UsageError('--client-metadata-url must have a path, e.g. https://example.com/client.json.');
  return href;
}

/** An origin as a browser serialises it (RFC 6454 §6.1): scheme, host and port; a trailing "/" is forgiven, a path is not. */
function origin(value: string): string {
  const href = httpUrl(value, '--browser-origin');
  const url = new URL(href);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new UsageError(`--browser-origin takes an origin, such as https://app.example.com, with no path, query or credentials (got "${value}").`);
  }
  // A URL parser takes `*` in a host name, but no browser sends such an Origin.
  if (url.hostname.includes('*')) throw new UsageError(`--browser-origin takes one exact origin, not a wildcard (got "${value}").`);
  return url.origin;
}

function port(value: string, flag: string): number {
  if (!/^\d{1,5}$/.test(value.trim()) || Number(value) < 1 || Number(value) > 65535) {
    throw new UsageError(`${flag} takes a port number from 1 to 65535, e.g. ${flag} 8765 (got "${value}").`);
  }
  return Number(value);
}

function milliseconds(value: string, flag: string, example: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) <= 0) {
    throw new UsageError(`${flag} takes a number of milliseconds greater than 0, e.g. ${flag} ${example} (got "${value}").`);
  }
  return Number(value);
}

function toolArgs(value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new UsageError(`--tool-args must be a JSON object, e.g. --tool-args '{"text":"hi"}' (got ${value}).`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError('--tool-args must be a JSON object, not an array or a value.');
  return parsed as Record<string, unknown>;
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`${flag} needs a value.`);
  return value.trim();
}

/** util.parseArgs errors, reworded without the Node jargon (the subcommands' parsers use it too). */
export function describeParseArgsError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option ?? ''}. See --help.`.replace(' .', '.');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(message)) return `${option} needs a value; to give one that starts with "-", write ${option}=<value>.`;
      return /argument missing/.test(message) ? `${option} needs a value.` : `${option ?? 'An option'} does not take a value.`;
    default:
      return message;
  }
}
