import type { default as Provider } from 'oidc-provider';
import { changeProviderResponse } from './change-provider-response.ts';

/** Entra ID and Cognito style: PKCE S256 works (and is required) but the metadata does not say so. */
export function withoutPkceMetadata(provider: Provider): void {
  changeProviderResponse(provider, ['discovery'], (ctx) => {
    if (typeof ctx.body === 'object' && ctx.body !== null) {
      delete (ctx.body as Record<string, unknown>).code_challenge_methods_supported;
    }
  });
}
