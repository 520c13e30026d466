import { STEP_DEFINITIONS } from '../steps/registry.ts';
import type { Step } from '../model/step.ts';
import type { StepOutcome, StepOutput } from '../steps/step-definition.ts';
import type { StepRunner } from './step-runner.ts';

/**
 * Issue 9 §2.7: whenever the client would go back to its authorization server (a refresh, a
 * step-up, a new 401), it first reads the protected resource metadata again (the `as-recheck`
 * step). When that names a new issuer, the step has already discovered it and registered with it,
 * and dropped the old client and tokens; what is left is to authorize there.
 */
const AUTHORIZE_AGAIN = ['authorize', 'callback', 'token'] as const;

export type Recheck = { changed: boolean; failure?: undefined } | { changed?: undefined; failure: string };

export async function recheckAuthorizationServer(runner: StepRunner, title?: string, input?: { onDemand: true }): Promise<Recheck> {
  const { step, stopped } = await runner.runStep(runner.appendStep('as-recheck', title, input));
  if (stopped) return { failure: step.summary ?? 'The authorization server could not be checked.' };
  return { changed: (step.output as StepOutput | undefined)?.kind === 'as-changed' };
}

/** Authorize, callback and token at the new authorization server: undefined when that worked, otherwise why not. */
export async function authorizeWithNewServer(runner: StepRunner): Promise<string | undefined> {
  for (const kind of AUTHORIZE_AGAIN) {
    const { step, stopped } = await runner.runStep(runner.appendStep(kind, `New authorization server: ${STEP_DEFINITIONS[kind].title}`));
    if (stopped) return step.summary ?? 'The authorization at the new authorization server failed.';
  }
  return undefined;
}

/** The Refresh button: a refresh at the same authorization server, or a new authorization when the metadata names another one. */
export async function refreshOrAuthorizeAgain(runner: StepRunner): Promise<void> {
  const recheck = await recheckAuthorizationServer(runner, undefined, { onDemand: true });
  if (recheck.failure) return;
  if (recheck.changed) await authorizeWithNewServer(runner);
  else await runner.runStep(runner.appendStep('refresh'));
}

/**
 * The main flow's queue after a 401 to the token just issued (SEP-2352): read the resource metadata
 * again; when it names a new authorization server (the recheck registered there), authorize there
 * and retry once. Queued rather than run, so Next step walks through it.
 */
export function queueRecheckAfter(runner: StepRunner, step: Step, outcome: StepOutcome): void {
  const output = outcome.output;
  if (step.kind === 'mcp-authenticated' && output?.kind === 'needs-recheck') {
    runner.appendStep('as-recheck', 'Check the authorization server after a 401', {
      afterUnauthorized: { exchangeId: output.exchangeId, detail: output.detail },
      retry: step.input,
    });
    return;
  }
  if (step.kind !== 'as-recheck' || !step.input?.afterUnauthorized || output?.kind !== 'as-changed') return;
  for (const kind of AUTHORIZE_AGAIN) runner.appendStep(kind, `New authorization server: ${STEP_DEFINITIONS[kind].title}`);
  const retry = (step.input.retry as Record<string, unknown> | undefined) ?? {};
  runner.appendStep('mcp-authenticated', 'Retry with the new authorization server’s token', { ...retry, rechecked: true });
}
