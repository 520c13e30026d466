import { expect, test } from '@playwright/test';
import { expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';

/**
 * Issue 12, item 4: the browser falls back like the CLI. The challenge's metadata URL is behind an
 * API gateway's Basic auth (no CORS, so the browser blocks it); the app asks the relay at once, names
 * the gateway's challenge, and goes on to the well-known URL, which serves the metadata.
 */
test('a gateway guarding the challenge’s metadata URL: the browser tries the well-known URL next and the flow completes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Scenarios/ }).click();
  await page.getByTestId('scenario-metadata-behind-gateway').click();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /Run all/ }).click();
  await loginAndConsent(await popup);
  await expectFlowStatus(page, 'done');

  // Blocked, then found: the step went on and says where it found the metadata.
  await expect(stepBand(page, 'prm')).not.toHaveAttribute('data-status', 'blocked');
  await openTab(page, 'Findings');
  const panel = page.getByTestId('findings-panel');
  await expect(panel.locator('[data-rule-id="http.blocked"]').first()).toContainText(
    '/s/metadata-behind-gateway/mcp/.well-known/oauth-protected-resource was blocked',
  );
  const behindAuth = panel.locator('[data-rule-id="prm.behind-auth"]').first();
  await expect(behindAuth).toContainText('WWW-Authenticate: Basic realm="corp-gateway"');
  await expect(behindAuth).toContainText('Sign in to corp-gateway to reach this page.');
  await expect(behindAuth).toContainText('Exempt /.well-known/*');
  await expect(panel).not.toContainText('Point resource_metadata at');
  // The gateway's page is text in the finding, never markup.
  await expect(behindAuth.locator('h1')).toHaveCount(0);
  // Recognised once at the top, and the finding gains the intermediary's cause and fix.
  await expect(page.getByTestId('provider-line')).toContainText('recognised as Gateway, CDN or proxy in front of the server from its own challenge');
  await expect(behindAuth).toContainText('With Gateway, CDN or proxy in front of the server:');
  // The gateway's cause and fix are told once, on the first finding they explain; the others point at it.
  const told = panel.getByTestId('finding-provider').filter({ hasText: 'Keep resource_metadata in the 401 as it is' });
  await expect(told).toHaveCount(1);
  await expect(panel.getByTestId('finding-provider').first()).toContainText('Keep resource_metadata in the 401 as it is');
  await expect(panel.getByTestId('finding-provider').nth(1)).toContainText(/the same cause as \S+ above, and the same fix/);
});
