import { expect, test } from '@playwright/test';
import { startFastmcpOauth } from '../servers/fastmcp-oauth.ts';
import type { RunningServer } from '../servers/running-server.ts';
import { APP_REDIRECT_URI, appVerdict, runAll } from './run-in-app.ts';

// fastmcp sends CORS headers by default but exposes only Mcp-Session-Id: the browser cannot read the 401's
// WWW-Authenticate, so the first step fails with the CORS verdict and the app goes on with the well-known
// metadata URLs, which fastmcp serves. The CLI sees the challenge (interop/cli/fastmcp-oauth.test.ts).
test.describe('fastmcp OAuth proxy with oauth2-mock-server upstream, in the browser', () => {
  let server: RunningServer | undefined;
  test.afterEach(() => server?.close());

  test('as shipped: the resource metadata names the base URL, so a strict client stops there', async ({ page }) => {
    server = await startFastmcpOauth({ redirectUriPatterns: [APP_REDIRECT_URI], resource: 'default' });
    await runAll(page, server.url);
    expect(await appVerdict(page)).toEqual({
      status: 'failed',
      failingStep: 'mcp-unauthenticated (failed)',
      ruleIds: ['challenge.hidden-by-cors', 'cors.header-not-exposed', 'prm.resource-mismatch'],
    });
  });

  test('with the resource set to the MCP endpoint: consent in the popup, upstream login, tools', async ({ page }) => {
    server = await startFastmcpOauth({ redirectUriPatterns: [APP_REDIRECT_URI], resource: 'endpoint' });
    const popup = page.waitForEvent('popup');
    await runAll(page, server.url);
    await (await popup).getByRole('button', { name: /Approve/ }).click();
    expect(await appVerdict(page)).toEqual({
      status: 'done',
      failingStep: 'mcp-unauthenticated (failed)',
      // fastmcp's JWT names the base URL as its audience, not the resource the client asked for (RFC 8707 §2).
      ruleIds: ['challenge.hidden-by-cors', 'cors.header-not-exposed', 'token.audience-mismatch', 'version.auto-chosen'],
    });
  });
});
