import * as oauth from 'oauth4webapi';
import { blockedExplanation } from '../relay/blocked-explanation.ts';
import { RecordedFetchError } from '../http/recorder.ts';
import type { RuleId } from '../rules/catalog.ts';
import type { StepContext, StepOutcome } from './step-definition.ts';

const RULE_FOR_OUTCOME: Record<string, RuleId> = {
  blocked: 'http.blocked',
  'network-error': 'http.network-error',
  timeout: 'http.timeout',
  'invalid-url': 'http.invalid-url',
};

/**
 * Turns a request that got no response into a finding and a step outcome.
 * Anything that is not a recorded fetch failure is a bug of ours and is rethrown.
 * A request the browser blocked is explained by the relay when there is one; the step still ends
 * blocked, because that is where a browser client stops.
 */
export async function fetchFailure(ctx: StepContext, error: unknown, what: string): Promise<StepOutcome> {
  if (error instanceof oauth.OperationProcessingError && error.code === oauth.REQUEST_PROTOCOL_FORBIDDEN) {
    // oauth4webapi refuses a non-http(s) endpoint URL from the metadata before sending anything.
    ctx.raise('http.invalid-url', `${what}: ${error.message}`);
    return { status: 'failed', summary: `${what}: the endpoint URL is not http(s).` };
  }
  if (!(error instanceof RecordedFetchError)) throw error;
  const { exchange } = error;
  const ruleId = RULE_FOR_OUTCOME[exchange.outcome] ?? 'http.network-error';
  const detail = `${what}: ${exchange.error ?? exchange.outcome}`;
  const report = exchange.outcome === 'blocked' ? await ctx.explain(exchange) : undefined;
  ctx.raise(ruleId, report ? `${detail} ${blockedExplanation(report)}` : detail, exchange.id);
  return { status: exchange.outcome === 'blocked' ? 'blocked' : 'failed', summary: detail };
}

/** Runs a request; a failure becomes a finding and the step outcome to return. */
export async function attempt<T>(
  ctx: StepContext,
  what: string,
  request: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; outcome: StepOutcome }> {
  try {
    return { ok: true, value: await request() };
  } catch (error) {
    return { ok: false, outcome: await fetchFailure(ctx, error, what) };
  }
}
