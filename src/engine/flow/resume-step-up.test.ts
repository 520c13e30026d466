import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, ADMIN_SCOPES, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { redirectFollowingUserAgent } from '../rules/test-support/redirect-following-user-agent.ts';
import { APP_ORIGIN } from '../rules/test-support/run-flow.ts';
import type { FlowSession } from '../model/session.ts';
import { createSession } from './create-session.ts';
import { FlowEngine } from './engine.ts';
import type { UserAgent } from './user-agent.ts';

let fake: FakeServer | undefined;
afterEach(async () => fake?.close());

describe('a tool call’s step-up across a full-page redirect', () => {
  it('resumes from the callback, finishes the step-up and retries the tool', async () => {
    fake = await startFakeServer();
    let logins = 0;
    let leaving: (url: string) => void = () => undefined;
    const pageLeft = new Promise<string>((resolve) => (leaving = resolve));
    // The first login goes through; the step-up's popup is blocked and the page leaves.
    const agent: UserAgent = {
      authorize: (request, signal) =>
        ++logins === 1 ? redirectFollowingUserAgent.authorize(request, signal) : (leaving(request.url), new Promise<never>(() => undefined)),
    };
    const before = new FlowEngine(
      createSession({
        serverUrl: fake.mcpUrl,
        specVersion: '2026-07-28',
        timeoutMs: 2_000,
        redirectUri: `${APP_ORIGIN}/callback`,
        clientName: 'resume',
        registration: { mode: 'auto' },
      }),
      { userAgent: agent, runtime: 'node' },
    );
    await before.runAll();
    void before.callTool('admin-report', {});
    const authorizeUrl = await pageLeft;
    expect(new URL(authorizeUrl).searchParams.get('scope')).toContain(ADMIN_SCOPES.split(' ').at(-1));
    const saved = JSON.parse(JSON.stringify(before.snapshot)) as FlowSession;
    before.cancel();

    const callback = await fetch(authorizeUrl, { redirect: 'manual' });
    const after = new FlowEngine(saved, { userAgent: redirectFollowingUserAgent, runtime: 'node' });
    expect(after.resumeAuthorize(new URL(callback.headers.get('location')!, authorizeUrl).href, { popupBlocked: true })).toBe(true);
    await after.runAll();

    const tail = after.snapshot.steps.slice(-4).map((step) => `${step.kind}:${step.status}`);
    expect(tail).toEqual(['authorize:ok', 'callback:ok', 'token:ok', 'tool-call:ok']);
    expect(after.snapshot.status).toBe('done');
  });
});
