import * as oauth from 'oauth4webapi';
import type { RegisteredClient } from '../session/types.ts';

/** A public client (our default) authenticates with nothing but its client_id. */
export function clientAuthFor(client: RegisteredClient): oauth.ClientAuth {
  if (!client.client_secret) return oauth.None();
  return client.token_endpoint_auth_method === 'client_secret_post'
    ? oauth.ClientSecretPost(client.client_secret)
    : oauth.ClientSecretBasic(client.client_secret);
}
