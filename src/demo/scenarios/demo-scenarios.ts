import type { AuthServerOptions } from '../auth-server/start-auth-server.ts';
import type { McpServerOptions } from '../mcp-server/start-mcp-server.ts';
import { mountScenarioAuthServers } from './auth/mount-scenario-auth-servers.ts';
import { SCENARIOS, scenarioMcpUrl } from './catalog.ts';
import { mountMcpScenarios, scenarioResourcesOfHealthyAuthServer } from './mount-mcp-scenarios.ts';

/** One entry of the app's scenario picker (GET /__demo/config.json). */
export interface DemoScenario {
  id: string;
  title: string;
  breaks: string;
  step: string;
  rules: readonly string[];
  mcpUrl: string;
  clientId?: string;
  spec?: string;
}

export function demoScenarios(mcpOrigin: string): DemoScenario[] {
  return SCENARIOS.map((scenario) => ({ ...scenario, mcpUrl: scenarioMcpUrl(mcpOrigin, scenario.id) }));
}

/** What the demo authorization server needs to serve the scenarios too. */
export function authServerScenarioOptions({
  mcpOrigin,
  appOrigin,
}: {
  mcpOrigin: string;
  appOrigin: string;
}): Pick<AuthServerOptions, 'extraResourceUrls' | 'extraRoutes'> {
  return {
    extraResourceUrls: scenarioResourcesOfHealthyAuthServer(mcpOrigin),
    extraRoutes: mountScenarioAuthServers({ mcpOrigin, appOrigin }),
  };
}

/** What the demo MCP server needs to serve the scenarios too. */
export function mcpServerScenarioOptions({ authIssuer, appOrigin }: { authIssuer: string; appOrigin: string }): Pick<McpServerOptions, 'extraRoutes'> {
  return { extraRoutes: mountMcpScenarios({ authIssuer, appOrigin }) };
}
