import { expect, test } from '@playwright/test';
import { expectFlowStatus, stepBand } from './support/flow-page.ts';
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
