import { expect, test, type Page } from '@playwright/test';
import { BETTER_AUTH_ACCOUNT, startBetterAuth } from '../servers/better-auth.ts';
import type { RunningServer } from '../servers/running-server.ts';
import { APP_REDIRECT_URI, appVerdict, runAll } from './run-in-app.ts';

/** Signs in on the login page better-auth sends the popup to, then allows on its consent page. */
async function signInAndAllow(popup: Page): Promise<void> {
  await popup.waitForLoadState('domcontentloaded');
  await popup.getByLabel('Email').fill(BETTER_AUTH_ACCOUNT.email);
  await popup.getByLabel('Password').fill(BETTER_AUTH_ACCOUNT.password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();
}

test.describe('better-auth with its MCP plugin, as shipped (no CORS)', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startBetterAuth();
  });
  test.afterAll(() => server?.close());

  test('the browser is blocked at the first request: the preflight to /mcp gets the 401 challenge', async ({ page }) => {
    await runAll(page, server.url);
    // better-auth's token check answers every request without a token, the preflight included, with
    // 401 and no Access-Control-* header, and the 401 to the POST exposes nothing either.
    expect(await appVerdict(page)).toEqual({
      status: 'failed',
      failingStep: 'mcp-unauthenticated (blocked)',
      ruleIds: ['cors.header-not-exposed', 'cors.no-allow-origin', 'cors.preflight-unauthorized', 'http.blocked'],
    });
  });
});

// CORS for the app's origin on every route (the authorization server's and /mcp), and the app's origin
// in better-auth's trustedOrigins.
test.describe('better-auth with its MCP plugin, with CORS for the app', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startBetterAuth({ corsOrigin: new URL(APP_REDIRECT_URI).origin });
  });
  test.afterAll(() => server?.close());

  test('the browser flow succeeds: sign-in and consent in the popup, then the tool', async ({ page }) => {
    const popup = page.waitForEvent('popup');
    await runAll(page, server.url);
    await signInAndAllow(await popup);
    // The same verdict as the CLI's (interop/cli/better-auth.test.ts).
    expect(await appVerdict(page)).toEqual({ status: 'done', failingStep: undefined, ruleIds: ['challenge.no-scope', 'version.auto-chosen'] });
  });
});
