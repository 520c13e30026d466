import type { RequestHandler, Router } from 'express';
import { createAccessTokenVerifier } from '../../mcp-server/access-token-verifier.ts';
import { resourceMetadataChallenge, type UnauthorizedChallenge } from '../../mcp-server/bearer-auth.ts';
import { mcpCors } from '../../mcp-server/cors.ts';
import { TOOL_REQUIRED_SCOPES } from '../../mcp-server/demo-tools.ts';
import { createMcpEndpoint } from '../../mcp-server/mcp-endpoint.ts';
import { protectedResourceMetadata, protectedResourceMetadataUrl } from '../../mcp-server/protected-resource-metadata.ts';
import { requireToolScopes } from '../../mcp-server/require-tool-scopes.ts';
import { bearerChallenge } from '../../mcp-server/www-authenticate.ts';
import { MCP_ADMIN_SCOPE, MCP_RESOURCE_SCOPES, MCP_TOOLS_SCOPE } from '../../scopes.ts';
import type { AuthServerLocation } from '../auth/scenario-auth-servers.ts';
import { pinInitializeVersion } from '../legacy/pin-initialize-version.ts';
import { acceptAnyToken } from './accept-any-token.ts';
import { gatewaySignIn } from './gateway-sign-in.ts';
import { sendHtmlLoginPage } from './html-login-page.ts';
import { neverAnswer } from './never-answer.ts';
import { preflightWithoutCors } from './preflight-without-cors.ts';

/** What a scenario's MCP side does differently from the healthy /mcp; unset means healthy. */
export interface McpFaults {
  cors?: 'www-authenticate-not-exposed' | 'none' | 'after-auth';
  challenge?: 'none' | 'without-resource-metadata' | 'bare';
  /**
   * behind-gateway: the challenge names a metadata URL under the MCP path, which a gateway guards
   * with its own auth; the path-inserted well-known URL is exempt and serves the metadata.
   */
  metadata?: 'at-root-only' | 'none' | 'html-login-page' | 'behind-gateway';
  metadataResource?: 'trailing-slash';
  tokens?: 'any-accepted';
  toolScopes?: 'admin-on-every-tool';
  protocol?: '2025-03-26';
  answers?: 'never';
}

export interface ScenarioEndpointOptions {
  url: string;
  appOrigin: string;
  authServer: AuthServerLocation;
  faults: McpFaults;
}

/** Adds one scenario's MCP endpoint and its metadata to the router; returns what closes its sessions. */
export function mountScenarioEndpoint(router: Router, { url, appOrigin, authServer, faults }: ScenarioEndpointOptions) {
  const { origin, pathname } = new URL(url);
  const metadataUrl = faults.metadata === 'at-root-only' ? `${origin}/.well-known/oauth-protected-resource` : protectedResourceMetadataUrl(url);
  const healthyCors = mcpCors(appOrigin);
  // The URL the 401 names: the metadata's own, or the one under the MCP path that only the gateway answers.
  const challengeMetadataUrl = faults.metadata === 'behind-gateway' ? `${url}/.well-known/oauth-protected-resource` : metadataUrl;
  if (faults.metadata === 'behind-gateway') router.get(new URL(challengeMetadataUrl).pathname, gatewaySignIn);

  if (faults.metadata !== 'none') {
    const metadataPath = new URL(metadataUrl).pathname;
    const resource = faults.metadataResource === 'trailing-slash' ? `${url}/` : url;
    router.options(metadataPath, healthyCors);
    router.get(
      metadataPath,
      healthyCors,
      faults.metadata === 'html-login-page'
        ? sendHtmlLoginPage
        : (_req, res) => {
            res.json(protectedResourceMetadata({ resource, issuer: authServer.identifier }));
          },
    );
  }

  const endpoint = createMcpEndpoint({
    appOrigin,
    verifier:
      faults.tokens === 'any-accepted'
        ? acceptAnyToken()
        : createAccessTokenVerifier({
            issuer: authServer.issuer,
            resource: url,
            metadataUrl: authServer.metadataUrl,
            // A token that was stepped up to mcp:admin alone (2025-11-25 asks for the challenged scope only) still works.
            acceptedScopes: faults.toolScopes === 'admin-on-every-tool' ? MCP_RESOURCE_SCOPES : [MCP_TOOLS_SCOPE],
          }),
    challenge: unauthorizedChallenge(faults.challenge, challengeMetadataUrl),
    toolScopes: requireToolScopes(
      faults.toolScopes === 'admin-on-every-tool' ? () => [MCP_ADMIN_SCOPE] : (tool) => TOOL_REQUIRED_SCOPES[tool],
      faults.metadata === 'none' ? undefined : challengeMetadataUrl,
    ),
    sessionsOnly: faults.protocol === '2025-03-26',
    ...(faults.protocol === '2025-03-26' ? { beforeDispatch: pinInitializeVersion } : {}),
  });

  if (faults.answers === 'never') router.all(pathname, healthyCors, neverAnswer);
  else router.all(pathname, ...corsAround(faults.cors, appOrigin, endpoint.authenticate, endpoint.serve));
  return endpoint.close;
}

function corsAround(cors: McpFaults['cors'], appOrigin: string, authenticate: RequestHandler[], serve: RequestHandler[]): RequestHandler[] {
  switch (cors) {
    case undefined:
      return [mcpCors(appOrigin), ...authenticate, ...serve];
    case 'www-authenticate-not-exposed':
      return [mcpCors(appOrigin, { exposeHeaders: ['Mcp-Session-Id'] }), ...authenticate, ...serve];
    case 'none':
      return [preflightWithoutCors, ...authenticate, ...serve];
    case 'after-auth':
      // app.use(auth) above app.use(cors()): the preflight has no token, so it gets the 401.
      return [...authenticate, mcpCors(appOrigin), ...serve];
  }
}

function unauthorizedChallenge(challenge: McpFaults['challenge'], metadataUrl: string): UnauthorizedChallenge {
  const invalidToken = (reason: string | undefined) =>
    [
      ['error', reason === undefined ? undefined : 'invalid_token'],
      ['error_description', reason],
    ] as const;
  switch (challenge) {
    case undefined:
      return resourceMetadataChallenge(metadataUrl);
    case 'none':
      return () => undefined;
    case 'without-resource-metadata':
      return (reason) => bearerChallenge([...invalidToken(reason), ['scope', MCP_TOOLS_SCOPE]]);
    case 'bare':
      return (reason) => (reason === undefined ? 'Bearer' : bearerChallenge(invalidToken(reason)));
  }
}
