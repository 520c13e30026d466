import type { default as Provider, KoaContextWithOIDC } from 'oidc-provider';

/** Lets a scenario change what one of oidc-provider's routes answered, after the provider built it. */
export function changeProviderResponse(provider: Provider, routeNames: readonly string[], change: (ctx: KoaContextWithOIDC) => void): void {
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    await next();
    // ctx.oidc exists only on requests that one of the provider's routes matched.
    const route = (ctx as Partial<KoaContextWithOIDC>).oidc?.route;
    if (route !== undefined && routeNames.includes(route)) change(ctx);
  });
}
