import type { FlowSession } from '../model/session.ts';
import type { StepKind } from '../model/step-kind.ts';

export interface FlowTiming {
  totalMs: number;
  /** Time spent waiting on HTTP responses. */
  serverMs: number;
  /** Time the user spent in the login popup. */
  userMs: number;
  /** Everything else: the app's own work (crypto, parsing, rendering between steps). */
  appMs: number;
}

/** Steps the user asks for after the flow succeeded; they are not part of the flow's own time. */
const ON_DEMAND: ReadonlySet<StepKind> = new Set(['tool-call', 'refresh', 'audit']);

/**
 * Where the time of the main flow went: its steps up to the first on-demand one (a tool call,
 * refresh or audit). A step-up queued by the main flow's 403 belongs to it; later tool calls do
 * not, or minutes spent reading the diagram before "Call echo" would count as app time.
 */
export function flowTiming(session: FlowSession): FlowTiming | undefined {
  // The Refresh button first checks the authorization server (issue 9 §2.7): that check is the user's action too.
  const firstOnDemand = session.steps.findIndex((step) => ON_DEMAND.has(step.kind) || (step.kind === 'as-recheck' && step.input?.onDemand === true));
  const steps = firstOnDemand === -1 ? session.steps : session.steps.slice(0, firstOnDemand);
  const started = steps.map((step) => step.startedAt).filter((value): value is number => value !== undefined);
  const ended = steps.map((step) => step.endedAt).filter((value): value is number => value !== undefined);
  if (!started.length || !ended.length) return undefined;
  const totalMs = Math.max(...ended) - Math.min(...started);
  const mainStepIds = new Set(steps.map((step) => step.id));
  let serverMs = 0;
  let userMs = 0;
  for (const exchange of session.exchanges) {
    if (!mainStepIds.has(exchange.stepId)) continue;
    if (exchange.outcome === 'navigation') userMs += exchange.durationMs;
    else serverMs += exchange.durationMs;
  }
  return { totalMs, serverMs, userMs, appMs: Math.max(0, totalMs - serverMs - userMs) };
}
