import { DEFAULT_TIMEOUT_MS } from '../flow/create-session.ts';
import type { Exchange } from '../model/exchange.ts';
import type { FlowSession, FlowSettings, Learned } from '../model/session.ts';
import { SPEC_VERSIONS } from '../spec/versions.ts';
import { compact } from './compact.ts';
import { Fields, TraceError } from './fields.ts';
import { FLOW_STATUSES, REGISTRATION_MODES } from './session-values.ts';
import { readFinding, readStep } from './trace-step.ts';

/**
 * A session rebuilt from what a report (or our HAR's `_mcpAuthFlow`) carries: `server`,
 * `specVersion`, `status`, `settings`, `facts`, `steps`, `findings`; the caller reads the exchanges.
 * Every value is rebuilt from checked fields, never copied wholesale from the file.
 */
export function sessionFromTrace(trace: Fields, exchanges: Exchange[]): FlowSession {
  const steps = trace.objects('steps', 'steps').map((step) => readStep(step));
  const findings = trace.objects('findings').map(readFinding);
  requireUnique(
    'step',
    steps.map((step) => step.id),
  );
  requireUnique(
    'exchange',
    exchanges.map((exchange) => exchange.id),
  );
  return compact({
    format: 'mcp-auth-flow/session@1' as const,
    settings: readSettings(trace),
    status: trace.oneOf('status', FLOW_STATUSES),
    offSpec: trace.optionalBoolean('offSpec') || undefined,
    steps,
    exchanges,
    findings,
    learned: readLearned(trace.optionalObject('facts')),
  });
}

function readSettings(trace: Fields): FlowSettings {
  const settings = trace.optionalObject('settings') ?? trace.child({}, trace.path('settings'));
  return compact({
    serverUrl: trace.string('server'),
    specVersion: trace.oneOf('specVersion', SPEC_VERSIONS),
    autoVersion: settings.optionalBoolean('autoVersion'),
    timeoutMs: readTimeout(settings),
    redirectUri: settings.optionalString('redirectUri') ?? '',
    clientName: settings.optionalString('clientName') ?? '',
    // The client secret is never in a report or HAR; only whether one was configured.
    registration: compact({
      mode: settings.optionalOneOf('registrationMode', REGISTRATION_MODES) ?? 'auto',
      clientId: settings.optionalString('clientId'),
      clientMetadataUrl: settings.optionalString('clientMetadataUrl'),
    }),
    scopeOverride: settings.optionalString('scopeOverride'),
    authorizationServer: settings.optionalString('authorizationServer'),
  });
}

/**
 * The form shows the timeout in seconds and the next live run uses it, so a value no run could use
 * (zero, negative, years) becomes the default, with a notice, rather than a stuck or instant run.
 */
function readTimeout(settings: Fields): number {
  const timeoutMs = settings.optionalNumber('timeoutMs');
  if (timeoutMs === undefined) return DEFAULT_TIMEOUT_MS;
  if (timeoutMs >= MIN_TIMEOUT_MS && timeoutMs <= MAX_TIMEOUT_MS) return timeoutMs;
  settings.notices.repaired(
    `${settings.path('timeoutMs')} is ${timeoutMs} ms, outside the form's 1 to 300 s; the default of ${DEFAULT_TIMEOUT_MS / 1000} s is used.`,
  );
  return DEFAULT_TIMEOUT_MS;
}

const MIN_TIMEOUT_MS = 1_000;
// The form's own range (ConnectBar's timeout field: 1 to 300 s).
const MAX_TIMEOUT_MS = 300_000;

/** Only the shareable facts the views use (lane hosts, the token audience); never credentials. */
function readLearned(facts: Fields | undefined): Learned {
  if (!facts) return {};
  return compact({
    issuer: facts.optionalString('issuer'),
    resource: facts.optionalString('resource'),
    resourceMetadataUrl: facts.optionalString('resourceMetadataUrl'),
    prmUrl: facts.optionalString('prmUrl'),
    asMetadataUrl: facts.optionalString('asMetadataUrl'),
    challengeScope: facts.optionalString('challengeScope'),
    negotiatedVersion: facts.optionalString('negotiatedVersion'),
  });
}

function requireUnique(what: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new TraceError(`Two ${what}s have the id "${id.slice(0, 40)}".`);
    seen.add(id);
  }
}
