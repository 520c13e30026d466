import type { FlowSession } from '../engine/model/session.ts';
import { stepTitle } from '../engine/steps/step-title.ts';

/** How the headline is coloured: it must never be green while an error stands. */
export type OutcomeTone = 'error' | 'warning' | 'success' | 'neutral';

export interface OutcomeLine {
  text: string;
  tone: OutcomeTone;
  errors: number;
  warnings: number;
}

const WAITING_TEXT: Record<Exclude<FlowSession['status'], 'done' | 'failed'>, string> = {
  idle: 'Ready',
  running: 'Running…',
  'waiting-for-user': 'Waiting for you to log in and consent in the popup…',
};

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "2 errors and 1 warning", "1 error", "" */
function problems(errors: number, warnings: number): string {
  return [errors ? count(errors, 'error') : '', warnings ? count(warnings, 'warning') : ''].filter(Boolean).join(' and ');
}

/**
 * The one line that says how the run ended. A flow whose requests all succeeded can still break
 * the spec (a header CORS hides, a wrong audience): the findings decide the tone, not the status.
 */
export function outcomeLine(session: FlowSession): OutcomeLine {
  const errors = session.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = session.findings.filter((finding) => finding.severity === 'warning').length;
  const found = problems(errors, warnings);
  if (session.status === 'failed') {
    // The last failed step is where it stopped: one before it was gone past (Continue anyway, a CORS fallback).
    const index = session.steps.findLastIndex((step) => step.status === 'failed' || step.status === 'blocked');
    const step = session.steps[index];
    const where = step ? `Stopped at step ${index + 1}: ${stepTitle(step)}` : 'Flow stopped';
    return { text: found ? `${where} (${found})` : where, tone: 'error', errors, warnings };
  }
  if (session.status === 'done') {
    if (!found) return { text: 'Flow complete, no problems', tone: 'success', errors, warnings };
    return { text: `Flow complete with ${found}`, tone: errors ? 'error' : 'warning', errors, warnings };
  }
  const paused = pausedAfter(session);
  if (paused) return { text: found ? `${paused} (${found} so far)` : paused, tone: 'neutral', errors, warnings };
  return { text: WAITING_TEXT[session.status], tone: 'neutral', errors, warnings };
}

/**
 * Teaching mode: between two Next steps the flow is under way but nothing runs, so it must not
 * say "Running…". It says where it stopped and what Next step does.
 */
function pausedAfter(session: FlowSession): string | undefined {
  if (session.status !== 'running' || session.steps.some((step) => step.status === 'running')) return undefined;
  const lastRun = session.steps.findLastIndex((step) => step.status !== 'pending');
  const next = session.steps.findIndex((step) => step.status === 'pending');
  if (lastRun < 0 || next < 0) return undefined;
  return `Paused after step ${lastRun + 1}: ${stepTitle(session.steps[lastRun]!)}. Next step runs step ${next + 1}: ${stepTitle(session.steps[next]!)}.`;
}
