import { findBearerChallenge, parseWwwAuthenticate } from '../auth/www-authenticate.ts';
import type { Exchange } from '../model/exchange.ts';
import { responseHeader } from './latest-exchange.ts';
import type { StepContext, StepOutcome } from './step-definition.ts';

/** How many step-up re-authorizations one request may trigger before the client gives up. */
export const MAX_STEP_UPS = 2;

/**
 * A 403: with error="insufficient_scope" and a scope, the client may re-authorize for more scope
 * (step-up), a bounded number of times; anything else is a plain refusal.
 */
export function insufficientScope(ctx: StepContext, exchange: Exchange, stepUps: number): StepOutcome {
  const header = responseHeader(exchange, 'www-authenticate');
  if (header === null && exchange.hiddenHeaders?.length) {
    ctx.raise('challenge.hidden-by-cors', 'The 403 reached the script without a readable WWW-Authenticate header.', exchange.id);
    return { status: 'failed', summary: '403, and the browser hid the challenge.' };
  }
  const bearer = header ? findBearerChallenge(parseWwwAuthenticate(header).challenges) : undefined;
  if (bearer?.params.error !== 'insufficient_scope') {
    ctx.raise('mcp.forbidden', header ? `WWW-Authenticate: ${header}` : 'The 403 has no WWW-Authenticate header.', exchange.id);
    return { status: 'failed', summary: '403 Forbidden, with nothing to step up to.' };
  }
  const scope = bearer.params.scope;
  if (!scope) {
    ctx.raise('stepup.no-scope', `WWW-Authenticate: ${header}`, exchange.id);
    return { status: 'failed', summary: '403 insufficient_scope without the scope to ask for.' };
  }
  if (stepUps >= MAX_STEP_UPS) {
    ctx.raise('stepup.retry-limit', `Still 403 insufficient_scope (scope="${scope}") after ${stepUps} re-authorizations.`, exchange.id);
    return { status: 'failed', summary: `Gave up after ${stepUps} step-up attempts.` };
  }
  ctx.note(`403 insufficient_scope: the call needs scope "${scope}"`);
  ctx.raise('stepup.reauthorized', `The server asked for scope "${scope}"; the client re-authorizes (attempt ${stepUps + 1} of ${MAX_STEP_UPS}).`, exchange.id);
  return { status: 'warning', summary: `Needs more scope (${scope}): stepping up.`, output: { kind: 'needs-step-up', scope } };
}
