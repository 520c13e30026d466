import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { AS_METADATA_PATH, startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { json } from '../test-support/loopback-server.ts';

const OIDC_PATH = '/.well-known/openid-configuration';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** An identity provider that publishes OpenID Connect Discovery metadata only (as Google and Cognito do). */
async function oidcOnlyServer(): Promise<FakeServer> {
  fake = await startFakeServer({
    routes: {
      [AS_METADATA_PATH]: ({ response }) => json(response, 404, { error: 'not_found' }),
      [OIDC_PATH]: ({ response, base }) =>
        json(response, 200, {
          issuer: base,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          registration_endpoint: `${base}/register`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
        }),
    },
  });
  return fake;
}

const asPaths = (session: FlowSession) =>
  session.exchanges.filter((exchange) => exchange.stepId === 'as-discovery').map((exchange) => new URL(exchange.request.url).pathname);

describe('at 2025-06-18 (RFC 8414 only), OpenID Connect metadata the version does not try is pointed out, never used', () => {
  it('says where the OIDC metadata is and which versions use it, and the step still fails as a 2025-06-18 client does', async () => {
    const server = await oidcOnlyServer();
    const session = await runFlow(server, { spec: '2025-06-18' });

    expect(asPaths(session)).toEqual([AS_METADATA_PATH, OIDC_PATH]);
    const finding = session.findings.find((candidate) => candidate.ruleId === 'as.metadata-unreachable');
    expect(finding?.detail).toContain(
      `This authorization server publishes OpenID Connect metadata at ${server.base}${OIDC_PATH}, which 2025-06-18 clients do not try; 2025-11-25 and later do.`,
    );
    expect(session.steps.find((step) => step.kind === 'as-discovery')?.status).toBe('failed');
    expect(session.learned.asMetadata).toBeUndefined();
    expect(session.exchanges.at(-1)?.label).toContain('probe, not used by 2025-06-18');
  });

  it('at 2025-11-25 the same server is found through OIDC discovery, with nothing to point out', async () => {
    const server = await oidcOnlyServer();
    const session = await runFlow(server, { spec: '2025-11-25' });
    expect(session.learned.asMetadataUrl).toBe(`${server.base}${OIDC_PATH}`);
    expect(JSON.stringify(session.findings)).not.toContain('OpenID Connect metadata at');
  });

  it('says nothing when there is no OIDC metadata either', async () => {
    fake = await startFakeServer({ routes: { [AS_METADATA_PATH]: ({ response }) => json(response, 404, { error: 'not_found' }) } });
    const session = await runFlow(fake, { spec: '2025-06-18' });
    const finding = session.findings.find((candidate) => candidate.ruleId === 'as.metadata-unreachable');
    expect(finding?.detail).not.toContain('OpenID Connect');
  });
});
