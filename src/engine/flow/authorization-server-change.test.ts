import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { MCP_PATH, PRM_PATH, startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { json } from '../test-support/loopback-server.ts';
import { movingAuthorizationServer, startSecondAuthorizationServer, type MovedRun } from '../rules/test-support/moving-authorization-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import type { FlowEngine } from './engine.ts';

/**
 * Issue 9 §2.7: the protected resource metadata names a new authorization server in the middle of
 * a session. On a refresh, a new 401 and a step-up, the client treats it as a new server: it
 * registers there, authorizes there, and never sends the first server's client or tokens to it.
 * Both authorization servers are real loopback servers.
 */
let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function moveDuring(action: (engine: FlowEngine) => Promise<unknown>, options?: { expireToken?: boolean }): Promise<MovedRun & { first: string }> {
  const moving = movingAuthorizationServer();
  fake = await startFakeServer(moving.options);
  return { ...(await moving.run(fake, action, options)), first: fake.base };
}

const titles = (session: FlowSession) => session.steps.map((step) => step.title ?? step.kind);

/** What a run must show once the server moved: the change in the diagram, a registration at the new server, nothing of the old one sent there. */
function expectTreatedAsNewServer({ session, first, second, secondSaw }: MovedRun & { first: string }) {
  const firstClient = session.steps.find((step) => step.id === 'registration')!.notes.join(' ');
  expect(firstClient).toContain('client-1');
  const change = session.findings.filter((finding) => finding.ruleId === 'as.changed');
  expect(change).toHaveLength(1);
  expect(change[0]!.detail).toContain(`authorization_servers no longer lists ${first}; it now names ${second}`);
  expect(titles(session)).toContain(`Authorization server changed: ${first} → ${second}`);
  // Registered again at the second server, and every token request there used that client.
  expect(secondSaw.filter((line) => line.startsWith('/register'))).toHaveLength(1);
  const tokenRequests = secondSaw.filter((line) => line.startsWith('/token'));
  expect(tokenRequests.length).toBeGreaterThan(0);
  for (const line of tokenRequests) {
    expect(line).toContain('client_id=second-client-1');
    expect(line).not.toContain('refresh_token');
  }
  expect(session.learned.issuer).toBe(second);
  expect(session.learned.client?.issuer).toBe(second);
  expect(session.learned.tokens?.issuer).toBe(second);
}

describe('the authorization server changes during a session', () => {
  it('Refresh: the metadata is read again, and the client registers and authorizes at the new server instead of refreshing', async () => {
    const run = await moveDuring((engine) => engine.refresh());
    expectTreatedAsNewServer(run);
    expect(run.session.steps.some((step) => step.kind === 'refresh')).toBe(false);
  });

  it('a new 401 on a tool call: the client goes to the new server, then the call succeeds', async () => {
    let result: unknown;
    const run = await moveDuring(async (engine) => (result = await engine.callTool('echo', {})), { expireToken: true });
    expectTreatedAsNewServer(run);
    expect(result).toMatchObject({ ok: true });
  });

  it('a step-up (403 insufficient_scope): the re-authorization goes to the new server, after registering there', async () => {
    let result: unknown;
    const run = await moveDuring(async (engine) => (result = await engine.callTool('admin-report', {})));
    expectTreatedAsNewServer(run);
    expect(result).toMatchObject({ ok: true });
  });

  it('the server did not change: one metadata read, then the usual refresh at the same server', async () => {
    const moving = movingAuthorizationServer();
    fake = await startFakeServer(moving.options);
    const session = await runFlow(fake, { spec: '2025-11-25', then: (engine) => engine.refresh() });
    expect(session.steps.slice(-2).map((step) => [step.kind, step.status, step.summary])).toEqual([
      ['as-recheck', 'ok', `Still ${fake.base}.`],
      ['refresh', 'ok', expect.any(String)],
    ]);
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('as.changed');
  });
});

describe('the authorization server changed between runs', () => {
  it('auto mode with a pre-registered client of the old issuer: it is not sent, and the client registers with the new one', async () => {
    fake = await startFakeServer();
    const oldIssuer = 'https://previous-as.example.com';
    const session = await runFlow(fake, {
      spec: '2025-06-18',
      settings: { registration: { mode: 'auto', clientId: 'client-of-the-old-server', issuer: oldIssuer } },
    });
    expect(session.status).toBe('done');
    expect(session.findings.find((finding) => finding.ruleId === 'as.changed')?.detail).toBe(
      `The pre-registered client client-of-the-old-server was issued by ${oldIssuer}; the metadata now names ${fake.base}. It is not sent there: the client registers with ${fake.base} instead.`,
    );
    expect(session.learned.client?.client_id).toBe('client-1');
    expect(session.exchanges.map((exchange) => `${exchange.request.url} ${exchange.request.body ?? ''}`).join('\n')).not.toContain('client-of-the-old-server');
  });
});

describe('the authorization server changes before the first authenticated request (SEP-2352)', () => {
  it('a 401 to the token just issued: the metadata is read again, and the client registers and authorizes at the new server, then retries', async () => {
    const { server: second, secondSaw } = await startSecondAuthorizationServer();
    let movedTo: string | undefined;
    try {
      fake = await startFakeServer({
        acceptAnyToken: true,
        prm: (healthy) => (movedTo ? { ...healthy, authorization_servers: [movedTo] } : healthy),
        routes: {
          [MCP_PATH]: ({ response, bearer, base }, healthy) => {
            // The first token is refused as the server moves to the second authorization server.
            if (!bearer || movedTo) return healthy();
            movedTo = second.base;
            return json(
              response,
              401,
              { error: 'invalid_token' },
              { 'WWW-Authenticate': `Bearer error="invalid_token", resource_metadata="${base}${PRM_PATH}"` },
            );
          },
        },
      });
      const session = await runFlow(fake, { spec: '2026-07-28' });
      expectTreatedAsNewServer({ session, first: fake.base, second: second.base, secondSaw });
      expect(session.status).toBe('done');
      expect(session.steps.at(-1)).toMatchObject({ kind: 'mcp-authenticated', status: 'ok' });
      expect(session.findings.map((finding) => finding.ruleId)).not.toContain('mcp.authenticated-request-failed');
    } finally {
      await second.close();
    }
  });

  it('a 401 to the token just issued, same authorization server: the refusal stands on the retry, after one metadata read', async () => {
    fake = await startFakeServer({
      routes: {
        [MCP_PATH]: ({ response, bearer, base }, healthy) =>
          bearer
            ? json(response, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': `Bearer error="invalid_token", resource_metadata="${base}${PRM_PATH}"` })
            : healthy(),
      },
    });
    const session = await runFlow(fake, { spec: '2026-07-28' });
    const retry = session.steps.at(-1)!;
    expect([retry.kind, retry.status]).toEqual(['mcp-authenticated', 'failed']);
    expect(retry.notes.join(' ')).toContain(`still names ${fake.base}`);
    expect(session.steps.some((step) => step.kind === 'as-recheck')).toBe(false);
    expect(session.findings.filter((finding) => finding.ruleId === 'mcp.authenticated-request-failed')).toHaveLength(1);
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('as.changed');
  });
});
