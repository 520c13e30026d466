import * as oauth from 'oauth4webapi';
import type { Lane } from '../model/exchange.ts';
import type { AuthorizationServerMetadata, RegisteredClient } from '../model/session.ts';
import type { StepContext } from './step-definition.ts';

/**
 * Options that route an oauth4webapi request through our recorder. Plain http is allowed because
 * local authorization servers are common in development; the metadata rules flag it elsewhere.
 */
export function oauthOptions(ctx: StepContext, to: Lane = 'as') {
  const recordingFetch = ctx.fetch({ to });
  return {
    [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<string, unknown>) => recordingFetch(url, init as unknown as RequestInit),
    [oauth.allowInsecureRequests]: true,
  };
}

export function toOauthServer(metadata: AuthorizationServerMetadata): oauth.AuthorizationServer {
  return metadata as unknown as oauth.AuthorizationServer;
}

export function toOauthClient(client: RegisteredClient): oauth.Client {
  return client as unknown as oauth.Client;
}
