import { expect, test } from '@playwright/test';
import { expectFlowStatus, openTab } from './support/flow-page.ts';
import { E2E_PORTS } from './support/ports.ts';

test('a blocked popup falls back to a full-page redirect, and the session comes back intact', async ({ page }) => {
  // What a popup blocker does: window.open returns null.
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.goto('/');
  await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
  await page.getByRole('button', { name: /Run all/ }).click();

  // This tab itself goes to the authorization server's login page.
  await page.waitForURL(new RegExp(`^http://localhost:${E2E_PORTS.auth}/`));
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password').fill('any password works');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();

  // Back in the app, the flow goes on from the callback to the tools list.
  await page.waitForURL(new RegExp(`^http://localhost:${E2E_PORTS.app}/`));
  await expectFlowStatus(page, 'done');
  await expect(page.getByTestId('step-band-mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
  await openTab(page, 'Tools');
  await expect(page.getByTestId('tools-list')).toContainText('echo');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('findings-panel').locator('[data-rule-id="authorize.popup-blocked"]')).toBeVisible();
  // The redirect leg's storage is gone, and nothing ever went to localStorage.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).not.toMatch(/verifier|access_token|eyJ/);
});
