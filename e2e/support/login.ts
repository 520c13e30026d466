import { expect, type Page } from '@playwright/test';

/** Logs in and consents on the demo authorization server's own pages, in the popup. */
export async function loginAndConsent(popup: Page): Promise<void> {
  await popup.waitForLoadState('domcontentloaded');
  await popup.getByLabel('Username').fill('ada');
  await popup.getByLabel('Password').fill('any password works');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByRole('button', { name: 'Allow' })).toBeVisible();
  await popup.getByRole('button', { name: 'Allow' }).click();
}
