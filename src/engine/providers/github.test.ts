import { afterEach, describe, expect, it } from 'vitest';
import type { SpecVersion } from '../spec/versions.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { startGitHub } from './test-support/github-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function runAgainstGitHub(spec?: SpecVersion) {
  const github = await startGitHub();
  servers.push(github);
  return { session: await runFlow(github, spec ? { spec } : {}), base: github.base };
}

describe('GitHub OAuth app (loopback imitation)', () => {
  it('no metadata at any well-known URL: recognised, and the fix is an authorization server in front, with what MCP clients need from it', async () => {
    const { session, base } = await runAgainstGitHub();
    const view = providerView(session);
    expect(view.provider?.evidence).toBe(
      `recognised as GitHub (OAuth app) from the issuer shape …/login/oauth (${base}/login/oauth) and GitHub’s 404 page on the metadata URLs (Page not found · GitHub)`,
    );
    const finding = session.findings.find((candidate) => candidate.ruleId === 'as.metadata-unreachable')!;
    // Every URL tried, each a 404 page: discovery cannot succeed.
    expect(finding.detail).toContain(`${base}/.well-known/oauth-authorization-server/login/oauth → HTTP 404`);
    expect(finding.detail).toContain(`${base}/login/oauth/.well-known/openid-configuration → HTTP 404`);
    const explanation = view.explanations[finding.id];
    expect(explanation?.deviation).toBe('github.no-metadata');
    for (const need of ['RFC 9728', 'RFC 8414', 'S256', 'dynamic registration', 'client ID metadata documents', 'pre-registered client id']) {
      expect(explanation?.fix).toContain(need);
    }
    expect(session.steps.find((step) => step.kind === 'as-discovery')?.status).toBe('failed');
  });

  it('at 2025-06-18 there is no OpenID Connect document either, and no finding says there is', async () => {
    const { session } = await runAgainstGitHub('2025-06-18');
    const finding = session.findings.find((candidate) => candidate.ruleId === 'as.metadata-unreachable')!;
    expect(finding.detail).not.toContain('publishes OpenID Connect metadata');
    expect(providerView(session).explanations[finding.id]?.deviation).toBe('github.no-metadata');
  });

  it('says nothing the bytes contradict: no issuer mismatch, no markup from the 404 page in a finding', async () => {
    const { session } = await runAgainstGitHub();
    const ruleIds = session.findings.map((finding) => finding.ruleId);
    expect(ruleIds).not.toContain('as.issuer-mismatch');
    for (const finding of session.findings) expect(finding.detail).not.toMatch(/<|undefined/);
  });
});
