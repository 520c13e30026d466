import type { StepOutput } from '../steps/step-definition.ts';
import type { StepRunner } from './step-runner.ts';
import { authorizeWithNewServer, recheckAuthorizationServer } from './as-change.ts';
import { reauthorize } from './step-up.ts';

export interface ToolCallResult {
  ok: boolean;
  result?: unknown;
  error?: string;
}

/**
 * A tool call as a real client makes it: on 401 with a refresh token, refresh once and retry;
 * on 403 insufficient_scope, re-authorize for the scopes the version prescribes and retry, a
 * bounded number of times (the tool-call step raises stepup.retry-limit past that).
 */
export async function runToolCall(engine: StepRunner, name: string, args: Record<string, unknown>): Promise<ToolCallResult> {
  let refreshed = false;
  let stepUps = 0;
  for (;;) {
    const { step: call } = await engine.runStep(engine.appendStep('tool-call', `Call tool ${name}`, { name, arguments: args, stepUps, refreshed }));
    const output = call.output as StepOutput | undefined;
    if (output?.kind === 'tool-result') {
      return output.isError ? { ok: false, result: output.result, error: 'The tool reported an error.' } : { ok: true, result: output.result };
    }
    if (output?.kind === 'needs-refresh' && !refreshed) {
      refreshed = true;
      // A new 401: the resource may now trust another authorization server (issue 9 §2.7).
      const recheck = await recheckAuthorizationServer(engine, 'Check the authorization server after a 401');
      if (recheck.failure) return { ok: false, error: recheck.failure };
      if (recheck.changed) {
        const failure = await authorizeWithNewServer(engine);
        if (failure) return { ok: false, error: failure };
        continue;
      }
      const refresh = await engine.runStep(engine.appendStep('refresh', 'Refresh after a 401'));
      if (refresh.stopped) return { ok: false, error: refresh.step.summary ?? 'The refresh failed.' };
      continue;
    }
    if (output?.kind === 'needs-step-up' && output.scope) {
      stepUps += 1;
      const failure = await reauthorize(engine, output.scope);
      if (failure) return { ok: false, error: failure };
      continue;
    }
    return { ok: false, error: call.summary ?? 'The tool call failed.' };
  }
}
