import { findBearerChallenge, parseWwwAuthenticate } from '../auth/www-authenticate.ts';
import { headerValue } from './latest-exchange.ts';
import { callMcp } from './mcp-call.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

/** How many step-up re-authorizations one tool call may trigger before the client gives up. */
export const MAX_STEP_UPS = 2;

export const toolCallStep: StepDefinition = {
  kind: 'tool-call',
  title: 'Call a tool',
  teaching:
    'The client calls a tool with its access token. A server may answer 403 with error="insufficient_scope" and the scopes the call needs: ' +
    'the client then re-authorizes for them (step-up) and retries, a bounded number of times. A 401 means the token is no longer good; a refresh token can replace it.',
  specAnchor: 'step-up-authorization-flow',
  async run(ctx) {
    const name = String(ctx.input.name ?? '');
    const args = (ctx.input.arguments ?? {}) as Record<string, unknown>;
    const stepUps = Number(ctx.input.stepUps ?? 0);
    ctx.note(`tools/call ${name} ${JSON.stringify(args)}`);
    const call = await callMcp(ctx, 'tools/call', { name, arguments: args }, { id: ctx.exchanges.length + 1, passStatuses: [401, 403] });
    if (call.ok) {
      const isError = call.result.isError === true;
      return {
        status: 'ok',
        summary: isError ? `${name} ran and reported an error (isError).` : `${name} returned a result.`,
        output: { kind: 'tool-result', result: call.result, isError },
      };
    }
    if (call.status === 401) return unauthorized(ctx, call.exchange?.id);
    if (call.status === 403) return forbidden(ctx, call.exchange!, stepUps);
    return call.outcome;
  },
};

function unauthorized(ctx: StepContext, exchangeId: string | undefined): StepOutcome {
  if (ctx.learned.tokens?.refresh_token) {
    ctx.note('401: the access token was rejected (expired?); a refresh token is available');
    return { status: 'warning', summary: '401 Unauthorized: refreshing the token and retrying.', output: { kind: 'needs-refresh' } };
  }
  ctx.raise('mcp.authenticated-request-failed', 'tools/call answered 401 and there is no refresh token to get a new access token.', exchangeId);
  return { status: 'failed', summary: '401 Unauthorized, and no refresh token.' };
}

function forbidden(ctx: StepContext, exchange: NonNullable<Parameters<typeof headerValue>[0]>, stepUps: number): StepOutcome {
  const header = headerValue(exchange, 'www-authenticate');
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
  return { status: 'warning', summary: `Needs more scope (${scope}): stepping up.`, output: { kind: 'needs-step-up', scope } };
}
