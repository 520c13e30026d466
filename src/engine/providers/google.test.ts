import { afterEach, describe, expect, it } from 'vitest';
import type { RegistrationSettings } from '../model/session.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { explained } from './test-support/explained.ts';
import { GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, startGoogle, type GoogleOptions } from './test-support/google-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const WITH_SECRET: RegistrationSettings = { mode: 'pre-registered', clientId: GOOGLE_CLIENT_ID, clientSecret: GOOGLE_CLIENT_SECRET };
const WITHOUT_SECRET: RegistrationSettings = { mode: 'pre-registered', clientId: GOOGLE_CLIENT_ID };

async function runAgainstGoogle(registration: RegistrationSettings, options: GoogleOptions & { spec?: SpecVersion } = {}) {
  const google = await startGoogle(options);
  servers.push(google);
  const session = await runFlow(google, { ...(options.spec ? { spec: options.spec } : {}), settings: { registration } });
  return { session, base: google.base };
}

describe('Google (loopback imitation)', () => {
  it('a client id without its secret: "client_secret is missing." even with PKCE, recognised and explained as Google’s rule', async () => {
    const { session } = await runAgainstGoogle(WITHOUT_SECRET);
    expect(providerView(session).provider?.evidence).toMatch(/^recognised as Google from a Google OAuth client id/);
    const { finding, explanation } = explained(session, 'token.request-failed');
    expect(finding.detail).toBe('HTTP 400: invalid_request (client_secret is missing.).');
    expect(explanation?.deviation).toBe('google.client-secret-required');
    expect(explanation?.fix).toContain(`Give the client secret of ${GOOGLE_CLIENT_ID}`);
    // PKCE was sent all the same: the secret is needed on top of it.
    const token = session.exchanges.find((exchange) => exchange.request.url.endsWith('/token'));
    expect(token?.request.body).toContain('code_verifier=');
  });

  it('with the secret the flow completes; the opaque access token gets no audience claim, and no finding pretends to have read one', async () => {
    const { session } = await runAgainstGoogle(WITH_SECRET);
    expect(session.status).toBe('done');
    expect(session.learned.accessTokenClaims).toBeUndefined();
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('token.audience-mismatch');
    const notes = session.steps.find((step) => step.kind === 'token')?.notes.join('\n');
    expect(notes).toContain('The access token is opaque (not a JWT)');
  });

  it('an MCP server that expects a JWT refuses the opaque token: explained, and the id_token is named as no substitute', async () => {
    const { session } = await runAgainstGoogle(WITH_SECRET, { mcpExpectsJwt: true });
    const { explanation } = explained(session, 'mcp.authenticated-request-failed');
    expect(explanation?.deviation).toBe('google.opaque-access-token');
    expect(explanation?.cause).toContain('no aud check is possible');
    expect(explanation?.cause).toContain('it is not an access token');
    expect(explanation?.fix).toContain('never accept the id_token as a bearer token');
  });

  it('without a client id: no dynamic registration, and the OAuth client to create in Google Cloud with the redirect URI', async () => {
    const { session } = await runAgainstGoogle({ mode: 'auto' });
    expect(providerView(session).provider?.name).toBe('Google');
    const { explanation } = explained(session, 'registration.unavailable');
    expect(explanation?.deviation).toBe('google.no-dcr');
    expect(explanation?.fix).toContain('Create credentials → OAuth client ID');
    expect(explanation?.fix).toContain('add http://localhost:5173/callback as an authorized redirect URI');
  });

  it('from the CLI (a loopback redirect on a port that changes each run): a Desktop app client, with no redirect URI to add', async () => {
    const google = await startGoogle();
    servers.push(google);
    const session = await runFlow(google, { settings: { redirectUri: 'http://127.0.0.1:36001/callback', registration: { mode: 'auto' } } });
    const { explanation } = explained(session, 'registration.unavailable');
    expect(explanation?.fix).toContain('OAuth client ID of type Desktop app');
    expect(explanation?.fix).toContain('any port');
    // That port is gone at the next run: registering it would not help.
    expect(explanation?.fix).not.toContain('36001');
  });

  it('at 2025-06-18: Google’s OpenID Connect document is pointed out and explained', async () => {
    const { session, base } = await runAgainstGoogle(WITH_SECRET, { spec: '2025-06-18' });
    const { finding, explanation } = explained(session, 'as.metadata-unreachable');
    expect(finding.detail).toContain(`OpenID Connect metadata at ${base}/.well-known/openid-configuration, which 2025-06-18 clients do not try`);
    expect(explanation?.deviation).toBe('google.oidc-discovery-only');
  });

  it('says nothing the bytes contradict', async () => {
    for (const options of [{}, { mcpExpectsJwt: true }]) {
      const { session } = await runAgainstGoogle(WITH_SECRET, options);
      const view = providerView(session);
      const texts = [view.provider?.evidence, ...Object.values(view.explanations).flatMap((e) => [e.cause, e.fix]), ...session.findings.map((f) => f.detail)];
      for (const text of texts) expect(text).not.toMatch(/undefined|\[object|aud is ["[]/);
    }
  });
});
