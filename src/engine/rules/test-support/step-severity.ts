import type { Severity } from '../../model/finding.ts';
import type { FlowSession } from '../../model/session.ts';
import type { StepStatus } from '../../model/step.ts';

/** The statuses that say at least as much as each severity. */
const AT_LEAST: Record<Severity, readonly StepStatus[]> = {
  error: ['failed', 'blocked'],
  warning: ['warning', 'failed', 'blocked'],
  info: ['ok', 'warning', 'failed', 'blocked', 'skipped'],
};

/** "step (status) < rule (severity)" for each ended step whose status is milder than one of its findings. */
export function stepsMilderThanTheirFindings(session: FlowSession): string[] {
  return session.findings.flatMap((finding) => {
    const step = session.steps.find((candidate) => candidate.id === finding.stepId);
    if (!step || step.status === 'pending' || step.status === 'running') return [];
    return AT_LEAST[finding.severity].includes(step.status) ? [] : [`${step.id} (${step.status}) < ${finding.ruleId} (${finding.severity})`];
  });
}
