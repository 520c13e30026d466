import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../../model/session.ts';
import { ADMIN_SCOPES, BASE_SCOPE, PRM_PATH, startFakeServer, type FakeServer, type Route } from '../../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../../rules/test-support/run-flow.ts';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/**
 * An authorization server that, like the official SDK's (server/auth/handlers/authorize), refuses an
 * authorize request for a scope the client was not registered with: it redirects back with
 * error=invalid_scope. `grant` is the scope it registers for a requested one (RFC 7591 §3.2.1 lets
 * a server change the metadata it registers).
 */
function scopeCheckingServer(grant: (sent: string | undefined) => string | undefined = (sent) => sent) {
  let registered: string | undefined;
  const register: Route = ({ body, response }, healthy) => {
    const sent = (JSON.parse(body) as { scope?: unknown }).scope;
    registered = grant(typeof sent === 'string' ? sent : undefined);
    if (registered === sent) return healthy();
    // The server registers another scope and says so in its response.
    response.writeHead(201, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ ...(JSON.parse(body) as object), client_id: 'client-1', token_endpoint_auth_method: 'none', scope: registered }));
  };
  const authorize: Route = ({ url, response }, healthy) => {
    const allowed = new Set((registered ?? '').split(' '));
    const missing = (url.searchParams.get('scope') ?? '').split(' ').find((scope) => scope && !allowed.has(scope));
    if (!missing) return healthy();
    const back = new URL(url.searchParams.get('redirect_uri')!);
    back.searchParams.set('error', 'invalid_scope');
    back.searchParams.set('error_description', `Client was not registered with scope ${missing}`);
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    back.searchParams.set('iss', url.origin);
    response.writeHead(302, { Location: back.href });
    response.end();
  };
  return { routes: { '/register': register, '/authorize': authorize } };
}

function registrationBody(session: FlowSession): Record<string, unknown> {
  const exchange = session.exchanges.find((candidate) => candidate.stepId === 'registration' && candidate.request.method === 'POST');
  return JSON.parse(exchange?.request.body ?? '{}') as Record<string, unknown>;
}

const registrationNotes = (session: FlowSession) => session.steps.find((step) => step.kind === 'registration')?.notes ?? [];

describe('dynamic registration sends the scope the client is about to request (as the official SDK client does)', () => {
  it('registers the challenge’s scope and the rest of scopes_supported, says why, and an authorization server that checks them lets the flow and a step-up through', async () => {
    fake = await startFakeServer(scopeCheckingServer());
    const session = await runFlow(fake, { then: (engine) => engine.callTool('admin-report', {}) });
    expect(registrationBody(session).scope).toBe(ADMIN_SCOPES);
    expect(registrationNotes(session)).toContain(
      `scope = ${ADMIN_SCOPES} ("${BASE_SCOPE}" from the WWW-Authenticate challenge, the scope the authorization request will ask for; ` +
        '"admin" from scopes_supported in the resource metadata, so a later step-up is allowed too)',
    );
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('callback.error');
    expect(session.steps.findLast((step) => step.kind === 'tool-call')?.status).toBe('ok');
    expect(session.status).toBe('done');
  });

  it('without a scope in the challenge, registers every scope the resource metadata lists', async () => {
    fake = await startFakeServer({ ...scopeCheckingServer(), challenge: () => `Bearer resource_metadata="${fake!.base}${PRM_PATH}"` });
    const session = await runFlow(fake, { spec: '2025-06-18' });
    expect(registrationBody(session).scope).toBe(ADMIN_SCOPES);
    expect(registrationNotes(session)).toContain(
      `scope = ${ADMIN_SCOPES} ("${ADMIN_SCOPES}" from scopes_supported in the resource metadata, the scope the authorization request will ask for)`,
    );
    expect(session.status).toBe('done');
  });

  it('sends no scope when there is none to request, and says so', async () => {
    fake = await startFakeServer({ challenge: () => `Bearer resource_metadata="${fake!.base}${PRM_PATH}"`, prm: ({ scopes_supported: _, ...rest }) => rest });
    const session = await runFlow(fake, { spec: '2025-06-18' });
    expect(registrationBody(session)).not.toHaveProperty('scope');
    expect(registrationNotes(session)).toContain('No scope is registered: the authorization request will ask for none');
  });

  it('when the authorization server refuses the authorize request with invalid_scope, the finding names the scope registered and the scope requested', async () => {
    // The server registers only "mcp" although "mcp admin" was asked for, then refuses the step-up to "admin".
    fake = await startFakeServer(scopeCheckingServer(() => BASE_SCOPE));
    const session = await runFlow(fake, { then: (engine) => engine.callTool('admin-report', {}) });
    expect(registrationNotes(session)).toContain(`The authorization server registered scope "${BASE_SCOPE}", not the "${ADMIN_SCOPES}" asked for`);
    const finding = session.findings.find((candidate) => candidate.ruleId === 'callback.error');
    expect(finding?.detail).toBe(
      `error=invalid_scope, error_description=Client was not registered with scope admin. Scope requested: "${ADMIN_SCOPES}"; scope registered: "${BASE_SCOPE}".`,
    );
  });
});
