import type { StepContext, StepOutcome } from '../step-definition.ts';
import { chooseTokenAuthMethod } from './token-auth-method.ts';

/**
 * A client id (and maybe a secret) the user registered by hand. Since 2026-07-28 credentials are
 * bound to the issuer that issued them: the same id must not be presented to another server.
 * In auto mode, credentials from another issuer (an earlier run's server, before the metadata
 * moved) are not sent at all, in any version: the new issuer is a new server, and the next
 * approach registers there (issue 9 §2.7). Undefined means: try the next approach.
 */
export function usePreRegisteredClient(ctx: StepContext, explicit = true): StepOutcome | undefined {
  const { clientId, clientSecret } = ctx.settings.registration;
  const as = ctx.learned.asMetadata!;
  const boundIssuer = ctx.settings.registration.issuer ?? ctx.learned.client?.issuer;
  if (boundIssuer && boundIssuer !== as.issuer && !explicit) {
    ctx.raise(
      'as.changed',
      `The pre-registered client ${clientId} was issued by ${boundIssuer}; the metadata now names ${as.issuer}. It is not sent there: the client registers with ${as.issuer} instead.`,
    );
    return undefined;
  }
  if (boundIssuer && boundIssuer !== as.issuer && !ctx.profile.credentialsBoundToIssuer) {
    ctx.note(`These credentials were issued by ${String(boundIssuer)}; 2026-07-28 would refuse to send them to ${as.issuer}`);
  } else if (boundIssuer && boundIssuer !== as.issuer) {
    ctx.raise('registration.bound-to-other-issuer', `The client id was used with ${String(boundIssuer)}; this flow's issuer is ${as.issuer}.`);
    return { status: 'failed', summary: 'These credentials belong to another authorization server.' };
  }
  const method = chooseTokenAuthMethod(as, !!clientSecret);
  ctx.learned.client = {
    client_id: clientId!,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    token_endpoint_auth_method: method,
    issuer: as.issuer,
  };
  ctx.note(`client_id = ${clientId} (pre-registered, bound to ${as.issuer})`);
  ctx.note(`token endpoint authentication: ${method}${clientSecret ? ' (secret kept out of the diagram)' : ''}`);
  return { status: 'ok', summary: `Using the pre-registered client ${clientId}.` };
}
