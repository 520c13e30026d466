import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBetterAuth } from '../servers/better-auth.ts';
import type { RunningServer } from '../servers/running-server.ts';
import { signInOnBetterAuth } from './better-auth-login-person.ts';
import { runCliAgainst } from './cli-verdict.ts';

// better-auth as shipped, without CORS: the CLI has no CORS, so it gets through (the browser side is
// interop/browser/better-auth.spec.ts).
describe('better-auth with its MCP plugin as the authorization server of an SDK MCP server, from the CLI', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startBetterAuth();
  });
  afterAll(() => server?.close());

  it('registers, signs in with email and password, consents, and calls the tool', async () => {
    const verdict = await runCliAgainst(server.url, ['--spec', 'auto'], signInOnBetterAuth);
    expect(verdict.status).toBe('done');
    expect(verdict.failingStep).toBeUndefined();
    // The 401's challenge is `Bearer resource_metadata="…"` with no scope (MCP 2025-11-25 "Scope Selection
    // Strategy": SHOULD), and the stateless SDK server answers server/discover with 400 before initialize
    // negotiates 2025-11-25. The token's aud is the MCP URL, and the token response has a refresh token.
    expect(verdict.ruleIds).toEqual(['challenge.no-scope', 'version.auto-chosen']);
    expect(verdict.report.specVersion).toBe('2025-11-25');
    expect(verdict.report.steps.find((step) => step.kind === 'tool-call')?.status).toBe('ok');
    expect(verdict.exitCode).toBe(0);
  });
});
