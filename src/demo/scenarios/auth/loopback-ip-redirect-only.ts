import type { default as Provider } from 'oidc-provider';

const LOOPBACK_IP_LITERALS = new Set(['127.0.0.1', '[::1]']);

/**
 * RFC 8252 §8.3 calls `localhost` NOT RECOMMENDED for loopback redirects, and some servers
 * enforce it only at /authorize: registration takes http://localhost/..., authorization then
 * refuses it with the server's own error page, since it may not redirect to an unaccepted URI.
 */
export function acceptOnlyLoopbackIpRedirects(provider: Provider): void {
  const registeredAndAllowed = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(redirectUri: string) {
    const hostname = URL.parse(redirectUri)?.hostname ?? '';
    return LOOPBACK_IP_LITERALS.has(hostname) && registeredAndAllowed.call(this, redirectUri);
  };
}
