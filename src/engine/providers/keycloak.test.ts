import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { startKeycloak, type KeycloakOptions } from './test-support/keycloak-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function runAgainstKeycloak(options: KeycloakOptions, browser = false) {
  const keycloak = await startKeycloak(options);
  servers.push(keycloak);
  return { session: await runFlow(keycloak, { browser }), keycloak };
}

function explanationOf(session: FlowSession, ruleId: string) {
  const finding = session.findings.find((candidate) => candidate.ruleId === ruleId);
  expect(finding, `a ${ruleId} finding`).toBeDefined();
  return providerView(session).explanations[finding!.id];
}

describe('Keycloak (loopback imitation)', () => {
  it('the Trusted Hosts policy refuses registration: recognised from its text, and the fix names the host to add', async () => {
    const { session } = await runAgainstKeycloak({ trustedHostsRefuses: true });
    expect(providerView(session).provider?.evidence).toMatch(
      /^recognised as Keycloak from the Keycloak Trusted Hosts policy \(Policy 'Trusted Hosts' rejected request to client-registration service\. Details: Host not trusted\.\)/,
    );
    const explanation = explanationOf(session, 'registration.rejected');
    expect(explanation?.deviation).toBe('keycloak.trusted-hosts');
    expect(explanation?.fix).toBe(
      'Add localhost to Clients → Client registration → Trusted Hosts, or give the client an initial access token, ' +
        'or pre-register a public client with http://localhost:5173/callback as a Valid redirect URI.',
    );
  });

  it('in the browser, the registration endpoint without CORS: the blocked request is explained, with the web origin to allow', async () => {
    const { session } = await runAgainstKeycloak({}, true);
    expect(providerView(session).provider?.evidence).toMatch(/^recognised as Keycloak from the issuer shape …\/realms\/\{realm\} /);
    const explanation = explanationOf(session, 'http.blocked');
    expect(explanation?.deviation).toBe('keycloak.registration-no-cors');
    expect(explanation?.fix).toContain('and http://localhost:5173 in Web origins');
  });

  it('tokens with aud "account": the audience finding and the refused request say to add an Audience mapper for the resource', async () => {
    const { session, keycloak } = await runAgainstKeycloak({});
    for (const ruleId of ['token.audience-mismatch', 'mcp.authenticated-request-failed']) {
      const explanation = explanationOf(session, ruleId);
      expect(explanation?.deviation).toBe('keycloak.aud-account');
      expect(explanation?.fix).toContain(`Included Custom Audience ${keycloak.mcpUrl} and Add to access token on.`);
    }
  });

  it('with an Audience mapper the flow succeeds: no error, nothing that contradicts the bytes', async () => {
    const { session } = await runAgainstKeycloak({ audienceMapper: true });
    expect(session.status).toBe('done');
    expect(session.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const view = providerView(session);
    expect(view.provider?.name).toBe('Keycloak');
    const texts = [view.provider?.evidence, ...session.findings.map((finding) => finding.detail)];
    for (const text of texts) expect(text).not.toMatch(/undefined|\[object/);
  });
});
