import {
  authorize,
  discover,
  redeemCode,
  registerClient,
  type AuthorizationOutcome,
  type AuthorizationServerMetadata,
  type TokenResponse,
} from './headless-oauth-client.ts';

export interface HeadlessLogin {
  metadata: AuthorizationServerMetadata;
  clientId: string;
  outcome: AuthorizationOutcome;
  tokens: TokenResponse;
}

/**
 * The whole flow for an MCP endpoint, as a client that goes on past any finding would run it:
 * its path-inserted protected resource metadata, the first authorization server, registration
 * (unless a client id is given), login and consent, and the code for tokens.
 */
export async function loginTo(mcpUrl: string, { scope = 'mcp:tools', clientId }: { scope?: string; clientId?: string } = {}): Promise<HeadlessLogin> {
  const { origin, pathname } = new URL(mcpUrl);
  const resourceMetadata = (await (await fetch(`${origin}/.well-known/oauth-protected-resource${pathname}`)).json()) as {
    authorization_servers: string[];
  };
  const [issuer] = resourceMetadata.authorization_servers;
  if (!issuer) throw new Error(`no authorization server for ${mcpUrl}`);
  const metadata = await discover(issuer);
  const client = clientId ?? (await registerClient(metadata));
  const outcome = await authorize({ metadata, clientId: client, resource: mcpUrl, scope });
  const tokens = await redeemCode({ metadata, clientId: client, resource: mcpUrl, outcome });
  return { metadata, clientId: client, outcome, tokens };
}
