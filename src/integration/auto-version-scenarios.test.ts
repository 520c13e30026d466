import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioMcpUrl, type ScenarioId } from '../demo/scenarios/catalog.ts';
import { startDemoServers, type DemoServers } from '../demo/test-support/demo-servers.ts';
import { TEST_APP_ORIGIN, TEST_REDIRECT_URI } from '../demo/test-support/headless-oauth-client.ts';
import { createSession } from '../engine/flow/create-session.ts';
import { FlowEngine } from '../engine/flow/engine.ts';
import type { FlowSession } from '../engine/model/session.ts';
import { browserCorsFetch } from '../engine/rules/test-support/browser-cors-fetch.ts';
import { LATEST_SPEC_VERSION, isSpecVersion, type SpecVersion } from '../engine/spec/versions.ts';
import { demoLoginUserAgent } from './demo-login-user-agent.ts';

/**
 * Auto is the default version choice (CLI and app): on every demo scenario it must settle on the
 * version the scenario is built for, and reach the same verdict as a run pinned to that version.
 */

let demo: DemoServers;
beforeAll(async () => {
  demo = await startDemoServers({ scenarios: true });
});
afterAll(() => demo?.close());

async function run(id: ScenarioId, version: SpecVersion | 'auto'): Promise<FlowSession> {
  const scenario = SCENARIOS.find((entry) => entry.id === id)!;
  const engine = new FlowEngine(
    createSession({
      serverUrl: scenarioMcpUrl(demo.mcpOrigin, id),
      specVersion: version === 'auto' ? LATEST_SPEC_VERSION : version,
      ...(version === 'auto' ? { autoVersion: true } : {}),
      timeoutMs: id === 'never-answers' ? 1_000 : 10_000,
      redirectUri: TEST_REDIRECT_URI,
      clientName: 'auto version test',
      registration: { mode: 'auto', ...('clientId' in scenario ? { clientId: scenario.clientId } : {}) },
    }),
    { userAgent: demoLoginUserAgent(), runtime: 'browser', fetchImpl: browserCorsFetch(TEST_APP_ORIGIN) },
  );
  await engine.runAll();
  return engine.snapshot;
}

const verdict = (session: FlowSession) => ({
  status: session.status,
  steps: session.steps.map((step) => `${step.kind}:${step.status}`),
  rules: [...new Set(session.findings.map((finding) => finding.ruleId))].filter((rule) => rule !== 'version.auto-chosen').sort(),
});

/**
 * The legacy scenario shares the demo's origin with prm-root-only, whose metadata sits at the
 * origin's root well-known URL; a client probing for protected resource metadata finds that
 * document (another resource) and must refuse it, so auto cannot tell this server is 2025-03-26.
 * A real 2025-03-26 server has no such document on its origin. Its scenario link pins the version.
 */
const SHARED_ORIGIN_ARTEFACT: ScenarioId = 'legacy-2025-03-26';

describe('auto version choice on the demo scenarios', () => {
  it('on the legacy scenario, meets the root metadata of another scenario, and says so', async () => {
    const auto = await run(SHARED_ORIGIN_ARTEFACT, 'auto');
    expect(verdict(auto).rules).toContain('prm.resource-mismatch');
  });

  it.each(
    SCENARIOS.filter((scenario) => scenario.id !== SHARED_ORIGIN_ARTEFACT).map(
      (scenario) => [scenario.id, 'spec' in scenario && isSpecVersion(scenario.spec) ? scenario.spec : LATEST_SPEC_VERSION] as const,
    ),
  )(
    '%s: settles on %s with the verdict of a run pinned to it',
    async (id, expected) => {
      const [auto, pinned] = await Promise.all([run(id, 'auto'), run(id, expected)]);
      expect(auto.settings.specVersion).toBe(expected);
      expect(verdict(auto)).toEqual(verdict(pinned));
    },
    30_000,
  );
});
