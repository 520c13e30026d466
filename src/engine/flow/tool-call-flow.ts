import { STEP_DEFINITIONS } from '../steps/registry.ts';
import { stepUpScope } from '../steps/select-scope.ts';
import type { StepOutput } from '../steps/step-definition.ts';
import type { StepKind } from '../model/step-kind.ts';
import type { EngineInternals } from './engine.ts';

export interface ToolCallResult {
  ok: boolean;
  result?: unknown;
  error?: string;
}

const REAUTHORIZE: StepKind[] = ['authorize', 'callback', 'token'];

/**
 * A tool call as a real client makes it: on 401 with a refresh token, refresh once and retry;
 * on 403 insufficient_scope, re-authorize for the scopes the version prescribes and retry, a
 * bounded number of times (the tool-call step raises stepup.retry-limit past that).
 */
export async function runToolCall(engine: EngineInternals, name: string, args: Record<string, unknown>): Promise<ToolCallResult> {
  let refreshed = false;
  let stepUps = 0;
  for (;;) {
    const call = await engine.runStep(engine.appendStep('tool-call', `Call tool ${name}`, { name, arguments: args, stepUps, refreshed }));
    const output = call.output as StepOutput | undefined;
    if (output?.kind === 'tool-result') {
      return output.isError ? { ok: false, result: output.result, error: 'The tool reported an error.' } : { ok: true, result: output.result };
    }
    if (output?.kind === 'needs-refresh' && !refreshed) {
      refreshed = true;
      const refresh = await engine.runStep(engine.appendStep('refresh', 'Refresh after a 401'));
      if (refresh.status === 'failed' || refresh.status === 'blocked') return { ok: false, error: refresh.summary ?? 'The refresh failed.' };
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

async function reauthorize(engine: EngineInternals, challenged: string): Promise<string | undefined> {
  const { learned } = engine.session;
  learned.stepUpScope = stepUpScope(engine.profile.stepUpScope, learned.scope, challenged);
  try {
    for (const kind of REAUTHORIZE) {
      const step = await engine.runStep(engine.appendStep(kind, `Step-up: ${STEP_DEFINITIONS[kind].title}`));
      if (step.status === 'failed' || step.status === 'blocked') return step.summary ?? 'The step-up re-authorization failed.';
    }
    return undefined;
  } finally {
    delete learned.stepUpScope;
  }
}
