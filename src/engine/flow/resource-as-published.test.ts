import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { json } from '../test-support/loopback-server.ts';
import { PRM_PATH, startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';

/**
 * Issue 9 §2.6: the `resource` sent on the authorize, token and refresh requests is the protected
 * resource metadata's `resource` string exactly as published (RFC 8707 §2, MCP "Resource Parameter
 * Implementation"). An authorization server compares it character for character; a URL parser that
 * adds or strips a `/`, or lower-cases a host, turns a valid request into invalid_target.
 */
const ROOT_PRM_PATH = '/.well-known/oauth-protected-resource';

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A server whose metadata sits at the root well-known URL and names `published(base)`; its AS accepts exactly that resource. */
async function serverPublishing(published: (base: string) => string): Promise<FakeServer> {
  const exact = (base: string, sent: string | null | undefined) => sent === published(base);
  return startFakeServer({
    acceptAnyToken: true,
    routes: {
      [PRM_PATH]: ({ response }) => json(response, 404, { error: 'not_found' }),
      [ROOT_PRM_PATH]: ({ response, base }) =>
        json(response, 200, { resource: published(base), authorization_servers: [base], scopes_supported: ['mcp', 'admin'] }),
      '/authorize': ({ response, url, base }, healthy) =>
        exact(base, url.searchParams.get('resource')) ? healthy() : json(response, 400, { error: 'invalid_target' }),
      '/token': ({ response, form, base }, healthy) =>
        exact(base, form.get('resource'))
          ? healthy()
          : json(response, 400, { error: 'invalid_target', error_description: `unknown resource ${form.get('resource')}` }),
    },
  });
}

function sentResources(session: FlowSession): string[] {
  return session.exchanges.flatMap((exchange) => {
    if (exchange.outcome === 'navigation') return new URL(exchange.request.url).searchParams.getAll('resource');
    if (exchange.request.method !== 'POST' || !exchange.request.url.endsWith('/token')) return [];
    return new URLSearchParams(exchange.request.body ?? '').getAll('resource');
  });
}

describe('the resource parameter is the metadata resource, byte for byte', () => {
  it.each([
    ['the origin with a trailing slash', (base: string) => `${base}/`],
    ['the origin without a trailing slash', (base: string) => base],
  ])('root metadata naming %s: authorize, token and refresh send it unchanged, and the flow succeeds', async (_, published) => {
    fake = await serverPublishing(published);
    const session = await runFlow(fake, { spec: '2025-11-25', then: (engine) => engine.refresh() });
    const resource = published(fake.base);

    expect(session.steps.find((step) => step.id === 'token')?.status).toBe('ok');
    expect(session.steps.find((step) => step.id === 'refresh')?.status).toBe('ok');
    // Authorize (the navigation to the AS), token and refresh: three requests, each with the published string.
    expect(sentResources(session).filter((sent, index, all) => all.indexOf(sent) === index)).toEqual([resource]);
    expect(sentResources(session).length).toBeGreaterThanOrEqual(3);
    expect(session.learned.resource).toBe(resource);
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('token.failed');
  });
});
