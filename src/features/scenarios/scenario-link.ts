import type { DemoScenario } from '../../ui/demo-config.ts';
import { isSpecVersion } from '../../engine/spec/versions.ts';
import { buildLink } from '../../ui/share-link.ts';

/**
 * A link that loads a scenario: its server URL and, where it needs one, its spec version. A client
 * id registered in advance is not filled in: the class first sees why one is needed.
 */
export function scenarioLink(origin: string, scenario: DemoScenario): string {
  return buildLink(origin, { server: scenario.mcpUrl, scenario: scenario.id, ...(isSpecVersion(scenario.spec) ? { spec: scenario.spec } : {}) }, false);
}
