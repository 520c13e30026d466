import { expect, type Locator, type Page } from '@playwright/test';
import { loginAndConsent } from './login.ts';

export const ALL_STEPS = [
  'mcp-unauthenticated',
  'challenge',
  'prm',
  'as-discovery',
  'registration',
  'authorize',
  'callback',
  'token',
  'mcp-authenticated',
] as const;

export const stepBand = (page: Page, id: string) => page.getByTestId(`step-band-${id}`);

export async function expectFlowStatus(page: Page, status: 'done' | 'failed' | 'running' | 'idle' | 'waiting-for-user') {
  await expect(page.getByTestId('flow-status')).toHaveAttribute('data-status', status, { timeout: 30_000 });
}

/** Starts Run all (or waits for an auto-run) and completes the login in the popup it opens. */
export async function completeLoginWhenAsked(page: Page, start: () => Promise<void>): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await start();
  await loginAndConsent(await popupPromise);
}

/**
 * Selects a diagram item the way a keyboard user does (focus, Enter). The diagram is a pannable
 * canvas, so an item may sit outside the visible area where a mouse could not reach it.
 */
export async function activate(item: Locator): Promise<void> {
  await item.focus();
  await item.press('Enter');
}

/** The right-hand panel's tabs. */
export async function openTab(page: Page, name: 'Step & HTTP' | 'Findings' | 'Tools'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
}
