import type { default as Provider } from 'oidc-provider';
import { changeProviderResponse } from './change-provider-response.ts';

/** Every authorization response (code or error) names `wrongIssuer` in its RFC 9207 iss. */
export function withWrongCallbackIss(wrongIssuer: string): (provider: Provider) => void {
  return (provider) => {
    changeProviderResponse(provider, ['authorization', 'resume'], (ctx) => {
      // Redirects to the login pages are relative; the ones back to the client are absolute.
      const callback = URL.parse(ctx.response.get('location'));
      if (callback?.searchParams.get('iss') !== provider.issuer) return;
      callback.searchParams.set('iss', wrongIssuer);
      ctx.redirect(callback.href);
    });
  };
}
