import * as oauth from 'oauth4webapi';
import { attempt } from './fetch-failure.ts';
import { latestExchange } from './latest-exchange.ts';
import { describeOauthError } from './oauth-error.ts';
import { isLoopbackHost } from '../validate/as-metadata.ts';
import { oauthOptions, toOauthServer } from './oauth-options.ts';
import type { StepDefinition } from './step-definition.ts';

export const registrationStep: StepDefinition = {
  kind: 'registration',
  title: 'Dynamic client registration',
  teaching:
    'The client registers itself with the authorization server (RFC 7591): it sends its name, redirect URI, grant types and ' +
    'application_type, and gets a client_id back. As a browser app it is a public client, so it asks for no secret (token_endpoint_auth_method "none").',
  specAnchor: 'dynamic-client-registration',
  async run(ctx) {
    const as = ctx.learned.asMetadata;
    if (!as) return { status: 'failed', summary: 'No authorization server metadata.' };
    if (!as.registration_endpoint) {
      ctx.raise('registration.unavailable', `${as.issuer} publishes no registration_endpoint.`);
      return { status: 'failed', summary: 'The authorization server offers no dynamic registration.' };
    }
    const redirect = new URL(ctx.settings.redirectUri);
    // 2026-07-28 requires application_type; "native" is the right type for a loopback redirect (RFC 8252).
    const applicationType = isLoopbackHost(redirect.hostname) ? 'native' : 'web';
    const metadata = {
      client_name: ctx.settings.clientName,
      redirect_uris: [ctx.settings.redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: applicationType,
    };
    ctx.note(`application_type = ${applicationType}, redirect_uri = ${ctx.settings.redirectUri}`);
    const sent = await attempt(ctx, 'The registration request got no response', () =>
      oauth.dynamicClientRegistrationRequest(toOauthServer(as), metadata, oauthOptions(ctx)),
    );
    if (!sent.ok) return sent.outcome;
    const exchange = latestExchange(ctx);
    try {
      const client = await oauth.processDynamicClientRegistrationResponse(sent.value);
      ctx.learned.client = {
        ...client,
        client_id: client.client_id,
        ...(typeof client.client_secret === 'string' ? { client_secret: client.client_secret } : {}),
      };
      ctx.note(`client_id = ${client.client_id}`);
      return { status: 'ok', summary: `Registered as ${client.client_id}.` };
    } catch (error) {
      ctx.raise('registration.rejected', describeOauthError(error, exchange.response?.status), exchange.id);
      return { status: 'failed', summary: 'The registration was refused.' };
    }
  },
};
