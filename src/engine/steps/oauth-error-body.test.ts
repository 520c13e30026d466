import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../test-support/loopback-server.ts';
import type { FlowSession } from '../model/session.ts';
import type { StepKind } from '../model/step-kind.ts';
import { startFakeServer, type FakeServer, type FakeServerOptions } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const DESCRIPTION = 'The authorization code has expired <at 12:00> & "cannot" be used';

function step(session: FlowSession, kind: StepKind) {
  return session.steps.findLast((candidate) => candidate.kind === kind);
}

function finding(session: FlowSession, ruleId: string) {
  return session.findings.find((candidate) => candidate.ruleId === ruleId);
}

async function run(server: FakeServerOptions, refresh = false): Promise<FlowSession> {
  fake = await startFakeServer(server);
  return runFlow(fake, refresh ? { then: (engine) => engine.refresh() } : {});
}

const tokenError = (status: number, grantType = 'authorization_code'): FakeServerOptions => ({
  routes: {
    '/token': ({ response, form }, healthy) =>
      form.get('grant_type') === grantType ? json(response, status, { error: 'invalid_grant', error_description: DESCRIPTION }) : healthy(),
  },
});

describe('an OAuth error body is shown as the server wrote it, and one sent with a 2xx status is its own finding', () => {
  it('token endpoint, 200 with an error: the server’s error, not "access_token must be a string", and RFC 6749 §5.2’s 400 is asked for', async () => {
    const session = await run(tokenError(200));
    expect(step(session, 'token')).toMatchObject({ status: 'failed', summary: `No access token was issued: invalid_grant (${DESCRIPTION}).` });
    expect(finding(session, 'token.request-failed')?.detail).toBe(`HTTP 200: invalid_grant (${DESCRIPTION}).`);
    expect(finding(session, 'oauth.error-with-success-status')?.detail).toBe(
      `The token endpoint answered HTTP 200 with error=invalid_grant, error_description=${DESCRIPTION}; an error must come with 400.`,
    );
    expect(JSON.stringify(session.findings)).not.toContain('access_token');
  });

  it('token endpoint, 400 with an error: the summary says what the server said too', async () => {
    const session = await run(tokenError(400));
    expect(step(session, 'token')?.summary).toBe(`No access token was issued: invalid_grant (${DESCRIPTION}).`);
    expect(finding(session, 'token.request-failed')?.detail).toBe(`HTTP 400: invalid_grant (${DESCRIPTION}).`);
    expect(finding(session, 'oauth.error-with-success-status')).toBeUndefined();
  });

  it('refresh, 200 with an error', async () => {
    const session = await run(tokenError(200, 'refresh_token'), true);
    expect(step(session, 'refresh')).toMatchObject({ status: 'failed', summary: `The refresh was refused: invalid_grant (${DESCRIPTION}).` });
    expect(finding(session, 'refresh.failed')?.detail).toBe(`HTTP 200: invalid_grant (${DESCRIPTION}).`);
    expect(finding(session, 'oauth.error-with-success-status')?.detail).toContain('The token endpoint answered HTTP 200 with error=invalid_grant');
  });

  it('registration, 201 with an error: the server’s error, not "client_id must be a string"', async () => {
    const session = await run({
      routes: { '/register': ({ response }) => json(response, 201, { error: 'invalid_redirect_uri', error_description: DESCRIPTION }) },
    });
    expect(step(session, 'registration')).toMatchObject({ status: 'failed', summary: `The registration was refused: invalid_redirect_uri (${DESCRIPTION}).` });
    expect(finding(session, 'registration.rejected')?.detail).toBe(`HTTP 201: invalid_redirect_uri (${DESCRIPTION}).`);
    expect(finding(session, 'oauth.error-with-success-status')?.detail).toBe(
      `The registration endpoint answered HTTP 201 with error=invalid_redirect_uri, error_description=${DESCRIPTION}; an error must come with 400.`,
    );
  });

  it('registration, 400 with an error and no description: the summary names the error', async () => {
    const session = await run({ routes: { '/register': ({ response }) => json(response, 400, { error: 'invalid_client_metadata' }) } });
    expect(step(session, 'registration')?.summary).toBe('The registration was refused: invalid_client_metadata.');
    expect(finding(session, 'registration.rejected')?.detail).toBe('HTTP 400: invalid_client_metadata.');
  });
});
