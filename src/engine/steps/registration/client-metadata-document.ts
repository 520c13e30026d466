import type { StepContext, StepOutcome } from '../step-definition.ts';

/**
 * Client ID Metadata Documents (2025-11-25): the client_id is an https URL of a JSON document the
 * authorization server fetches itself, so there is no registration request at all.
 * Usable only when the server says so (client_id_metadata_document_supported).
 */
export function useClientMetadataDocument(ctx: StepContext, explicit: boolean): StepOutcome | undefined {
  const url = ctx.settings.registration.clientMetadataUrl!;
  const as = ctx.learned.asMetadata!;
  const problem = clientIdUrlProblem(url);
  if (problem) {
    ctx.raise('registration.cimd-url-invalid', `${JSON.stringify(url)}: ${problem}`);
    return { status: 'failed', summary: 'The client metadata URL cannot be a client_id.' };
  }
  if (as.client_id_metadata_document_supported !== true) {
    ctx.raise('registration.cimd-unsupported', `${as.issuer} does not advertise client_id_metadata_document_supported.`);
    // In auto mode the next approach (DCR) may still work.
    return explicit ? { status: 'failed', summary: 'The authorization server does not accept client metadata documents.' } : undefined;
  }
  ctx.learned.client = { client_id: url, token_endpoint_auth_method: 'none', issuer: as.issuer };
  ctx.note(`client_id = ${url} (a Client ID Metadata Document the authorization server fetches itself)`);
  ctx.note(`The document must list redirect_uri ${ctx.settings.redirectUri} and have client_id equal to its own URL`);
  return { status: 'ok', summary: 'Using a Client ID Metadata Document as client_id.' };
}

function clientIdUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:') return 'a client_id URL must be https';
  if (url.pathname === '/' || url.pathname === '') return 'a client_id URL must have a path';
  if (url.hash) return 'a client_id URL must not have a fragment';
  return undefined;
}
