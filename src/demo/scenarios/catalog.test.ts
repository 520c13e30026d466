import { describe, expect, it } from 'vitest';
import { findRule } from '../../engine/rules/catalog.ts';
import { SCENARIO_AUTH_SERVERS } from './auth/scenario-auth-servers.ts';
import { PROPOSED_RULE_IDS, SCENARIOS, scenarioMcpUrl } from './catalog.ts';
import { demoScenarios } from './demo-scenarios.ts';
import { MCP_SCENARIO_FAULTS } from './mcp/mcp-scenarios.ts';

const proposed: ReadonlySet<string> = new Set(PROPOSED_RULE_IDS);

describe('the scenario catalog', () => {
  it('has the healthy server and eighteen fault scenarios with unique kebab-case ids', () => {
    const ids = SCENARIOS.map((scenario) => scenario.id);
    expect(ids[0]).toBe('healthy');
    expect(new Set(ids).size).toBe(19);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('serves every fault scenario on the MCP origin, some with their own authorization server', () => {
    const faultIds = SCENARIOS.map((scenario) => scenario.id).filter((id) => id !== 'healthy');
    expect(Object.keys(MCP_SCENARIO_FAULTS).sort()).toEqual([...faultIds].sort());
    for (const server of SCENARIO_AUTH_SERVERS) expect(MCP_SCENARIO_FAULTS[server.id as keyof typeof MCP_SCENARIO_FAULTS]).toEqual({});
  });

  it('says what breaks in one line and names the rules a client should raise', () => {
    for (const scenario of SCENARIOS) {
      expect(scenario.title.length).toBeLessThanOrEqual(40);
      expect(scenario.breaks).not.toMatch(/\n/);
      expect(scenario.breaks.length).toBeLessThanOrEqual(200);
      expect(scenario.rules.length > 0).toBe(scenario.id !== 'healthy');
    }
  });

  it('names only rules the engine has, or ones proposed for it', () => {
    const unknown = SCENARIOS.flatMap((scenario) => scenario.rules).filter((id) => !findRule(id) && !proposed.has(id));
    expect(unknown).toEqual([]);
  });

  it('gives each scenario its URL for the app', () => {
    const scenarios = demoScenarios('http://localhost:5175');
    expect(scenarios.find((scenario) => scenario.id === 'healthy')?.mcpUrl).toBe('http://localhost:5175/mcp');
    expect(scenarios.find((scenario) => scenario.id === 'no-dcr')).toMatchObject({
      mcpUrl: 'http://localhost:5175/s/no-dcr/mcp',
      clientId: 'mcp-auth-flow-demo',
    });
    expect(scenarioMcpUrl('http://localhost:5175', 'never-answers')).toBe('http://localhost:5175/s/never-answers/mcp');
  });
});
