import { expect, test } from '@playwright/test';
import { activate, expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';

test('an unreachable server ends in a readable failure, and the page keeps working', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
  const demoUrl = await page.getByLabel('MCP server URL').inputValue();
  await page.getByLabel('MCP server URL').fill('http://localhost:6199/mcp');
  await page.getByRole('button', { name: /Run all/ }).click();

  await expectFlowStatus(page, 'failed');
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'blocked');
  await openTab(page, 'Findings');
  const finding = page.getByTestId('findings-panel').getByTestId('finding').first();
  await expect(finding).toHaveAttribute('data-rule-id', 'http.blocked');
  await expect(finding).toContainText('most likely');
  await activate(page.getByTestId('message-x1-req'));
  await expect(page.getByTestId('exchange-error')).toContainText('The browser blocked this request, most likely CORS');

  // Still usable: back to the demo server, one step runs fine.
  await page.getByRole('button', { name: /Reset/ }).click();
  await page.getByLabel('MCP server URL').fill(demoUrl);
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
});

test('a URL that is not http(s) is refused with a clear finding', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('MCP server URL').fill('javascript:alert(1)');
  await page.getByRole('button', { name: /Run all/ }).click();
  await expectFlowStatus(page, 'failed');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('findings-panel').getByTestId('finding').first()).toHaveAttribute('data-rule-id', 'http.invalid-url');
  await expect(page.getByTestId('findings-panel').getByTestId('finding').first()).toContainText('Only http and https URLs');
});
