import type { DemoScenario } from '../../ui/demo-config.ts';
import { LATEST_SPEC_VERSION, isSpecVersion } from '../../engine/spec/versions.ts';
import { buildLink } from '../../ui/share-link.ts';

/**
 * A link that loads a scenario: its server URL and the spec version it is built for (a scenario
 * teaches one version's rules, so it is pinned rather than left to the default, auto). A client
 * id registered in advance is not filled in: the class first sees why one is needed.
 */
export function scenarioLink(appBase: string, scenario: DemoScenario): string {
  return buildLink(
    appBase,
    { server: scenario.mcpUrl, scenario: scenario.id, spec: isSpecVersion(scenario.spec) ? scenario.spec : LATEST_SPEC_VERSION },
    false,
  );
}
