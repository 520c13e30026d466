import { expect, type Page } from '@playwright/test';
import { loginAndConsent } from './login.ts';

/** The two sizes issue 10 tries every panel at: a laptop, and a common projector. */
export const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** Loads a demo scenario the way the scenario picker does. */
export async function loadScenario(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: /^Scenarios/ }).click();
  await page.getByTestId(`scenario-${id}`).click();
  // The healthy server is the demo's own /mcp; every fault scenario has its own path.
  await expect(page.getByLabel('MCP server URL')).toHaveValue(id === 'healthy' ? /\/mcp$/ : new RegExp(`/s/${id}/`));
}

/** Run all, with the login in the popup when the scenario gets that far. */
export async function runAll(page: Page, { login }: { login: boolean }): Promise<void> {
  if (!login) {
    await page.getByRole('button', { name: /Run all/ }).click();
    return;
  }
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: /Run all/ }).click();
  await loginAndConsent(await popup);
}

export const selectedTab = (page: Page) => page.getByRole('tab', { selected: true });

/** Whatever holds keyboard focus, by test id or role and text: enough to say where the user is. */
export const focusedTestId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);

/** A side-panel tab by its name, including the network table's. */
export async function openSideTab(page: Page, name: 'Step & HTTP' | 'Findings' | 'Network' | 'Tools'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
}
