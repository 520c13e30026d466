import { expect, type Page } from '@playwright/test';
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
