import type { FlowSession } from '../model/session.ts';

export interface FlowTiming {
  totalMs: number;
  /** Time spent waiting on HTTP responses. */
  serverMs: number;
  /** Time the user spent in the login popup. */
  userMs: number;
  /** Everything else: the app's own work (crypto, parsing, rendering between steps). */
  appMs: number;
}

/** Where the time of a run went. Only meaningful once steps have run. */
export function flowTiming(session: FlowSession): FlowTiming | undefined {
  const started = session.steps.map((step) => step.startedAt).filter((value): value is number => value !== undefined);
  const ended = session.steps.map((step) => step.endedAt).filter((value): value is number => value !== undefined);
  if (!started.length || !ended.length) return undefined;
  const totalMs = Math.max(...ended) - Math.min(...started);
  let serverMs = 0;
  let userMs = 0;
  for (const exchange of session.exchanges) {
    if (exchange.outcome === 'navigation') userMs += exchange.durationMs;
    else serverMs += exchange.durationMs;
  }
  return { totalMs, serverMs, userMs, appMs: Math.max(0, totalMs - serverMs - userMs) };
}
