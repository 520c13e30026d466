import type { FlowSession } from '../engine/model/session.ts';

export const EXIT_OK = 0;
/** The flow failed, the tool call failed, or an error finding (a broken MUST) was raised. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface ToolCallOutcome {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** Non-zero when the flow did not finish, a tool call failed, or any error-severity finding was raised. */
export function exitCodeFor(session: Pick<FlowSession, 'status' | 'findings'>, toolCall?: Pick<ToolCallOutcome, 'ok'>): number {
  if (session.status !== 'done') return EXIT_FAILED;
  if (toolCall && !toolCall.ok) return EXIT_FAILED;
  return session.findings.some((finding) => finding.severity === 'error') ? EXIT_FAILED : EXIT_OK;
}
