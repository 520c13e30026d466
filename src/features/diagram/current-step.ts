import type { FlowSession } from '../../engine/model/session.ts';
import type { Step } from '../../engine/model/step.ts';

/** The step running now or, while the flow can go on, the one "Next step" would run. */
export function currentStep(session: FlowSession): Step | undefined {
  const running = session.steps.find((step) => step.status === 'running');
  if (running) return running;
  if (session.status === 'done' || session.status === 'failed') return undefined;
  return session.steps.find((step) => step.status === 'pending');
}

/** One sentence for screen readers on where the flow is. */
export function describeProgress(session: FlowSession, titleOf: (step: Step) => string): string {
  const total = session.steps.length;
  const numbered = (step: Step) => `step ${session.steps.indexOf(step) + 1} of ${total}, ${titleOf(step)}`;
  const current = currentStep(session);
  if (current?.status === 'running') return `Running ${numbered(current)}.`;
  if (session.status === 'done') return 'The flow is complete.';
  if (session.status === 'failed') {
    const stopped = session.steps.findLast((step) => step.status === 'failed' || step.status === 'blocked');
    return stopped ? `The flow stopped at ${numbered(stopped)}: ${stopped.status}.` : 'The flow stopped.';
  }
  return current ? `Next: ${numbered(current)}.` : '';
}
