import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../test-support/loopback-server.ts';
import type { FlowSession } from '../model/session.ts';
import { MCP_PATH, startFakeServer, type FakeServer, type FakeRequest } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

type Probe = 'no token' | 'malformed' | 'tampered';

/** The audit's three probes, told apart by what they carry; a valid token is served as usual. */
function probeOf({ bearer, claims }: FakeRequest): Probe | undefined {
  if (!bearer) return 'no token';
  if (claims) return undefined;
  return bearer === 'not-a-real-token' ? 'malformed' : 'tampered';
}

async function audit(answer: Partial<Record<Probe, (request: FakeRequest) => void>>): Promise<FlowSession> {
  let flowDone = false;
  fake = await startFakeServer({
    routes: {
      [MCP_PATH]: (request, healthy) => {
        const probe = probeOf(request);
        const respond = flowDone && probe ? answer[probe] : undefined;
        return respond ? respond(request) : healthy();
      },
    },
  });
  return runFlow(fake, {
    then: async (engine) => {
      flowDone = true;
      await engine.audit();
    },
  });
}

const auditStep = (session: FlowSession) => session.steps.findLast((step) => step.kind === 'audit');
const auditFindings = (session: FlowSession) =>
  session.findings.filter((finding) => finding.stepId === auditStep(session)?.id).map((finding) => `${finding.ruleId}: ${finding.detail}`);

describe('the audit tells a refusal with the wrong status and a crash from acceptance', () => {
  it('400 and 500 are refusals, not acceptance: each has its own finding', async () => {
    const session = await audit({
      malformed: ({ response }) => json(response, 400, { error: 'invalid_request' }),
      tampered: ({ response }) => json(response, 500, { error: 'server_error' }),
    });
    expect(auditFindings(session)).toEqual([
      'audit.wrong-refusal-status: With a malformed token, the server refused with 400 instead of 401.',
      'audit.crash-on-invalid-token: With the real token with its signature altered, the server answered 500: it failed instead of refusing with 401.',
    ]);
    expect(auditStep(session)).toMatchObject({
      status: 'failed',
      summary: 'No probe was served, but of 3, 1 was refused with the wrong status and 1 crashed the server.',
    });
  });

  it('403, and a 200 that carries a JSON-RPC error instead of a result, are refusals with the wrong status', async () => {
    const session = await audit({
      'no token': ({ response }) => json(response, 403, { error: 'forbidden' }),
      malformed: ({ response, rpc }) => json(response, 200, { jsonrpc: '2.0', id: rpc?.id, error: { code: -32001, message: 'Unauthorized' } }),
    });
    expect(auditFindings(session)).toEqual([
      'audit.wrong-refusal-status: With no token, the server refused with 403 instead of 401.',
      'audit.wrong-refusal-status: With a malformed token, the server refused with 200 and a JSON-RPC error (-32001: Unauthorized) instead of 401.',
    ]);
  });

  it('only a 2xx with a result is acceptance', async () => {
    const session = await audit({
      tampered: ({ response, rpc }) =>
        json(response, 200, { jsonrpc: '2.0', id: rpc?.id, result: { supportedVersions: ['2026-07-28'], capabilities: {}, _meta: {} } }),
    });
    expect(auditFindings(session)).toEqual([
      'audit.accepts-invalid-token: With the real token with its signature altered, the server answered 200 instead of 401.',
    ]);
    expect(auditStep(session)).toMatchObject({ status: 'failed', summary: 'The server served 1 of 3 invalid requests.' });
  });

  it('a 401 with a challenge is right for each probe, and the three probes are labelled apart', async () => {
    const session = await audit({});
    expect(auditFindings(session)).toEqual([]);
    expect(auditStep(session)).toMatchObject({ status: 'ok', summary: 'All 3 probes were refused with 401 and a challenge.' });
    const labels = session.exchanges.filter((exchange) => exchange.stepId === auditStep(session)?.id).map((exchange) => exchange.label);
    expect(labels).toEqual([
      'POST /mcp · server/discover · no token',
      'POST /mcp · server/discover · malformed token',
      'POST /mcp · server/discover · tampered token',
    ]);
  });

  it('a 401 whose challenge carries an error code RFC 6750 does not define is flagged', async () => {
    const session = await audit({
      malformed: ({ response }) => json(response, 401, {}, { 'WWW-Authenticate': 'Bearer error="Unauthorized", error_description="Bad token"' }),
    });
    expect(auditFindings(session)).toEqual([
      'challenge.nonstandard-error: With a malformed token: error="Unauthorized" is not an RFC 6750 §3.1 code (invalid_request, invalid_token, insufficient_scope).',
    ]);
    expect(auditStep(session)?.status).toBe('warning');
  });
});
