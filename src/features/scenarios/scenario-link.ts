import type { DemoScenario } from '../connect/demo-config.ts';
import { buildLink } from '../connect/share-link.ts';

/** A link that loads a scenario: its server URL, and the pre-registered client id it needs, if any. */
export function scenarioLink(origin: string, scenario: DemoScenario): string {
  return buildLink(
    origin,
    {
      server: scenario.mcpUrl,
      scenario: scenario.id,
      ...(scenario.clientId ? { mode: 'pre-registered' as const, clientId: scenario.clientId } : {}),
    },
    false,
  );
}
