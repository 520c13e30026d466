import { expect, test, type Page } from '@playwright/test';
import { activate, expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';

async function loadScenario(page: Page, id: string) {
  await page.goto('/');
  await page.getByRole('button', { name: /^Scenarios/ }).click();
  await page.getByTestId(`scenario-${id}`).click();
}

test('WWW-Authenticate not exposed: the app names the header line to add', async ({ page }) => {
  await loadScenario(page, 'challenge-not-exposed');
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /Run all/ }).click();
  await loginAndConsent(await popup);
  await expectFlowStatus(page, 'done');

  await openTab(page, 'Findings');
  const verdict = page.getByTestId('findings-panel').locator('[data-rule-id="cors.header-not-exposed"]').first();
  await expect(verdict).toContainText('Access-Control-Expose-Headers: WWW-Authenticate');

  // The 401 exchange shows the three views side by side: browser, server, verdict.
  await activate(page.getByTestId('message-x1-res'));
  const relay = page.getByTestId('relay-panel');
  await expect(relay).toContainText('What the browser saw');
  await expect(relay.getByTestId('relay-server-response')).toContainText(/www-authenticate/i);
  await expect(relay.getByTestId('relay-verdict').first()).toHaveAttribute('data-rule-id', 'cors.header-not-exposed');
  if (process.env.UPDATE_SCREENSHOTS) {
    await relay.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshot-cors-verdict.png' });
  }
});

test('No CORS at all: blocked in the browser, explained by the relay, and relay mode gets past it', async ({ page }) => {
  await loadScenario(page, 'no-cors');
  await page.getByRole('button', { name: /Run all/ }).click();
  await expectFlowStatus(page, 'failed');
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'blocked');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('findings-panel').locator('[data-rule-id="cors.no-allow-origin"]').first()).toContainText('Access-Control-Allow-Origin');

  // Relay mode: every request goes through the relay, so the flow reaches the login and beyond.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByTestId('relay-mode').check();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /Run all/ }).click();
  await loginAndConsent(await popup);
  await expectFlowStatus(page, 'done');
  await expect(page.getByTestId('message-x1-res')).toContainText('via relay');
});
