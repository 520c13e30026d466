import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../flow/create-session.ts';
import { FlowEngine } from '../flow/engine.ts';
import { startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { redirectFollowingUserAgent } from '../rules/test-support/redirect-following-user-agent.ts';
import type { FlowSession } from '../model/session.ts';
import type { SpecProfile } from './profile.ts';
import { createProfileRegistry, type ProfileRegistry } from './profile-registry.ts';
import { SHIPPED_PROFILES, SPEC_PROFILES } from './profiles.ts';
import { SPEC_VERSIONS, type SpecVersion } from './versions.ts';

/**
 * Adding a spec version is one record (plus the rule catalog's tags). This fictional next version
 * is the latest one with a single decision changed: it no longer sends RFC 8707 `resource`. The
 * engine is given a registry with the extra record, and the shipped list stays as it is.
 */
// The cast stands for "a version this build would ship"; SpecVersion is the shipped list's type.
const NEXT_VERSION = '2027-01-01' as SpecVersion;
const NEXT: SpecProfile<SpecVersion> = {
  ...SPEC_PROFILES.latest,
  version: NEXT_VERSION,
  specLinkBase: `https://modelcontextprotocol.io/specification/${NEXT_VERSION}/basic/authorization`,
  resourceParameter: false,
};
const WITH_NEXT = createProfileRegistry<SpecVersion>([...SHIPPED_PROFILES, NEXT]);

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function run(version: SpecVersion, profiles: ProfileRegistry<SpecVersion>): Promise<FlowSession> {
  fake = await startFakeServer();
  const settings = {
    serverUrl: fake.mcpUrl,
    specVersion: version,
    timeoutMs: 2_000,
    redirectUri: 'http://localhost:5173/callback',
    clientName: 'next version test',
    registration: { mode: 'auto' as const },
  };
  const engine = new FlowEngine(createSession(settings, profiles), { userAgent: redirectFollowingUserAgent, runtime: 'node', profiles });
  await engine.runAll();
  return engine.snapshot;
}

const requestOf = (session: FlowSession, stepId: string) => session.exchanges.find((exchange) => exchange.stepId === stepId)?.request;
const headerOf = (session: FlowSession, stepId: string, name: string) => requestOf(session, stepId)?.headers.find(([key]) => key.toLowerCase() === name)?.[1];

describe('a fictional next spec version, registered as one more profile', () => {
  it('runs the whole flow with the new record: its version on the wire, its steps, and its one changed decision', async () => {
    const session = await run(NEXT_VERSION, WITH_NEXT);
    expect(session.status).toBe('done');
    expect(session.steps.map((step) => step.kind)).toEqual(SPEC_PROFILES.latest.steps);
    // The transport of the latest version, speaking the new version's name.
    expect(JSON.parse(requestOf(session, 'mcp-unauthenticated')?.body ?? '{}')).toMatchObject({ method: 'server/discover' });
    expect(headerOf(session, 'mcp-unauthenticated', 'mcp-protocol-version')).toBe(NEXT_VERSION);
    expect(headerOf(session, 'mcp-authenticated', 'mcp-protocol-version')).toBe(NEXT_VERSION);
    // The changed decision: no resource on the authorization or the token request.
    expect(new URL(session.learned.authorizeUrl!).searchParams.has('resource')).toBe(false);
    expect(new URLSearchParams(requestOf(session, 'token')?.body).has('resource')).toBe(false);
  });

  it('leaves the latest shipped version as it was: it still sends resource', async () => {
    const session = await run(SPEC_PROFILES.latest.version, WITH_NEXT);
    expect(session.status).toBe('done');
    expect(new URL(session.learned.authorizeUrl!).searchParams.get('resource')).toBe(fake!.mcpUrl);
    expect(new URLSearchParams(requestOf(session, 'token')?.body).get('resource')).toBe(fake!.mcpUrl);
  });

  it('changes nothing in the shipped list', () => {
    expect(SPEC_VERSIONS).not.toContain(NEXT_VERSION);
    expect(WITH_NEXT.latest.version).toBe(NEXT_VERSION);
    expect(() => SPEC_PROFILES.profileFor(NEXT_VERSION)).toThrow(/Unknown spec version/);
  });
});
