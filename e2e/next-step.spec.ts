import { expect, test } from '@playwright/test';
import { ALL_STEPS, expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';

test('Next step runs exactly one step at a time', async ({ page }) => {
  await page.goto('/');
  const next = page.getByRole('button', { name: /Next step/ });
  await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');

  for (const [index, id] of ALL_STEPS.entries()) {
    if (id === 'authorize') {
      const popup = page.waitForEvent('popup');
      await next.click();
      await loginAndConsent(await popup);
    } else {
      await next.click();
    }
    await expect(stepBand(page, id)).toHaveAttribute('data-status', 'ok');
    // Nothing beyond this step has run.
    for (const later of ALL_STEPS.slice(index + 1)) await expect(stepBand(page, later)).toHaveAttribute('data-status', 'pending');
    // The step that just ran is shown in the inspector, teaching text first.
    await expect(page.getByTestId('step-panel')).toBeVisible();
    // Between steps nothing runs: the headline says where it paused, never "Running…".
    if (index < ALL_STEPS.length - 1) await expect(page.getByTestId('flow-status')).toContainText(`Paused after step ${index + 1}:`);
  }
  await expectFlowStatus(page, 'done');
  await openTab(page, 'Tools');
  await expect(page.getByTestId('tools-list')).toContainText('echo');
});

test('Reset clears the session, tokens included', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
  await page.getByRole('button', { name: /Reset/ }).click();
  await expect(page.getByTestId('diagram')).toHaveCount(0);
  await expect(page.getByTestId('flow-status')).toHaveCount(0);
  // Nothing of the flow was kept in storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toMatch(/access_token|code_verifier|eyJ/);
});
