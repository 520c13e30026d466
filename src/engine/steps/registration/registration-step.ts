import type { StepDefinition } from '../step-definition.ts';
import { useClientMetadataDocument } from './client-metadata-document.ts';
import { registerDynamically } from './dynamic-registration.ts';
import { usePreRegisteredClient } from './pre-registered.ts';

/**
 * The spec's order (2025-11-25 "Client Registration Approaches"): pre-registered credentials,
 * then a Client ID Metadata Document, then dynamic registration, then ask the user.
 */
export const registrationStep: StepDefinition = {
  kind: 'registration',
  title: 'Client registration',
  teaching:
    'The client needs a client_id at this authorization server. In the spec’s order it uses one registered in advance, or a Client ID ' +
    'Metadata Document URL (the server fetches it), or registers itself dynamically (RFC 7591) with its redirect URI, grant types and application_type.',
  specAnchor: 'client-registration-approaches',
  async run(ctx) {
    const { mode, clientId, clientMetadataUrl } = ctx.settings.registration;
    if (!ctx.learned.asMetadata) return { status: 'failed', summary: 'No authorization server metadata.' };
    if (mode === 'pre-registered' || (mode === 'auto' && clientId)) {
      if (!clientId) {
        ctx.raise('registration.unavailable', 'Pre-registered mode needs a client id.');
        return { status: 'failed', summary: 'Enter the pre-registered client id.' };
      }
      return usePreRegisteredClient(ctx);
    }
    if (mode === 'cimd' || (mode === 'auto' && clientMetadataUrl)) {
      if (!clientMetadataUrl) {
        ctx.raise('registration.cimd-url-invalid', 'CIMD mode needs the URL of the client metadata document.');
        return { status: 'failed', summary: 'Enter the client metadata document URL.' };
      }
      const outcome = useClientMetadataDocument(ctx, mode === 'cimd');
      if (outcome) return outcome;
      ctx.note('Falling back to dynamic registration');
    }
    return registerDynamically(ctx, mode === 'dcr');
  },
};
