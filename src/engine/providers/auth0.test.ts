import { afterEach, describe, expect, it } from 'vitest';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { startAuth0, type Auth0Options } from './test-support/auth0-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function runAgainstAuth0(options: Auth0Options) {
  const auth0 = await startAuth0(options);
  servers.push(auth0);
  return { session: await runFlow(auth0), auth0 };
}

describe('Auth0 (loopback imitation)', () => {
  it('takes the trailing-slash issuer as it is: recognised, no issuer finding, and with the compatibility profile on the flow succeeds', async () => {
    const { session, auth0 } = await runAgainstAuth0({ compatibilityProfile: true });
    expect(session.status).toBe('done');
    expect(session.learned.asMetadata?.issuer).toBe(`${auth0.base}/`);
    expect(session.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(session.findings.map((finding) => finding.ruleId).filter((id) => id.includes('issuer') || id.includes('iss-'))).toEqual([]);
    const view = providerView(session);
    expect(view.provider?.evidence).toBe(
      `recognised as Auth0 from a trailing-slash issuer with /oauth/token (${auth0.base}/) and the Auth0 field mfa_challenge_endpoint (${auth0.base}/mfa/challenge)`,
    );
  });

  it('without the Resource Parameter Compatibility Profile: the JWE for /userinfo is refused, and the finding names the tenant setting', async () => {
    const { session, auth0 } = await runAgainstAuth0({});
    const refused = session.findings.find((finding) => finding.ruleId === 'mcp.authenticated-request-failed');
    expect(refused).toBeDefined();
    const view = providerView(session);
    expect(view.provider?.name).toBe('Auth0');
    const explanation = view.explanations[refused!.id];
    expect(explanation?.deviation).toBe('auth0.token-for-userinfo');
    expect(explanation?.cause).toContain('encrypted (JWE, alg dir) or opaque');
    expect(explanation?.fix).toBe(
      'In the Auth0 Dashboard turn on Settings → Advanced → Resource Parameter Compatibility Profile, and create an API ' +
        `(Applications → APIs) whose Identifier is exactly ${auth0.mcpUrl}.`,
    );
    // The JWE is not a JWT: no audience finding claims to have read its aud.
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('token.audience-mismatch');
  });

  it('a PRM naming the issuer without its slash is a real mismatch, explained as Auth0’s slash', async () => {
    const { session, auth0 } = await runAgainstAuth0({ prmIssuerWithoutSlash: true });
    const mismatch = session.findings.find((finding) => finding.ruleId === 'as.issuer-mismatch');
    expect(mismatch).toBeDefined();
    const explanation = providerView(session).explanations[mismatch!.id];
    expect(explanation?.fix).toBe(`Name ${auth0.base}/ exactly, with the slash, in the PRM's authorization_servers.`);
  });

  it('says nothing the bytes contradict', async () => {
    for (const options of [{}, { compatibilityProfile: true }, { prmIssuerWithoutSlash: true }]) {
      const { session } = await runAgainstAuth0(options);
      const view = providerView(session);
      const texts = [view.provider?.evidence, ...Object.values(view.explanations).flatMap((e) => [e.cause, e.fix]), ...session.findings.map((f) => f.detail)];
      for (const text of texts) expect(text).not.toMatch(/undefined|\[object/);
    }
  });
});
