import type { Exchange } from '../model/exchange.ts';
import type { RelayReport } from '../model/relay-report.ts';
import type { Severity } from '../model/finding.ts';
import type { FlowSession, FlowStatus } from '../model/session.ts';
import type { Step, StepStatus } from '../model/step.ts';
import type { StepKind } from '../model/step-kind.ts';
import { findRule, getRule, type RuleId } from '../rules/catalog.ts';
import type { ProfileRegistry } from '../spec/profile-registry.ts';
import type { SpecVersion } from '../spec/versions.ts';
import type { StepOutcome } from '../steps/step-definition.ts';

/**
 * How a session changes, as pure functions: each returns the next session and leaves the given one
 * as it was. The engine holds the current session, applies these and publishes.
 */

/** The session with one more finding; unchanged when the rule does not speak for the session's version. */
export function withFinding(session: FlowSession, ruleId: RuleId, stepId: string, detail: string, exchangeId?: string): FlowSession {
  const rule = getRule(ruleId);
  if (!rule.versions.includes(session.settings.specVersion)) return session;
  const finding = { id: nextFindingId(session), ruleId, severity: rule.severity, stepId, detail, ...(exchangeId ? { exchangeId } : {}) };
  return { ...session, findings: [...session.findings, finding] };
}

/** Ids only go up, even after an automatic version choice drops findings. */
function nextFindingId(session: FlowSession): string {
  const used = session.findings.map((finding) => Number(finding.id.slice(1))).filter(Number.isFinite);
  return `f${Math.max(0, ...used) + 1}`;
}

/** Automatic version choice found the server speaks another version: the session with the steps still to come rebuilt. */
export function withVersion(session: FlowSession, profiles: ProfileRegistry<SpecVersion>, version: SpecVersion): FlowSession {
  const present = new Set(session.steps.map((step) => step.kind));
  const added = profiles
    .profileFor(version)
    .steps.filter((kind) => !present.has(kind))
    .map((kind): Step => ({ id: kind, kind, status: 'pending', exchangeIds: [], notes: [] }));
  // Findings of rules the settled version does not have were raised on a wrong guess: drop them.
  const findings = session.findings.filter((finding) => findRule(finding.ruleId)?.versions.includes(version) ?? true);
  return { ...session, settings: { ...session.settings, specVersion: version }, steps: [...session.steps, ...added], findings };
}

/** A new pending step at the end: its id is the kind, then `kind-2`, `kind-3`… for repeats (tool calls, refresh, step-up). */
export function newStep(session: FlowSession, kind: StepKind, title?: string, input?: Record<string, unknown>): Step {
  const count = session.steps.filter((step) => step.kind === kind).length;
  return {
    id: count ? `${kind}-${count + 1}` : kind,
    kind,
    ...(title ? { title } : {}),
    ...(input ? { input } : {}),
    status: 'pending',
    exchangeIds: [],
    notes: [],
  };
}

export function withStepPatch(session: FlowSession, id: Step['id'], patch: Partial<Step>): FlowSession {
  return { ...session, steps: session.steps.map((step) => (step.id === id ? { ...step, ...patch } : step)) };
}

/** The session with the exchange recorded, and listed on its step. */
export function withExchange(session: FlowSession, exchange: Exchange): FlowSession {
  const step = session.steps.find((candidate) => candidate.id === exchange.stepId);
  const added = { ...session, exchanges: [...session.exchanges, exchange] };
  return withStepPatch(added, exchange.stepId, { exchangeIds: [...(step?.exchangeIds ?? []), exchange.id] });
}

/** The relay's report kept on its exchange. */
export function withRelayReport(session: FlowSession, exchangeId: string, report: RelayReport): FlowSession {
  return { ...session, exchanges: session.exchanges.map((candidate) => (candidate.id === exchangeId ? { ...candidate, relay: report } : candidate)) };
}

/** The flow's status once a step ended, given the status before it ran. */
export function statusAfterStep(session: FlowSession, outcome: StepOutcome, previous: FlowStatus): FlowStatus {
  // On-demand steps (tool calls, step-up, refresh, audit) after a finished flow leave it finished:
  // their own status and findings say how they went.
  if (previous === 'done') return 'done';
  if (outcome.status === 'failed' || outcome.status === 'blocked') return 'failed';
  return session.steps.some((step) => step.status === 'pending') ? 'running' : 'done';
}

/** The mildest status a finding of each severity allows on its step: an error is a failure, a warning at least a warning. */
const STATUS_FOR: Record<Severity, StepStatus | undefined> = { error: 'failed', warning: 'warning', info: undefined };
const MILDER_THAN: Record<StepStatus, readonly StepStatus[]> = {
  failed: ['ok', 'warning', 'skipped'],
  warning: ['ok', 'skipped'],
  ok: [],
  blocked: [],
  skipped: [],
  pending: [],
  running: [],
};

/**
 * The session with no ended step shown milder than its worst finding: a step that raised an error
 * reads `failed`, one that raised a warning at least `warning`. Only what is shown changes; whether
 * the flow goes on stays the step's own decision (its outcome), as it would for a real client that
 * notes a broken MUST (an unrotated refresh token, say) and carries on.
 */
export function withStatusesNoMilderThanFindings(session: FlowSession): FlowSession {
  let steps: Step[] | undefined;
  for (const finding of session.findings) {
    const floor = STATUS_FOR[finding.severity];
    const list = steps ?? session.steps;
    const index = list.findIndex((step) => step.id === finding.stepId);
    const step = list[index];
    if (!floor || !step || !MILDER_THAN[floor].includes(step.status)) continue;
    steps ??= [...session.steps];
    steps[index] = { ...step, status: floor };
  }
  return steps ? { ...session, steps } : session;
}
