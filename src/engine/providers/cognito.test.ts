import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { providerView } from './explain.ts';
import { explained } from './test-support/explained.ts';
import { COGNITO_CLIENT_ID, COGNITO_POOL_ID, startCognito } from './test-support/cognito-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function runAgainstCognito(options: { clientId?: string | null; spec?: SpecVersion } = {}): Promise<FlowSession & { base?: string }> {
  const cognito = await startCognito();
  servers.push(cognito);
  const clientId = options.clientId === undefined ? COGNITO_CLIENT_ID : options.clientId;
  const session = await runFlow(cognito, {
    ...(options.spec ? { spec: options.spec } : {}),
    settings: { registration: clientId ? { mode: 'pre-registered', clientId } : { mode: 'auto' } },
    // The pool's metadata has no code_challenge_methods_supported: the user continues past that, as in the app.
    then: (engine) => engine.continueAnyway(),
  });
  return { ...session, base: cognito.base };
}

describe('Amazon Cognito (loopback imitation)', () => {
  it('is recognised from the user pool issuer and the /oauth2/userInfo endpoint, with the evidence', async () => {
    const session = await runAgainstCognito();
    const { provider } = providerView(session);
    expect(provider?.name).toBe('Amazon Cognito');
    expect(provider?.evidence).toContain(`the issuer shape …/{region}_{poolId} (${session.base}/${COGNITO_POOL_ID})`);
  });

  it('an access token with client_id and no aud is a warning explained by Cognito’s design, not an audience error', async () => {
    const session = await runAgainstCognito();
    // The flow completes: the MCP server checks client_id and token_use, as Cognito documents.
    expect(session.status).toBe('done');
    const ruleIds = session.findings.map((finding) => finding.ruleId);
    expect(ruleIds).not.toContain('token.audience-mismatch');
    const { finding, explanation } = explained(session, 'token.no-audience');
    expect(finding.severity).toBe('warning');
    expect(finding.detail).toContain('The token has no aud claim; it carries client_id, scope.');
    expect(explanation?.deviation).toBe('cognito.no-audience');
    expect(explanation?.cause).toContain('client_id');
    expect(explanation?.fix).toContain(`client_id among your app clients (${COGNITO_CLIENT_ID})`);
    expect(explanation?.fix).toContain('resource binding');
  });

  it('explains the absent PKCE metadata with a fix the developer controls, and the run goes on with S256', async () => {
    const session = await runAgainstCognito();
    const { explanation } = explained(session, 'as.pkce-methods-absent');
    expect(explanation?.deviation).toBe('cognito.pkce-not-advertised');
    expect(explanation?.fix).toContain('serve a copy of it that adds "code_challenge_methods_supported": ["S256"]');
    const authorize = session.exchanges.find((exchange) => exchange.request.url.includes('/oauth2/authorize'));
    expect(new URL(authorize!.request.url).searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('without a client id: no registration endpoint, and the app client to create with the redirect URI', async () => {
    const session = await runAgainstCognito({ clientId: null });
    const { explanation } = explained(session, 'registration.unavailable');
    expect(explanation?.deviation).toBe('cognito.no-dcr');
    expect(explanation?.fix).toContain('http://localhost:5173/callback as an allowed callback URL');
  });

  it('at 2025-06-18 (RFC 8414 only): the OIDC document is pointed out, and explained as Cognito’s only metadata', async () => {
    const session = await runAgainstCognito({ spec: '2025-06-18' });
    const { finding, explanation } = explained(session, 'as.metadata-unreachable');
    expect(finding.detail).toContain(`OpenID Connect metadata at ${session.base}/${COGNITO_POOL_ID}/.well-known/openid-configuration`);
    expect(explanation?.deviation).toBe('cognito.oidc-discovery-only');
    expect(providerView(session).provider?.name).toBe('Amazon Cognito');
  });

  it('says nothing the bytes contradict: no "undefined", no audience error on a token that has no audience', async () => {
    const session = await runAgainstCognito();
    const view = providerView(session);
    const texts = [view.provider?.evidence, ...Object.values(view.explanations).flatMap((e) => [e.cause, e.fix]), ...session.findings.map((f) => f.detail)];
    for (const text of texts) expect(text).not.toMatch(/undefined|\[object|aud is ["[]/);
  });
});
