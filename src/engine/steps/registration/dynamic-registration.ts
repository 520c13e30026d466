import * as oauth from 'oauth4webapi';
import { isLoopbackHost } from '../../security/loopback-host.ts';
import { attempt } from '../fetch-failure.ts';
import { latestExchange } from '../latest-exchange.ts';
import { oauthOptions, toOauthServer } from '../oauth-options.ts';
import { processOauthResponse, refusalSummary } from '../oauth-response.ts';
import type { StepContext, StepOutcome } from '../step-definition.ts';
import { registrationScope } from './registration-scope.ts';
import { chooseTokenAuthMethod } from './token-auth-method.ts';

/**
 * Dynamic client registration (RFC 7591). As a browser app we are a public client and ask for no
 * secret; 2026-07-28 requires application_type, and "native" is right for a loopback redirect (RFC 8252).
 */
export async function registerDynamically(ctx: StepContext, _explicit: boolean): Promise<StepOutcome> {
  const as = ctx.learned.asMetadata!;
  if (!as.registration_endpoint) {
    ctx.raise(
      'registration.unavailable',
      `${as.issuer} publishes no registration_endpoint, and no client id or client metadata URL was given. Enter a pre-registered client id to go on.`,
    );
    return { status: 'failed', summary: 'No way to get a client_id: enter a pre-registered one.' };
  }
  const applicationType = isLoopbackHost(new URL(ctx.settings.redirectUri).hostname) ? 'native' : 'web';
  // Some servers refuse to authorize a scope the client was not registered with (invalid_scope).
  const { scope, why } = registrationScope(ctx.learned, ctx.settings);
  const metadata = {
    client_name: ctx.settings.clientName,
    redirect_uris: [ctx.settings.redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    ...(scope ? { scope } : {}),
    ...(ctx.profile.registration.sendsApplicationType ? { application_type: applicationType } : {}),
  };
  ctx.note(`application_type = ${applicationType}, redirect_uri = ${ctx.settings.redirectUri}`);
  ctx.note(why);
  const sent = await attempt(ctx, 'The registration request got no response', () =>
    oauth.dynamicClientRegistrationRequest(toOauthServer(as), metadata, oauthOptions(ctx)),
  );
  if (!sent.ok) return sent.outcome;
  const exchange = latestExchange(ctx);
  const processed = await processOauthResponse(ctx, exchange, 'registration', () => oauth.processDynamicClientRegistrationResponse(sent.value));
  let client: Record<string, unknown> & { client_id: string };
  let nonconforming = false;
  if (processed.ok) client = processed.value;
  else {
    // oauth4webapi refuses a 201 that breaks RFC 7591 in a detail (no client_secret_expires_at,
    // say). A real client would carry on with the client_id, so the finding is kept and so is the client.
    const lenient = exchange.response?.status === 201 && !processed.serverSaid ? registeredClient(exchange.response.body) : undefined;
    if (!lenient) {
      ctx.raise('registration.rejected', processed.detail, exchange.id);
      return { status: 'failed', summary: refusalSummary('The registration was refused', processed) };
    }
    ctx.raise('registration.response-nonconforming', processed.detail, exchange.id);
    client = lenient;
    nonconforming = true;
  }
  const secret = typeof client.client_secret === 'string' ? client.client_secret : undefined;
  const registeredMethod = typeof client.token_endpoint_auth_method === 'string' ? client.token_endpoint_auth_method : 'none';
  const method = chooseTokenAuthMethod(as, !!secret, registeredMethod);
  // RFC 7591 §3.2.1: the response holds the metadata as registered, which the server may have changed.
  const registeredScope = typeof client.scope === 'string' ? client.scope : scope;
  ctx.learned.client = {
    client_id: client.client_id,
    ...(secret ? { client_secret: secret } : {}),
    token_endpoint_auth_method: method,
    issuer: as.issuer,
    ...(registeredScope !== undefined ? { scope: registeredScope } : {}),
    // RFC 7591 §3.2.1: the redirect URIs as registered, so a callback that never comes can name them.
    redirect_uris: registeredRedirectUris(client.redirect_uris) ?? metadata.redirect_uris,
  };
  ctx.note(`client_id = ${client.client_id}`);
  if (registeredScope !== scope) ctx.note(`The authorization server registered scope "${registeredScope}", not the "${scope ?? ''}" asked for`);
  if (registeredMethod !== 'none') {
    // fastmcp#972: a server that registers a confidential client when a public one was asked for.
    ctx.raise('registration.auth-method-changed', `Asked for "none", registered as "${registeredMethod}"; the client will use ${method}.`, exchange.id);
    return { status: 'warning', summary: `Registered as ${client.client_id}, but as a confidential client.` };
  }
  return nonconforming
    ? { status: 'warning', summary: `Registered as ${client.client_id}, though the response breaks RFC 7591.` }
    : { status: 'ok', summary: `Registered as ${client.client_id}.` };
}

function registeredClient(body: string): (Record<string, unknown> & { client_id: string }) | undefined {
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object' && typeof (value as { client_id?: unknown }).client_id === 'string') {
      return value as Record<string, unknown> & { client_id: string };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The response's redirect_uris when it is a list of strings; a server that omits or garbles it registered what was sent. */
function registeredRedirectUris(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((uri) => typeof uri === 'string') ? value : undefined;
}
