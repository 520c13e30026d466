import { expect, test, type Page } from '@playwright/test';
import { activate, completeLoginWhenAsked, expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';

async function runToSuccess(page: Page) {
  await page.goto('/');
  await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
  await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
  await expectFlowStatus(page, 'done');
}

test('calling a tool that needs more scope steps up, with a second login, and then succeeds', async ({ page }) => {
  await runToSuccess(page);
  const echo = page.locator('[data-tool="echo"]');
  await echo.getByLabel('Arguments for echo').fill('{"message": "<img src=x onerror=alert(1)>"}');
  await echo.getByRole('button', { name: 'Call echo' }).click();
  // Server text comes back as text, never as markup.
  await expect(echo.getByTestId('tool-result')).toContainText('<img src=x onerror=alert(1)>');
  await expect(stepBand(page, 'tool-call')).toHaveAttribute('data-status', 'ok');

  const admin = page.locator('[data-tool="admin_report"]');
  const popup = page.waitForEvent('popup');
  await admin.getByRole('button', { name: 'Call admin_report' }).click();
  await loginAndConsent(await popup);
  await expect(admin.getByTestId('tool-result')).toHaveAttribute('data-ok', 'true');
  // The 403 step, the re-authorization and the retry are all in the diagram.
  await expect(stepBand(page, 'tool-call-2')).toHaveAttribute('data-status', 'warning');
  await expect(stepBand(page, 'authorize-2')).toContainText('Step-up');
  await expect(stepBand(page, 'token-2')).toHaveAttribute('data-status', 'ok');
  await expect(stepBand(page, 'tool-call-3')).toHaveAttribute('data-status', 'ok');
  await activate(stepBand(page, 'authorize-2'));
  await page
    .getByTestId('step-panel')
    .getByRole('button', { name: /GET \/auth/ })
    .click();
  await expect(page.getByTestId('query-parameters')).toContainText('mcp:admin');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('no-findings')).toBeVisible();
});

test('Refresh token runs a real refresh_token grant with resource, and the token rotates', async ({ page }) => {
  await runToSuccess(page);
  await page.getByRole('button', { name: 'Refresh token' }).click();
  await expect(stepBand(page, 'refresh')).toHaveAttribute('data-status', 'ok');
  await activate(stepBand(page, 'refresh'));
  await expect(page.getByTestId('step-notes')).toContainText('rotated');
  await page
    .getByTestId('step-panel')
    .getByRole('button', { name: /POST \/token/ })
    .click();
  const body = page.getByTestId('exchange-panel').getByTestId('request-body');
  await expect(body).toContainText('grant_type = refresh_token');
  await expect(body).toContainText('resource = http://localhost:6175/mcp');
});

test('Audit the server: no token, a malformed one and a tampered one are each refused with 401', async ({ page }) => {
  await runToSuccess(page);
  await page.getByRole('button', { name: 'Audit the server' }).click();
  await expect(stepBand(page, 'audit')).toHaveAttribute('data-status', 'ok');
  await activate(stepBand(page, 'audit'));
  const notes = page.getByTestId('step-notes');
  await expect(notes).toContainText('no token → 401: refused');
  await expect(notes).toContainText('a malformed token → 401: refused');
  await expect(notes).toContainText('the real token with its signature altered → 401: refused');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('no-findings')).toBeVisible();
});
