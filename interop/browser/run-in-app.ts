import { expect, type Page } from '@playwright/test';

/** The app's redirect URI when the e2e demo serves it (playwright.config.ts). */
export const APP_REDIRECT_URI = 'http://localhost:6173/callback.html';

/** What the app concluded: the flow's status, the first step that did not pass (`kind (status)`), and the rule ids in the Findings tab. */
export interface AppVerdict {
  status: string | null;
  failingStep: string | undefined;
  ruleIds: string[];
}

/** Enters the server URL with the spec on Auto, as a user would, and presses Run all. */
export async function runAll(page: Page, serverUrl: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('MCP server URL').fill(serverUrl);
  await page.getByLabel('Spec version').selectOption('auto');
  await page.getByRole('button', { name: /Run all/ }).click();
}

/** Waits for the run to end, then reads the verdict from the page. */
export async function appVerdict(page: Page): Promise<AppVerdict> {
  const status = page.getByTestId('flow-status');
  await expect(status).toHaveAttribute('data-status', /^(done|failed)$/, { timeout: 45_000 });
  // The diagram draws the last step's status a moment after the summary line changes.
  await expect(page.locator('[data-testid^="step-band-"][data-status="running"]')).toHaveCount(0);
  const failing = page.locator('[data-testid^="step-band-"][data-status="failed"], [data-testid^="step-band-"][data-status="blocked"]');
  const failingIds = await failing.evaluateAll((bands) =>
    bands.map((band) => `${band.getAttribute('data-testid')?.replace('step-band-', '')} (${band.getAttribute('data-status')})`),
  );
  await page.getByRole('tab', { name: /^Findings/ }).click();
  const ruleIds = await page
    .getByTestId('findings-panel')
    .getByTestId('finding')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-rule-id') ?? ''));
  return { status: await status.getAttribute('data-status'), failingStep: failingIds[0], ruleIds: [...new Set(ruleIds)].sort() };
}
