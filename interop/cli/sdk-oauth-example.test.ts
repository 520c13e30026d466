import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSdkOauthExample } from '../servers/sdk-oauth-example.ts';
import type { RunningServer } from '../servers/running-server.ts';
import { runCliAgainst } from './cli-verdict.ts';

// The official SDK's OAuth example as shipped. The CLI has no CORS, so it gets through.
describe('the official SDK OAuth example (simpleStreamableHttp --oauth), from the CLI', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startSdkOauthExample({ cors: false });
  });
  afterAll(() => server?.close());

  it('authorizes, lists the tools and calls one', async () => {
    const verdict = await runCliAgainst(server.url, ['--spec', 'auto']);
    expect(verdict.status).toBe('done');
    expect(verdict.failingStep).toBeUndefined();
    // The challenge has no scope (MCP 2025-11-25 "Scope Selection Strategy": SHOULD), the token response
    // no refresh_token, and server/discover fails before initialize negotiates 2025-11-25.
    expect(verdict.ruleIds).toEqual(['challenge.no-scope', 'token.no-refresh-token', 'version.auto-chosen']);
    expect(verdict.report.specVersion).toBe('2025-11-25');
    // Its first tool, greet, requires `name`: a client that fills the arguments from the schema gets a greeting.
    expect(verdict.exitCode).toBe(0);
  });
});
