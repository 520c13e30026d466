import type { FlowSession } from '../model/session.ts';
import type { Step } from '../model/step.ts';
import type { StepKind } from '../model/step-kind.ts';
import type { SpecProfile } from '../spec/profile.ts';
import type { SpecVersion } from '../spec/versions.ts';

/** What the on-demand actions (tool calls, step-up) need from the engine: add steps and run them. */
export interface StepRunner {
  session(): FlowSession;
  /** The profile of the session's spec version, which an automatic version choice may change mid-run. */
  profile(): SpecProfile<SpecVersion>;
  appendStep(kind: StepKind, title?: string, input?: Record<string, unknown>): Step;
  runStep(step: Step): Promise<RanStep>;
}

/**
 * A step as it ended, and whether its own outcome stops what runs it (failed or blocked). The status
 * shown may be stricter than the outcome (a step that raised an error reads failed), so callers that
 * decide whether to go on read `stopped`, never the status.
 */
export interface RanStep {
  step: Step;
  stopped: boolean;
}
