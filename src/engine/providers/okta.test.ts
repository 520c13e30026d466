import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { OKTA_CLIENT_ID, startOkta, type OktaOptions } from './test-support/okta-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function runAgainstOkta(options: OktaOptions, clientId?: string) {
  const okta = await startOkta(options);
  servers.push(okta);
  const session = await runFlow(okta, clientId ? { settings: { registration: { mode: 'pre-registered', clientId } } } : {});
  return { session, okta };
}

function explanationOf(session: FlowSession, ruleId: string) {
  const finding = session.findings.find((candidate) => candidate.ruleId === ruleId);
  expect(finding, `a ${ruleId} finding`).toBeDefined();
  return providerView(session).explanations[finding!.id];
}

describe('Okta (loopback imitation)', () => {
  it('refused dynamic registration (okta.clients.register, E0000011): recognised, and the fix is a pre-registered app with the redirect URI', async () => {
    const { session } = await runAgainstOkta({ server: 'default' });
    expect(providerView(session).provider?.evidence).toMatch(/^recognised as Okta from an Okta error code \((E0000011|okta\.clients\.register)\)/);
    const explanation = explanationOf(session, 'registration.rejected');
    expect(explanation?.deviation).toBe('okta.dcr-needs-token');
    expect(explanation?.cause).toContain('okta.clients.register');
    expect(explanation?.fix).toContain('with http://localhost:5173/callback as a sign-in redirect URI');
  });

  it('the org authorization server: its tokens are for Okta’s APIs, and the fix names /oauth2/default and the audience to set', async () => {
    const { session, okta } = await runAgainstOkta({ server: 'org' }, OKTA_CLIENT_ID);
    expect(providerView(session).provider?.name).toBe('Okta');
    for (const ruleId of ['token.audience-mismatch', 'mcp.authenticated-request-failed']) {
      const explanation = explanationOf(session, ruleId);
      expect(explanation?.deviation).toBe('okta.org-authorization-server');
      expect(explanation?.fix).toBe(
        `Use a custom authorization server (Security → API → Authorization Servers, e.g. ${okta.base}/oauth2/default) with its Audience set to ` +
          `${okta.mcpUrl}, and name its issuer in the PRM's authorization_servers.`,
      );
    }
  });

  it('a custom server left at Audience api://default: the fix is that setting', async () => {
    const { session, okta } = await runAgainstOkta({ server: 'default' }, OKTA_CLIENT_ID);
    const explanation = explanationOf(session, 'token.audience-mismatch');
    expect(explanation?.deviation).toBe('okta.custom-server-audience');
    expect(explanation?.fix).toContain(`to ${okta.mcpUrl}.`);
  });

  it('a custom server with the MCP server as its Audience: the flow succeeds, recognised, with no error to explain', async () => {
    const { session } = await runAgainstOkta({ server: 'default', audienceIsMcpServer: true }, OKTA_CLIENT_ID);
    expect(session.status).toBe('done');
    expect(session.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(providerView(session).provider?.name).toBe('Okta');
    for (const text of session.findings.map((finding) => finding.detail)) expect(text).not.toMatch(/undefined|\[object/);
  });
});
