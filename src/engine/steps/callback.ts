import * as oauth from 'oauth4webapi';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';
import { describeOauthError } from './oauth-error.ts';
import { toOauthClient, toOauthServer } from './oauth-options.ts';

export const callbackStep: StepDefinition = {
  kind: 'callback',
  title: 'The callback: code, state and iss',
  teaching:
    'The authorization server sends the browser back to the redirect URI with a one-time code. The client checks that state is the ' +
    'one it sent (no forged responses) and, per RFC 9207, that iss names the authorization server it started with (no mix-up).',
  specAnchor: 'authorization-code-protection',
  async run(ctx) {
    const { callbackUrl, state, asMetadata: as, client } = ctx.learned;
    // The newest redirect back to the app: a step-up re-authorization makes a second one.
    const navigation = ctx.exchanges.findLast((exchange) => exchange.outcome === 'navigation' && exchange.to === 'client');
    if (!callbackUrl || !as || !client) return { status: 'failed', summary: 'No callback was received.' };
    const params = new URL(callbackUrl).searchParams;
    // Nothing the server wrote is shown until iss checks out: after a mix-up, error_description
    // could be an attacker's text (RFC 9207 §2.4).
    const issProblem = checkIss(ctx, params.get('iss'), navigation?.id);
    for (const [key, value] of params) if (!issProblem || key !== 'error_description') ctx.note(`${key} = ${value}`);
    if (issProblem) return issProblem;
    if (params.get('state') !== state) {
      ctx.raise('callback.state-mismatch', `Sent state "${state}", got ${quoteOrMissing(params.get('state'))}.`, navigation?.id);
      return { status: 'failed', summary: 'state does not match: the response is rejected.' };
    }
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description');
      ctx.raise('callback.error', `error=${error}${description ? `, error_description=${description}` : ''}${scopeContext(ctx, error)}`, navigation?.id);
      return { status: 'failed', summary: `The authorization server returned error=${error}.` };
    }
    const code = params.get('code');
    if (!code) {
      ctx.raise('callback.no-code', `The callback URL has no code: ${callbackUrl}`, navigation?.id);
      return { status: 'failed', summary: 'No authorization code.' };
    }
    try {
      // oauth4webapi checks the same things again; a disagreement would be a bug worth seeing.
      oauth.validateAuthResponse(toOauthServer(as), toOauthClient(client), params, state!);
    } catch (problem) {
      ctx.raise('callback.error', describeOauthError(problem), navigation?.id);
      return { status: 'failed', summary: 'The authorization response was rejected.' };
    }
    ctx.learned.code = code;
    return { status: 'ok', summary: 'Code received; state and iss check out.' };
  },
};

/**
 * RFC 9207 §2.4: when the server advertises authorization_response_iss_parameter_supported, iss
 * must be present and equal to the issuer; when it does not, an iss that is present must still be equal.
 * On a mismatch nothing else from the response is trusted, error_description included.
 */
function checkIss(ctx: StepContext, iss: string | null, exchangeId: string | undefined): StepOutcome | undefined {
  const as = ctx.learned.asMetadata!;
  if (iss === null) {
    if (as.authorization_response_iss_parameter_supported === true && ctx.profile.iss.requiredWhenAdvertised) {
      ctx.raise('callback.iss-missing', `Expected iss "${as.issuer}" because the metadata advertises it.`, exchangeId);
      return { status: 'failed', summary: 'iss is missing: the response is rejected.' };
    }
    ctx.note('No iss, and none advertised: nothing to check');
    return undefined;
  }
  if (iss !== as.issuer && ctx.profile.iss.matchWhenPresent) {
    ctx.raise('callback.iss-mismatch', `Expected iss "${as.issuer}", got "${iss}".`, exchangeId);
    return { status: 'failed', summary: 'iss does not match the issuer: the response is rejected.' };
  }
  return undefined;
}

/** invalid_scope: what was asked for and what the client is registered with, side by side. */
function scopeContext(ctx: StepContext, error: string): string {
  if (error !== 'invalid_scope') return '';
  const registered = ctx.learned.client?.scope;
  const requested = ctx.learned.scope;
  return (
    `. Scope requested: ${requested === undefined ? 'none' : `"${requested}"`}; ` +
    `scope registered: ${typeof registered === 'string' ? `"${registered}"` : 'not known to the app (none sent at registration, or a pre-registered or CIMD client)'}.`
  );
}

function quoteOrMissing(value: string | null): string {
  return value === null ? 'none' : `"${value}"`;
}
