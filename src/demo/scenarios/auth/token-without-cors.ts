import type { default as Provider } from 'oidc-provider';
import { changeProviderResponse } from './change-provider-response.ts';

/**
 * An authorization server built for server-side clients: /token (and its preflight) carries no
 * Access-Control-* header. The token is still issued, the browser just may not read it.
 */
export function withoutTokenEndpointCors(provider: Provider): void {
  changeProviderResponse(provider, ['token', 'cors.token'], (ctx) => {
    for (const name of Object.keys(ctx.response.headers)) {
      if (name.toLowerCase().startsWith('access-control-')) ctx.remove(name);
    }
  });
}
