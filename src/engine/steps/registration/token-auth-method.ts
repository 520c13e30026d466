import type { AuthorizationServerMetadata } from '../../model/session.ts';

export type TokenAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

/**
 * How a client with these credentials authenticates at the token endpoint. Without a secret there
 * is only "none". With one, the server's list decides; RFC 8414 §2 says an absent list means
 * client_secret_basic.
 */
export function chooseTokenAuthMethod(as: AuthorizationServerMetadata, hasSecret: boolean, registered?: string): TokenAuthMethod {
  if (!hasSecret) return 'none';
  if (registered === 'client_secret_basic' || registered === 'client_secret_post') return registered;
  const supported = Array.isArray(as.token_endpoint_auth_methods_supported)
    ? (as.token_endpoint_auth_methods_supported as unknown[]).filter((method): method is string => typeof method === 'string')
    : ['client_secret_basic'];
  if (supported.includes('client_secret_basic')) return 'client_secret_basic';
  if (supported.includes('client_secret_post')) return 'client_secret_post';
  return 'client_secret_basic';
}
