import express from 'express';
import { createAuthorizationServer } from '../../auth-server/authorization-server.ts';
import { generateSigningJwks } from '../../auth-server/keys.ts';
import type { ExtraRoutes } from '../../mounted-routes.ts';
import { scenarioMcpUrl } from '../catalog.ts';
import { SCENARIO_AUTH_SERVERS, scenarioAuthServerLocation } from './scenario-auth-servers.ts';

const RFC8414_WELL_KNOWN = '/.well-known/oauth-authorization-server';

/** Every scenario's own authorization server, each at /s/<id> on the demo authorization server's origin. */
export function mountScenarioAuthServers({ mcpOrigin, appOrigin }: { mcpOrigin: string; appOrigin: string }): ExtraRoutes {
  return async (authOrigin) => {
    const router = express.Router();
    // Tenants of one host, as Entra ID's are: one signing key (RSA key generation is slow).
    const jwks = await generateSigningJwks();
    const servers = await Promise.all(
      SCENARIO_AUTH_SERVERS.map(async (server) => {
        const location = scenarioAuthServerLocation(server, authOrigin);
        const { provider, router: serverRouter } = await createAuthorizationServer({
          issuer: location.issuer,
          mountPath: server.mountPath,
          mcpResourceUrl: scenarioMcpUrl(mcpOrigin, server.id),
          appOrigin,
          cookieNameSuffix: `_${server.id.replaceAll('-', '_')}`,
          jwks,
          ...server.fault({ authOrigin, appOrigin }),
        });
        return { mountPath: server.mountPath, callback: provider.callback(), serverRouter };
      }),
    );
    for (const { mountPath, callback, serverRouter } of servers) {
      // RFC 8414 §3.1: the metadata of an issuer with a path is at the path-inserted URL, which
      // oidc-provider (mounted below that path) does not serve itself. Its mount path is read
      // from originalUrl, so the endpoints in the document keep their /s/<id> prefix.
      router.all(`${RFC8414_WELL_KNOWN}${mountPath}`, (req, res) => {
        req.url = RFC8414_WELL_KNOWN;
        req.originalUrl = `${mountPath}${RFC8414_WELL_KNOWN}`;
        void callback(req, res);
      });
      router.use(mountPath, serverRouter);
    }
    return { router, close: async () => undefined };
  };
}
