import express from 'express';
import type { ExtraRoutes } from '../mounted-routes.ts';
import { scenarioMcpUrl, type ScenarioId } from './catalog.ts';
import { findScenarioAuthServer, healthyAuthServerLocation, scenarioAuthServerLocation, type AuthServerLocation } from './auth/scenario-auth-servers.ts';
import { createLegacyAuthorizationServer } from './legacy/legacy-authorization-server.ts';
import { MCP_SCENARIO_FAULTS } from './mcp/mcp-scenarios.ts';
import { mountScenarioEndpoint } from './mcp/scenario-endpoint.ts';

/**
 * Every scenario's MCP endpoint at /s/<id>/mcp on the demo MCP server's origin, plus what lives
 * at that origin's root for two of them: the root metadata (prm-root-only) and the legacy
 * server's authorization server. The healthy /mcp reads neither.
 */
export function mountMcpScenarios({ authIssuer, appOrigin }: { authIssuer: string; appOrigin: string }): ExtraRoutes {
  // The healthy issuer is the root of the demo authorization server's origin.
  const authOrigin = new URL(authIssuer).origin;
  return async (mcpOrigin) => {
    const router = express.Router();
    const legacy = await createLegacyAuthorizationServer({
      mcpOrigin,
      resource: scenarioMcpUrl(mcpOrigin, 'legacy-2025-03-26'),
      appOrigin,
    });
    router.use(legacy.handler);

    const authServerFor = (id: ScenarioId): AuthServerLocation => {
      if (id === 'legacy-2025-03-26') return legacy.location;
      const own = findScenarioAuthServer(id);
      return own ? scenarioAuthServerLocation(own, authOrigin) : healthyAuthServerLocation(authIssuer);
    };

    const closers = Object.entries(MCP_SCENARIO_FAULTS).map(([id, faults]) =>
      mountScenarioEndpoint(router, {
        url: scenarioMcpUrl(mcpOrigin, id as ScenarioId),
        appOrigin,
        authServer: authServerFor(id as ScenarioId),
        faults,
      }),
    );
    return {
      router,
      async close() {
        await Promise.allSettled(closers.map((close) => close()));
      },
    };
  };
}

/** The scenario endpoints that take their tokens from the healthy authorization server. */
export function scenarioResourcesOfHealthyAuthServer(mcpOrigin: string): string[] {
  return (Object.keys(MCP_SCENARIO_FAULTS) as ScenarioId[])
    .filter((id) => id !== 'legacy-2025-03-26' && !findScenarioAuthServer(id))
    .map((id) => scenarioMcpUrl(mcpOrigin, id));
}
