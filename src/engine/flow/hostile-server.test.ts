import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_AUTHORIZATION_ENDPOINTS, startHostileServer, type HostileServer, type HostileVariant } from '../test-support/hostile-server.ts';
import { createSession } from './create-session.ts';
import { FlowEngine } from './engine.ts';
import { UserAgentError, type AuthorizeRequest, type UserAgent } from './user-agent.ts';

/**
 * The engine against a hostile server whose metadata points the login at javascript:, data:,
 * file: and friends: the flow stops at the metadata, and even when the user continues anyway the
 * user agent is never asked to open such a URL.
 */
let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

/** A user agent that only records what it was asked to open, and says no login came back. */
function spyUserAgent(): UserAgent & { asked: AuthorizeRequest[] } {
  const asked: AuthorizeRequest[] = [];
  return {
    asked,
    async authorize(request) {
      asked.push(request);
      throw new UserAgentError('closed', 'The test user agent opens nothing.');
    },
  };
}

function engineFor(variant: HostileVariant, userAgent: UserAgent): FlowEngine {
  const session = createSession({
    serverUrl: hostile.mcpUrl(variant),
    specVersion: '2025-11-25',
    timeoutMs: 2_000,
    redirectUri: 'http://localhost:5173/callback',
    clientName: 'hostile server test',
    registration: { mode: 'auto' },
  });
  return new FlowEngine(session, { userAgent, runtime: 'node' });
}

const findingsOf = (engine: FlowEngine, ruleId: string) => engine.snapshot.findings.filter((finding) => finding.ruleId === ruleId);
const stepOf = (engine: FlowEngine, id: string) => engine.snapshot.steps.find((step) => step.id === id);

const REFUSED = ['javascript', 'javascript-opener', 'data', 'file', 'vbscript', 'ms-settings'] as const;

describe('a hostile authorization_endpoint', () => {
  it.each(REFUSED)('%s: the flow stops at the metadata, and Continue anyway ends at a refusal; nothing is opened', async (variant) => {
    const endpoint = HOSTILE_AUTHORIZATION_ENDPOINTS[variant];
    const userAgent = spyUserAgent();
    const engine = engineFor(variant, userAgent);
    await engine.runAll();

    expect(engine.snapshot.status).toBe('failed');
    expect(stepOf(engine, 'as-discovery')).toMatchObject({ status: 'failed', continuable: true });
    expect(findingsOf(engine, 'as.endpoint-not-https').map((finding) => finding.detail)).toEqual([
      expect.stringContaining(`authorization_endpoint ${JSON.stringify(endpoint)} is not https: the scheme "${new URL(endpoint).protocol}" is never opened`),
    ]);
    expect(stepOf(engine, 'authorize')?.status).toBe('pending');

    await engine.continueAnyway();
    expect(stepOf(engine, 'registration')?.status).toBe('ok');
    expect(stepOf(engine, 'authorize')).toMatchObject({ status: 'failed', summary: 'The authorization endpoint was refused; nothing was opened.' });
    const [refusal] = findingsOf(engine, 'authorize.endpoint-refused');
    expect(refusal).toMatchObject({ severity: 'error', stepId: 'authorize' });
    expect(refusal!.detail).toContain(`authorization_endpoint ${JSON.stringify(endpoint)} was not opened: the scheme`);
    expect(refusal!.detail).toContain('OAuth 2.1 (§1.5) and RFC 8414 (§2) require https endpoints');
    // The user agent was never asked, no navigation was drawn, and the flow cannot be pushed on.
    expect(userAgent.asked).toEqual([]);
    expect(engine.snapshot.exchanges.filter((exchange) => exchange.outcome === 'navigation')).toEqual([]);
    expect(engine.continuableStep()).toBeUndefined();
  });

  it('plain http on a public host stops the flow; only Continue anyway opens it, marked as accepted', async () => {
    const userAgent = spyUserAgent();
    const engine = engineFor('http-public', userAgent);
    await engine.runAll();
    expect(stepOf(engine, 'as-discovery')).toMatchObject({ status: 'failed', continuable: true });
    expect(findingsOf(engine, 'as.endpoint-not-https')[0]?.detail).toContain('it is plain http on example.invalid, which is not a loopback host');
    expect(userAgent.asked).toEqual([]);

    await engine.continueAnyway();
    expect(userAgent.asked).toHaveLength(1);
    expect(userAgent.asked[0]!.url).toMatch(/^http:\/\/example\.invalid\/authorize\?response_type=code&/);
    expect(userAgent.asked[0]!.insecureHttpAccepted).toBe(true);
    expect(findingsOf(engine, 'authorize.endpoint-refused')).toEqual([]);
  });
});

describe('other hostile metadata', () => {
  it('a javascript: entry in authorization_servers is flagged and never used', async () => {
    const engine = engineFor('issuer-javascript', spyUserAgent());
    await engine.runAll();
    expect(findingsOf(engine, 'prm.authorization-server-not-https').map((finding) => finding.detail)).toEqual([
      `authorization_servers lists "${HOSTILE_AUTHORIZATION_ENDPOINTS.javascript}": the scheme "javascript:" is never opened, only https (and http on a loopback host); it is left out.`,
    ]);
    expect(stepOf(engine, 'prm')?.status).toBe('failed');
    expect(engine.snapshot.exchanges.map((exchange) => exchange.request.url)).not.toContainEqual(expect.stringMatching(/^javascript:/));
  });

  it('metadata redirected to another origin is flagged, naming both URLs', async () => {
    const engine = engineFor('moved', spyUserAgent());
    await engine.runAll();
    const moved = (path: string) => `${hostile.base}${path} was redirected to ${hostile.base.replace('127.0.0.1', 'localhost')}${path}, on another origin`;
    expect(findingsOf(engine, 'metadata.cross-origin-redirect').map((finding) => finding.detail)).toEqual([
      expect.stringContaining(moved('/.well-known/oauth-protected-resource/moved/mcp')),
      expect.stringContaining(moved('/.well-known/oauth-authorization-server/moved')),
    ]);
    expect(findingsOf(engine, 'metadata.cross-origin-redirect').every((finding) => finding.severity === 'warning')).toBe(true);
  });
});
