import { insufficientScope } from './insufficient-scope.ts';
import { callMcp } from './mcp-call.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

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
    const call = await callMcp(
      ctx,
      'tools/call',
      { name, arguments: args },
      { id: ctx.exchanges.length + 1, passStatuses: [401, 403], expectHeaders: ['WWW-Authenticate'] },
    );
    if (call.ok) {
      const isError = call.result.isError === true;
      return {
        status: 'ok',
        summary: isError ? `${name} ran and reported an error (isError).` : `${name} returned a result.`,
        output: { kind: 'tool-result', result: call.result, isError },
      };
    }
    if (call.status === 401) return unauthorized(ctx, call.exchange?.id, ctx.input.refreshed === true);
    if (call.status === 403) return insufficientScope(ctx, call.exchange!, stepUps);
    return call.outcome;
  },
};

function unauthorized(ctx: StepContext, exchangeId: string | undefined, alreadyRefreshed: boolean): StepOutcome {
  if (alreadyRefreshed) {
    ctx.raise('mcp.authenticated-request-failed', 'tools/call answered 401 again with the refreshed access token.', exchangeId);
    return { status: 'failed', summary: '401 Unauthorized, even after a refresh.' };
  }
  if (ctx.learned.tokens?.refresh_token) {
    ctx.note('401: the access token was rejected (expired?); a refresh token is available');
    return { status: 'warning', summary: '401 Unauthorized: refreshing the token and retrying.', output: { kind: 'needs-refresh' } };
  }
  ctx.raise('mcp.authenticated-request-failed', 'tools/call answered 401 and there is no refresh token to get a new access token.', exchangeId);
  return { status: 'failed', summary: '401 Unauthorized, and no refresh token.' };
}
