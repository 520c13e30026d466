import { writeFile } from 'node:fs/promises';
import { createSession } from '../engine/flow/create-session.ts';
import { exampleArguments } from '../engine/mcp/example-arguments.ts';
import { FlowEngine } from '../engine/flow/engine.ts';
import { PROVIDERS } from '../engine/providers/catalog.ts';
import { buildReport } from '../engine/report/build-report.ts';
import type { FlowReport } from '../engine/report/report-format.ts';
import { trimEnd } from '../engine/text/trim-end.ts';
import { LATEST_SPEC_VERSION } from '../engine/spec/versions.ts';
import type { FlowSettings } from '../engine/model/session.ts';
import type { Step } from '../engine/model/step.ts';
import { stepTitle } from '../engine/steps/step-title.ts';
import { watchAnswers } from './answer-watch.ts';
import { browserEmulatedFetch } from './browser-emulated-fetch.ts';
import type { CliOptions } from './args.ts';
import { startBrowserRelay, type BrowserRelay } from './browser-relay.ts';
import { startCallbackListener, type CallbackListener } from './callback-listener.ts';
import { EXIT_USAGE, exitCodeFor, type ToolCallOutcome } from './exit-code.ts';
import { NodeUserAgent } from './node-user-agent.ts';
import { formatJunit } from './junit.ts';
import { junitTargetProblem } from './junit-target.ts';
import { formatRun } from './print.ts';

export interface CliIo {
  /** The result: the readable list, or the JSON report with --json. */
  stdout(text: string): void;
  /** Everything said along the way (what to open, where it waits), so stdout stays the result alone. */
  stderr(line: string): void;
  signal?: AbortSignal;
  openBrowser?: (url: string) => void;
}

export const CLIENT_NAME = 'MCP Auth Flow (CLI)';

/** Runs the flow once, as a real client would: authorize, list the tools, call one. Returns the exit code. */
export async function runCli(options: CliOptions, io: CliIo): Promise<number> {
  const junitProblem = options.junit ? await junitTargetProblem(options.junit) : null;
  if (junitProblem) {
    io.stderr(`mcp-auth-flow check: ${junitProblem}`);
    return EXIT_USAGE;
  }
  for (const notice of options.notices) io.stderr(notice);
  // Before the flow: the redirect URI (with its port) is registered before authorization.
  let listener: CallbackListener;
  try {
    listener = await startCallbackListener('/callback', options.callbackPort ?? 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    io.stderr(
      `mcp-auth-flow check: port ${options.callbackPort} is already in use, so the callback listener cannot start. Stop what is using it, or choose another port with --callback-port <port>.`,
    );
    return EXIT_USAGE;
  }
  let relay: BrowserRelay | undefined;
  try {
    const answers = watchAnswers();
    const { browserOrigin } = options;
    if (browserOrigin) {
      relay = await startBrowserRelay(browserOrigin, options.timeoutMs);
      io.stderr(`Judging every exchange as a browser page at ${browserOrigin} would (CORS relay for the verdicts on ${relay.endpoint.url}).`);
    }
    const engine = new FlowEngine(createSession(settingsFor(options, listener.redirectUri)), {
      userAgent: new NodeUserAgent({
        listener,
        requestTimeoutMs: options.timeoutMs,
        ...(options.loginTimeoutMs ? { loginTimeoutMs: options.loginTimeoutMs } : {}),
        log: io.stderr,
        ...(io.openBrowser ? { openBrowser: io.openBrowser } : {}),
      }),
      // With a browser origin, the engine runs as in the app: a browser's fetch, and the relay to explain what it refuses.
      runtime: browserOrigin ? 'browser' : 'node',
      fetchImpl: browserOrigin ? browserEmulatedFetch(browserOrigin, answers.fetch) : answers.fetch,
      ...(relay ? { relay: relay.endpoint } : {}),
      chooseAuthorizationServer: async (issuers: string[]) => chooseAuthorizationServer(issuers, options.authorizationServer),
    });
    io.signal?.addEventListener('abort', () => engine.cancel(), { once: true });

    await engine.runAll();
    // Without the flag, the result names it where it would show more (a provider's metadata the developer cannot change).
    const continuable = options.continueOnError ? undefined : engine.continuableStep();
    // Off-spec from here on: each failure a conforming client stops at is passed, as "Continue anyway" does in the app.
    while (options.continueOnError && engine.continuableStep()) await engine.continueAnyway();
    let toolCall: ToolCallOutcome | undefined;
    let toolCallSkipped: string | undefined;
    if (engine.snapshot.status === 'done') {
      const tools = engine.snapshot.learned.tools ?? [];
      const name = options.tool ?? tools[0]?.name;
      // As the app does: without --tool-args, arguments that satisfy the tool's schema, not {} (a required field would fail).
      const args = options.toolArgs ?? exampleArguments(tools.find((tool) => tool.name === name)?.inputSchema);
      if (name) toolCall = await callTool(engine, name, args);
      else toolCallSkipped = 'The server lists no tools, so none was called.';
      if (options.audit) await engine.audit();
    }

    const session = engine.snapshot;
    const exitCode = exitCodeFor(session, toolCall, { serverAnswered: answers.answered });
    const report = buildReport(session, { surface: 'cli', providers: PROVIDERS });
    const summary = {
      report,
      exitCode,
      ...(toolCall ? { toolCall } : {}),
      ...(toolCallSkipped ? { toolCallSkipped } : {}),
      ...(browserOrigin ? { browserOrigin } : {}),
    };
    io.stdout(
      options.json
        ? `${JSON.stringify(browserOrigin ? { ...report, browserOrigin } : report, null, 2)}\n`
        : formatRun(summary) + continueHint(continuable) + callbackPortHint(report, listener.redirectUri, options.callbackPort),
    );
    if (options.junit) await writeJunit(options.junit, formatJunit(summary));
    return exitCode;
  } finally {
    await relay?.close();
    await listener.close();
  }
}

/** The line after the result when the run stopped where the app offers Continue anyway (a fixed step title: no server text). */
function continueHint(step: Step | undefined): string {
  return step ? `A conforming client stops at ${stepTitle(step)}; to see the rest of the flow (off-spec), run again with --continue-on-error.\n` : '';
}

/**
 * When a provider's fix tells the user to register this run's redirect URI, and its port was a free one chosen for this run,
 * the next run's would differ: name the flag that keeps it (RFC 8252 §7.3 asks servers to allow any loopback port; many don't).
 */
function callbackPortHint(report: FlowReport, redirectUri: string, callbackPort: number | undefined): string {
  if (callbackPort !== undefined) return '';
  const asksToRegister = report.findings.some((finding) => finding.provider?.fix.includes(redirectUri));
  return asksToRegister
    ? `The redirect URI ${redirectUri} has a port chosen for this run; to register one that stays, run again with --callback-port <port> (e.g. --callback-port 8765) and register http://127.0.0.1:<port>/callback.\n`
    : '';
}

export function settingsFor(options: CliOptions, redirectUri: string): FlowSettings {
  return {
    serverUrl: options.serverUrl,
    specVersion: options.spec === 'auto' ? LATEST_SPEC_VERSION : options.spec,
    ...(options.spec === 'auto' ? { autoVersion: true } : {}),
    timeoutMs: options.timeoutMs,
    redirectUri,
    clientName: CLIENT_NAME,
    // Auto follows the spec's order: pre-registered (a client id was given), CIMD (a URL was given and
    // the server supports it), then dynamic registration.
    registration: {
      mode: 'auto',
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
      ...(options.clientMetadataUrl ? { clientMetadataUrl: options.clientMetadataUrl } : {}),
    },
    ...(options.scope ? { scopeOverride: options.scope } : {}),
    ...(options.authorizationServer ? { authorizationServer: options.authorizationServer } : {}),
  };
}

/** --authorization-server when the PRM lists it (trailing slash aside), the first one when not given. */
export function chooseAuthorizationServer(issuers: string[], wanted: string | undefined): string {
  if (!wanted) {
    if (!issuers[0]) throw new Error('The resource metadata lists no authorization server.');
    return issuers[0];
  }
  const strip = (url: string) => trimEnd(url, '/');
  const match = issuers.find((issuer) => strip(issuer) === strip(wanted));
  if (!match) throw new Error(`--authorization-server ${wanted} is not one the resource metadata lists: ${issuers.join(', ')}.`);
  return match;
}

async function writeJunit(path: string, xml: string): Promise<void> {
  try {
    await writeFile(path, xml, 'utf8');
  } catch (error) {
    throw new Error(`Could not write the JUnit report to ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function callTool(engine: FlowEngine, name: string, args: Record<string, unknown>): Promise<ToolCallOutcome> {
  try {
    return { name, ...(await engine.callTool(name, args)) };
  } catch (error) {
    return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
