import { expect, test } from '@playwright/test';
import { expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';
import { e2eUrls } from './support/ports.ts';

test('a ?server=…&spec=…&run=1 link fills the form and starts the flow by itself', async ({ page }) => {
  const popup = page.waitForEvent('popup');
  await page.goto(`/?server=${encodeURIComponent(e2eUrls.mcp)}&spec=2025-11-25&run=1`);
  await expect(page.getByLabel('MCP server URL')).toHaveValue(e2eUrls.mcp);
  await expect(page.getByLabel('Spec version')).toHaveValue('2025-11-25');
  // No button was pressed: the link alone ran the flow up to the login.
  await expect(stepBand(page, 'registration')).toHaveAttribute('data-status', 'ok');
  await loginAndConsent(await popup);
  await expectFlowStatus(page, 'done');
  await expect(page.getByTestId('tools-list')).toContainText('echo');
});

test('a linked run uses the relay like a pressed Run all: the relay explains why the browser blocked the request', async ({ page, request }) => {
  const config = (await (await request.get('/__demo/config.json')).json()) as { scenarios: Array<{ id: string; mcpUrl: string }> };
  const noCors = config.scenarios.find((scenario) => scenario.id === 'no-cors');
  expect(noCors).toBeTruthy();
  await page.goto(`/?server=${encodeURIComponent(noCors!.mcpUrl)}&run=1`);
  await expectFlowStatus(page, 'failed');
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'blocked');
  // Only the relay can see the missing Access-Control-Allow-Origin; without it the block stays unexplained.
  await openTab(page, 'Findings');
  await expect(page.getByTestId('findings-panel').locator('[data-rule-id="cors.no-allow-origin"]').first()).toContainText('Access-Control-Allow-Origin');
});

test('a linked run still starts when the demo config cannot be read, without the relay', async ({ page }) => {
  await page.route('**/__demo/config.json', (route) => route.abort());
  const popup = page.waitForEvent('popup');
  await page.goto(`/?server=${encodeURIComponent(e2eUrls.mcp)}&run=1`);
  await expect(page.getByTestId('demo-status')).toHaveText('No demo servers here: enter any MCP server URL.');
  await expect(stepBand(page, 'registration')).toHaveAttribute('data-status', 'ok');
  await loginAndConsent(await popup);
  await expectFlowStatus(page, 'done');
});

test('Run all pressed before the demo config arrives still has the relay', async ({ page, request }) => {
  const config = (await (await request.get('/__demo/config.json')).json()) as { scenarios: Array<{ id: string; mcpUrl: string }> };
  const noCors = config.scenarios.find((scenario) => scenario.id === 'no-cors');
  // The config (which carries the relay) answers late; the user is quicker.
  await page.route('**/__demo/config.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(`/?server=${encodeURIComponent(noCors!.mcpUrl)}`);
  await page.getByRole('button', { name: /Run all/ }).click();
  await expectFlowStatus(page, 'failed');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('findings-panel').locator('[data-rule-id="cors.no-allow-origin"]').first()).toContainText('Access-Control-Allow-Origin');
});
