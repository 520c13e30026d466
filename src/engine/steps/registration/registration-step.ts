import type { RegistrationApproach } from '../../spec/profile.ts';
import type { StepContext, StepDefinition, StepOutcome } from '../step-definition.ts';
import { useClientMetadataDocument } from './client-metadata-document.ts';
import { registerDynamically } from './dynamic-registration.ts';
import { usePreRegisteredClient } from './pre-registered.ts';

/**
 * The approach the user chose, or in auto mode the version's order (2025-11-25 "Client
 * Registration Approaches": pre-registered credentials, then a Client ID Metadata Document, then
 * dynamic registration), each tried while the ones before do not apply.
 */
export const registrationStep: StepDefinition = {
  kind: 'registration',
  title: 'Client registration',
  teaching:
    'The client needs a client_id at this authorization server. In the spec’s order it uses one registered in advance, or a Client ID ' +
    'Metadata Document URL (the server fetches it), or registers itself dynamically (RFC 7591) with its redirect URI, grant types, application_type and the scope it will ask for.',
  specAnchor: 'client-registration-approaches',
  async run(ctx) {
    const { mode } = ctx.settings.registration;
    if (!ctx.learned.asMetadata) return { status: 'failed', summary: 'No authorization server metadata.' };
    const approaches = mode === 'auto' ? ctx.profile.registration.order : [mode];
    for (const approach of approaches) {
      const outcome = await APPROACHES[approach](ctx, mode !== 'auto');
      if (outcome) return outcome;
    }
    ctx.raise('registration.unavailable', 'No registration approach of this version applies: enter a pre-registered client id.');
    return { status: 'failed', summary: 'No way to get a client_id: enter a pre-registered one.' };
  },
};

/** Each approach: an outcome, or undefined when it does not apply in auto mode and the next one is tried. */
const APPROACHES: Record<RegistrationApproach, (ctx: StepContext, explicit: boolean) => StepOutcome | undefined | Promise<StepOutcome>> = {
  'pre-registered'(ctx, explicit) {
    if (ctx.settings.registration.clientId) return usePreRegisteredClient(ctx, explicit);
    if (!explicit) return undefined;
    ctx.raise('registration.unavailable', 'Pre-registered mode needs a client id.');
    return { status: 'failed', summary: 'Enter the pre-registered client id.' };
  },
  cimd(ctx, explicit) {
    if (!ctx.settings.registration.clientMetadataUrl) {
      if (!explicit) return undefined;
      ctx.raise('registration.cimd-url-invalid', 'CIMD mode needs the URL of the client metadata document.');
      return { status: 'failed', summary: 'Enter the client metadata document URL.' };
    }
    const outcome = useClientMetadataDocument(ctx, explicit);
    if (!outcome) ctx.note('Falling back to dynamic registration');
    return outcome;
  },
  dcr: (ctx, explicit) => registerDynamically(ctx, explicit),
};
