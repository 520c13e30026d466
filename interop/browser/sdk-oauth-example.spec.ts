import { expect, test } from '@playwright/test';
import { startSdkOauthExample } from '../servers/sdk-oauth-example.ts';
import type { RunningServer } from '../servers/running-server.ts';
import { appVerdict, runAll } from './run-in-app.ts';

test.describe('the official SDK OAuth example as shipped (no CORS on /mcp)', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startSdkOauthExample({ cors: false });
  });
  test.afterAll(() => server?.close());

  test('the browser is blocked at the first request, and the relay says which CORS headers are missing', async ({ page }) => {
    await runAll(page, server.url);
    const verdict = await appVerdict(page);
    // No Access-Control-Allow-Origin, a preflight that allows none of the request's headers, and a 401
    // whose WWW-Authenticate is not exposed: what the relay sees in the server's own answers.
    expect(verdict).toEqual({
      status: 'failed',
      failingStep: 'mcp-unauthenticated (blocked)',
      ruleIds: ['cors.header-not-allowed', 'cors.header-not-exposed', 'cors.no-allow-origin', 'http.blocked'],
    });
  });
});

test.describe('the official SDK OAuth example with CORS added to /mcp', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startSdkOauthExample({ cors: true });
  });
  test.afterAll(() => server?.close());

  test('the browser flow succeeds: its authorization server approves at once in the popup', async ({ page }) => {
    await runAll(page, server.url);
    const verdict = await appVerdict(page);
    // The same verdict as the CLI's (interop/cli/sdk-oauth-example.test.ts).
    expect(verdict).toEqual({ status: 'done', failingStep: undefined, ruleIds: ['challenge.no-scope', 'token.no-refresh-token', 'version.auto-chosen'] });
  });
});
