import type { Step } from '../model/step.ts';
import { STEP_DEFINITIONS } from '../steps/registry.ts';
import { stepUpScope } from '../steps/select-scope.ts';
import type { StepOutcome } from '../steps/step-definition.ts';
import { recheckAuthorizationServer } from './as-change.ts';
import type { StepRunner } from './step-runner.ts';

/**
 * Step-up authorization: a 403 insufficient_scope asks for more scopes, so the client authorizes
 * again for the scopes its version prescribes (spec: "Step-Up Authorization Flow") and retries.
 * The main flow queues the steps, so Next step walks through them; a tool call runs them at once.
 */
const REAUTHORIZE = ['authorize', 'callback', 'token'] as const;
const AFTER_AUTHORIZE = ['callback', 'token'] as const;

function stepUpTitle(kind: (typeof REAUTHORIZE)[number] | 'as-recheck'): string {
  return `Step-up: ${STEP_DEFINITIONS[kind].title}`;
}

/** The scopes the re-authorization asks for; the authorize step reads and clears them. */
function askForScopes(runner: StepRunner, challenged: string): void {
  const { learned } = runner.session();
  learned.stepUpScope = stepUpScope(runner.profile().stepUpScope, learned.scope, challenged);
}

/** After a step ran: the main flow's authenticated request asked for a step-up, so queue it and the retry. */
export function queueStepUpAfter(runner: StepRunner, step: Step, outcome: StepOutcome): void {
  if (outcome.output?.kind !== 'needs-step-up' || !outcome.output.scope || step.kind !== 'mcp-authenticated') return;
  askForScopes(runner, outcome.output.scope);
  runner.appendStep('as-recheck', stepUpTitle('as-recheck'));
  for (const kind of REAUTHORIZE) runner.appendStep(kind, stepUpTitle(kind));
  runner.appendStep('mcp-authenticated', 'Retry after step-up', { stepUps: Number(step.input?.stepUps ?? 0) + 1 });
}

/**
 * Back from a full-page redirect with nothing queued: a tool call's step-up, which runs its steps
 * one by one, left the page in the middle of its authorize step. Queue the rest, then the retry.
 */
export function queueRestOfStepUp(runner: StepRunner): void {
  const { steps } = runner.session();
  if (steps.some((step) => step.status === 'pending')) return;
  for (const kind of AFTER_AUTHORIZE) runner.appendStep(kind, stepUpTitle(kind));
  const call = steps.findLast((candidate) => candidate.kind === 'tool-call');
  if (call?.input) runner.appendStep('tool-call', call.title, { ...call.input, stepUps: Number(call.input.stepUps ?? 0) + 1 });
}

/** A tool call's step-up, run now: undefined when it succeeded, otherwise why it failed. */
export async function reauthorize(runner: StepRunner, challenged: string): Promise<string | undefined> {
  askForScopes(runner, challenged);
  const { learned } = runner.session();
  try {
    // The metadata may now name another authorization server: then the client registers there first (issue 9 §2.7).
    const recheck = await recheckAuthorizationServer(runner, stepUpTitle('as-recheck'));
    if (recheck.failure) return recheck.failure;
    for (const kind of REAUTHORIZE) {
      const { step, stopped } = await runner.runStep(runner.appendStep(kind, stepUpTitle(kind)));
      if (stopped) return step.summary ?? 'The step-up re-authorization failed.';
    }
    return undefined;
  } finally {
    delete learned.stepUpScope;
  }
}
