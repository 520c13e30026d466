import * as oauth from 'oauth4webapi';
import { UserAgentError } from '../flow/user-agent.ts';
import { HTTPS_RULE, judgeUrl, refusalText } from '../security/openable-url.ts';
import { isLoopbackHost } from '../security/loopback-host.ts';
import { selectScope } from './select-scope.ts';
import type { StepContext, StepDefinition } from './step-definition.ts';

export const authorizeStep: StepDefinition = {
  kind: 'authorize',
  title: 'PKCE and the authorization request',
  teaching:
    'The client makes a one-time PKCE secret (code_verifier) and sends only its SHA-256 hash (code_challenge) in the authorization URL, ' +
    'with a random state and the resource it wants a token for. The user logs in and consents at the authorization server, in a popup.',
  specAnchor: 'authorization-code-protection',
  async run(ctx) {
    const { asMetadata: as, client } = ctx.learned;
    if (!as?.authorization_endpoint || !client) return { status: 'failed', summary: 'No authorization endpoint or client.' };
    // The gate, before anything is built or opened: a hostile server's endpoint may be javascript: or file:.
    const endpoint = judgeUrl(as.authorization_endpoint);
    if (endpoint.kind === 'refused' || (endpoint.kind === 'insecure' && !ctx.offSpec)) {
      ctx.raise('authorize.endpoint-refused', `authorization_endpoint ${refusalText(as.authorization_endpoint, endpoint.reason)} ${HTTPS_RULE}.`);
      return { status: 'failed', summary: 'The authorization endpoint was refused; nothing was opened.' };
    }
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const state = oauth.generateRandomState();
    ctx.learned.pkce = { verifier, challenge, method: 'S256' };
    ctx.learned.state = state;

    const redirect = new URL(ctx.settings.redirectUri);
    if (redirect.protocol !== 'https:' && !isLoopbackHost(redirect.hostname)) {
      ctx.raise('authorize.redirect-uri-insecure', `redirect_uri is ${ctx.settings.redirectUri}.`);
    }
    const url = new URL(endpoint.url);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: ctx.settings.redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    };
    const { scope, source, overridden } = selectScope(ctx.learned, ctx.settings);
    // A step-up scope is for this one authorization request.
    delete ctx.learned.stepUpScope;
    if (overridden) ctx.raise('scope.override', `Requested "${scope}" instead of what the spec's selection rules give.`);
    if (scope) {
      params.scope = scope;
      ctx.learned.scope = scope;
    }
    // RFC 8707 resource: required since 2025-06-18, even when the server does not advertise support.
    if (ctx.profile.resourceParameter && ctx.learned.resource) params.resource = ctx.learned.resource;
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    ctx.learned.authorizeUrl = url.href;

    ctx.note(`code_verifier = ${verifier} (kept secret)`);
    ctx.note(`code_challenge = BASE64URL(SHA-256(code_verifier)) = ${challenge}`);
    ctx.note(`scope from ${source}${scope ? `: ${scope}` : ''}`);
    ctx.note('Opening the authorization URL for login and consent');

    const startedAt = Date.now();
    try {
      const { callbackUrl } = await ctx.userAgent.authorize(
        { url: url.href, redirectUri: ctx.settings.redirectUri, state, ...(endpoint.kind === 'insecure' ? { insecureHttpAccepted: true } : {}) },
        ctx.signal,
      );
      ctx.navigation('user', 'as', url.href, startedAt);
      ctx.navigation('as', 'client', callbackUrl, Date.now());
      ctx.learned.callbackUrl = callbackUrl;
      return { status: 'ok', summary: 'The authorization server redirected back to the app.' };
    } catch (error) {
      // A refused URL was never opened, so there was no navigation to draw.
      if (!(error instanceof UserAgentError && error.reason === 'refused')) ctx.navigation('user', 'as', url.href, startedAt);
      if (error instanceof UserAgentError) {
        if (error.reason === 'refused') ctx.raise('authorize.endpoint-refused', `${error.message} ${HTTPS_RULE}.`);
        else if (error.reason === 'other-origin') ctx.raise('callback.other-origin', `${error.message} The redirect_uri sent was ${ctx.settings.redirectUri}.`);
        else if (error.reason !== 'cancelled') ctx.raise('authorize.no-callback', noCallbackDetail(ctx, error.message));
        return { status: 'failed', summary: error.message };
      }
      throw error;
    }
  },
};

/** What was sent and what the server knows, so a redirect_uri mismatch can be seen at once. */
function noCallbackDetail(ctx: StepContext, reason: string): string {
  const registered = ctx.learned.client?.redirect_uris;
  const known = Array.isArray(registered) ? `${registered.join(', ')} (as registered dynamically)` : 'not known to the app (pre-registered or CIMD client)';
  return `${reason} redirect_uri sent: ${ctx.settings.redirectUri}; registered: ${known}.`;
}
