import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { ENTRA_API_APP_ID, ENTRA_CLIENT_ID, ENTRA_TENANT, startEntra, type EntraOptions } from './test-support/entra-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function runAgainstEntra(options: EntraOptions, clientId: string | null = ENTRA_CLIENT_ID): Promise<FlowSession> {
  const entra = await startEntra(options);
  servers.push(entra);
  return runFlow(entra, {
    settings: { registration: clientId ? { mode: 'pre-registered', clientId } : { mode: 'auto' } },
    // Entra's metadata has no code_challenge_methods_supported: the user continues past that, as in the app.
    then: (engine) => engine.continueAnyway(),
  });
}

function explained(session: FlowSession, ruleId: string) {
  const finding = session.findings.find((candidate) => candidate.ruleId === ruleId);
  expect(finding, `a ${ruleId} finding`).toBeDefined();
  return { finding: finding!, explanation: providerView(session).explanations[finding!.id] };
}

describe('Microsoft Entra ID (loopback imitation)', () => {
  it('is recognised from the issuer and endpoint shapes, with the evidence', async () => {
    const session = await runAgainstEntra({});
    const { provider } = providerView(session);
    expect(provider?.name).toBe('Microsoft Entra ID');
    expect(provider?.evidence).toMatch(/^recognised as Microsoft Entra ID from /);
    expect(provider?.evidence).toMatch(/the issuer shape …\/\{tenant\}\/v2\.0 \(http:\/\/127\.0\.0\.1:\d+\//);
    expect(provider?.evidence).toContain(`/${ENTRA_TENANT}/v2.0)`);
  });

  it('says in one finding that AADSTS901002 refuses resource, and which scope to send instead', async () => {
    const session = await runAgainstEntra({ resource: 'unsupported' });
    const carrying = session.findings.filter((finding) => finding.detail.includes('AADSTS901002'));
    expect(carrying.map((finding) => finding.ruleId)).toEqual(['callback.error']);
    const { explanation } = explained(session, 'callback.error');
    expect(explanation?.provider).toBe('Microsoft Entra ID');
    expect(explanation?.cause).toContain('AADSTS901002');
    expect(explanation?.fix).toBe(`Request scope=api://${ENTRA_API_APP_ID}/.default and leave resource out; list that scope in the PRM's scopes_supported.`);
    expect(explanation?.docs).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('explains AADSTS9010010 (resource does not match the scope) the same way', async () => {
    const session = await runAgainstEntra({ resource: 'must-match' });
    const { finding, explanation } = explained(session, 'callback.error');
    expect(finding.detail).toContain('error=invalid_target');
    expect(finding.detail).toContain('AADSTS9010010');
    expect(explanation?.deviation).toBe('entra.resource-rejected');
    expect(explanation?.fix).toContain(`scope=api://${ENTRA_API_APP_ID}/.default`);
  });

  it('explains the absent PKCE metadata with a fix the developer controls, not an edit to Entra', async () => {
    const session = await runAgainstEntra({});
    const { explanation } = explained(session, 'as.pkce-methods-absent');
    expect(explanation?.deviation).toBe('entra.pkce-not-advertised');
    expect(explanation?.fix).toContain('serve a copy of its metadata');
    expect(explanation?.fix).toContain('pre-registered client id');
  });

  it('without a client id, names the missing registration and the redirect URI to add', async () => {
    const session = await runAgainstEntra({}, null);
    const { explanation } = explained(session, 'registration.unavailable');
    expect(explanation?.deviation).toBe('entra.no-dcr');
    expect(explanation?.fix).toContain('add http://localhost:5173/callback as a Single-page application redirect URI');
  });

  it('explains a PRM that names the v1 authority while the metadata names another issuer', async () => {
    const session = await runAgainstEntra({ prmNamesV1: true });
    const { explanation } = explained(session, 'as.issuer-mismatch');
    expect(explanation?.deviation).toBe('entra.issuer-version');
    expect(explanation?.fix).toContain(`List https://login.microsoftonline.com/${ENTRA_TENANT}/v2.0 in the PRM's authorization_servers`);
    expect(providerView(session).provider?.name).toBe('Microsoft Entra ID');
  });

  it('says nothing the bytes contradict: no "undefined", no claim of an issuer mismatch on the v2.0 authority', async () => {
    const session = await runAgainstEntra({ resource: 'unsupported' });
    const view = providerView(session);
    const texts = [view.provider?.evidence, ...Object.values(view.explanations).flatMap((e) => [e.cause, e.fix]), ...session.findings.map((f) => f.detail)];
    for (const text of texts) expect(text).not.toMatch(/undefined|\[object/);
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('as.issuer-mismatch');
  });
});
