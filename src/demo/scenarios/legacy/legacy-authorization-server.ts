import type { Request, RequestHandler } from 'express';
import { MCP_TOOLS_SCOPE } from '../../scopes.ts';
import { createAuthorizationServer } from '../../auth-server/authorization-server.ts';
import type { AuthServerLocation } from '../auth/scenario-auth-servers.ts';

/** The 2025-03-26 default endpoints (basic/authorization "Fallbacks for Servers without Metadata Discovery"). */
const LEGACY_ROUTES = { authorization: '/authorize', token: '/token', registration: '/register', jwks: '/jwks' };

/** The paths of that server on the MCP origin; everything else stays the MCP server's. */
const LEGACY_PATHS = /^\/(?:authorize|token|register|jwks|interaction)(?:\/|$)|^\/\.well-known\/oauth-authorization-server$/;

/**
 * The authorization server of a 2025-03-26 MCP server, on that server's own origin: the
 * client strips the MCP URL's path and reads /.well-known/oauth-authorization-server there.
 * Plain OAuth: no userinfo and no PAR, so the metadata names only endpoints that exist here.
 */
export async function createLegacyAuthorizationServer({
  mcpOrigin,
  resource,
  appOrigin,
}: {
  mcpOrigin: string;
  resource: string;
  appOrigin: string;
}): Promise<{ location: AuthServerLocation; handler: RequestHandler }> {
  const { router } = await createAuthorizationServer({
    issuer: mcpOrigin,
    mcpResourceUrl: resource,
    appOrigin,
    cookieNameSuffix: '_legacy',
    adjustConfiguration: (configuration) => ({
      ...configuration,
      routes: { ...configuration.routes, ...LEGACY_ROUTES },
      features: {
        ...configuration.features,
        userinfo: { enabled: false },
        pushedAuthorizationRequests: { enabled: false },
      },
    }),
  });
  return {
    location: { identifier: mcpOrigin, issuer: mcpOrigin, metadataUrl: `${mcpOrigin}/.well-known/oauth-authorization-server` },
    handler: (req, res, next) => {
      if (!LEGACY_PATHS.test(req.path)) return next();
      if (req.path === LEGACY_ROUTES.authorization) applyDefaultScope(req);
      router(req, res, next);
    },
  };
}

/**
 * A 2025-03-26 client has no PRM and no challenge to learn scopes from, so it usually sends none.
 * RFC 6749 §3.3 lets the server apply a pre-defined default instead of failing: this one grants
 * the tools scope, as real servers of that era did.
 */
function applyDefaultScope(req: Request): void {
  const url = new URL(req.url, 'http://placeholder');
  if (url.searchParams.get('scope')) return;
  url.searchParams.set('scope', MCP_TOOLS_SCOPE);
  req.url = `${url.pathname}${url.search}`;
}
