import { expect, test } from '@playwright/test';
import { expectFlowStatus } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';

test('a callback for no pending login is shown as foreign, ignored, and the pending login completes', async ({ page, context }) => {
  await page.goto('/');
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: /Run all/ }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState('domcontentloaded');
  await expectFlowStatus(page, 'waiting-for-user');

  // Other pages (any site can link here) open our callback with a forged code: without a state, and with a wrong one.
  const forged = [];
  for (const query of ['code=EVIL', 'code=EVIL&state=not-a-pending-state']) {
    const other = await context.newPage();
    await other.goto(`/callback.html?${query}`);
    forged.push(other);
  }

  // The login is still waiting, its popup still open; finishing it completes the flow.
  await page.waitForTimeout(1_000);
  expect(popup.isClosed()).toBe(false);
  await expectFlowStatus(page, 'waiting-for-user');
  await loginAndConsent(popup);
  await expectFlowStatus(page, 'done');

  // Each forged callback page says it was ignored.
  for (const other of forged) {
    const status = other.getByTestId('callback-status');
    await expect(status).toHaveAttribute('data-outcome', 'foreign');
    await expect(status).toContainText('This callback does not belong to a login this app started; it was ignored');
  }
});
