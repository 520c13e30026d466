import type { Finding } from '../../engine/model/finding.ts';
import type { FlowSession } from '../../engine/model/session.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Errors first, then warnings, then notes; within each, the findings of the step the run stopped at come first: after
 * Continue anyway that is the step that ended the run (Entra's AADSTS901002 at the callback), not the one gone past.
 */
export function orderFindings(session: FlowSession): Finding[] {
  const stoppedAt = session.status === 'failed' ? session.steps.findLast((step) => step.status === 'failed' || step.status === 'blocked')?.id : undefined;
  const atStop = (finding: Finding) => (finding.stepId === stoppedAt ? 0 : 1);
  return [...session.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || atStop(a) - atStop(b));
}
