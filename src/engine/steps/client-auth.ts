import * as oauth from 'oauth4webapi';
import type { RegisteredClient } from '../model/session.ts';

/** A public client (our default) authenticates with nothing but its client_id. */
export function clientAuthFor(client: RegisteredClient): oauth.ClientAuth {
  if (!client.client_secret) return oauth.None();
  return client.token_endpoint_auth_method === 'client_secret_post' ? oauth.ClientSecretPost(client.client_secret) : clientSecretBasic(client.client_secret);
}

/**
 * client_secret_basic with application/x-www-form-urlencoded encoding of id and secret, as
 * RFC 6749 §2.3.1 prescribes. oauth4webapi's own helper percent-encodes more characters
 * (`-` becomes `%2D`), which servers that decode only the form encoding reject.
 */
function clientSecretBasic(secret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
    headers.set('authorization', `Basic ${btoa(`${encode(client.client_id)}:${encode(secret)}`)}`);
  };
}
