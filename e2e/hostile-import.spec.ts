import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import {
  foreignHar,
  hugeExpHar,
  loneSurrogateReport,
  scriptInEveryFieldHar,
  scriptInEveryFieldReport,
} from '../src/engine/export/test-support/hostile-traces.ts';
import { activate, openTab, stepBand } from './support/flow-page.ts';
import { e2eUrls } from './support/ports.ts';

/**
 * The app answers (the trace, a notice or a refusal) within 2 s of choosing a file on an idle machine:
 * the engine's import is held to that in import-limits.test.ts, and `npm run bench` measures import to
 * interactive. Here, with the browser, the dev server and a parallel test on two cores, the bound only
 * has to tell an answer from a hang (these files once hung the tab for over 30 s): 2,663 ms was seen
 * in CI for 20,000 entries, so it is 8 s.
 */
const IMPORT_BOUND_MS = 8_000;

/** Chooses the file in the import menu and waits for the trace or a refusal; returns how long that took. */
async function importFile(page: Page, testInfo: TestInfo, name: string, text: string | Buffer): Promise<number> {
  const file = testInfo.outputPath(name);
  writeFileSync(file, text);
  await page.getByRole('button', { name: 'Export / import' }).click();
  const input = page.getByTestId('import-file');
  const started = Date.now();
  await input.setInputFiles(file);
  await expect(page.getByTestId('imported-source').or(page.getByTestId('notice'))).toBeVisible();
  return Date.now() - started;
}

/** No script ran, no view failed, and the form still starts a live run against the demo. */
async function expectUsable(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('view-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Run all/ })).toBeEnabled();
  await page.locator('input[name="server"]').fill(e2eUrls.mcp);
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
}

/** Opens every step and every arrow of the diagram, as a curious user would. */
async function openEverything(page: Page): Promise<void> {
  const items = page.getByTestId('diagram').locator('[data-testid^="step-band-"], [data-testid^="message-"]');
  await expect(items.first()).toBeAttached();
  const count = await items.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index += 1) await activate(items.nth(index));
  await openTab(page, 'Findings');
  await openTab(page, 'Step & HTTP');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Run all/ })).toBeVisible();
});

for (const [name, text] of [
  ['script-everywhere.json', scriptInEveryFieldReport],
  ['script-everywhere.har', scriptInEveryFieldHar],
] as const) {
  test(`script in every field of a file (${name}) is shown as text and never runs`, async ({ page }, testInfo) => {
    expect(await importFile(page, testInfo, name, text())).toBeLessThan(IMPORT_BOUND_MS);
    await openEverything(page);
    await expect(page.getByTestId('exchange-panel')).toContainText('<img src=x onerror=window.__pwned=1>');
    await expectUsable(page);
  });
}

test('the arrow keys walk a diagram whose ids hold quotes', async ({ page }, testInfo) => {
  await importFile(page, testInfo, 'quoted-ids.har', scriptInEveryFieldHar());
  const arrows = page.getByTestId('diagram').locator('[data-testid^="message-"][data-testid$="-req"]');
  await expect(arrows.nth(1)).toBeAttached();
  await activate(arrows.nth(0));
  const next = await arrows.nth(1).getAttribute('data-testid');
  expect(next).toContain('"');
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
  // The first step has one exchange: down goes to the next step's band, then to its first arrow;
  // the keys move the focus, Enter opens what has it.
  await page.keyboard.press('ArrowDown');
  await expect.poll(focused).toMatch(/^step-band-as-discovery"/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-panel')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect.poll(focused).toBe(next);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-panel')).toBeVisible();
  await expectUsable(page);
});

test('100,000 headers are cut to 200 per message, with a notice, in time', async ({ page }, testInfo) => {
  expect(await importFile(page, testInfo, 'headers.har', foreignHar({ headers: 100_000 }))).toBeLessThan(IMPORT_BOUND_MS);
  await expect(page.getByTestId('import-notices')).toContainText('2 messages have more than 200 headers (up to 100,000); only the first 200 of each are kept.');
  await activate(page.getByTestId('message-x1-req'));
  await expect(page.getByTestId('request-headers').locator('tr')).toHaveCount(200);
  await expectUsable(page);
});

test('20,000 entries are cut to 1,000, with a notice, in time', async ({ page }, testInfo) => {
  const text = foreignHar({ entries: 20_000 });
  const started = Date.now();
  expect(await importFile(page, testInfo, 'entries.har', text)).toBeLessThan(IMPORT_BOUND_MS);
  await expect(page.getByTestId('import-notices')).toContainText('the file has 20,000 exchanges; only the first 1,000 are kept.');
  // The diagram draws what is in view and the page answers (20,000 once hung for over 30 s). The
  // bound is looser because it includes loading the diagram's code on first use, on a dev server
  // shared with a parallel test.
  await expect(page.getByTestId('message-x1-req')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(2 * IMPORT_BOUND_MS);
  // The last exchange kept is the 1,000th: End takes the keyboard there.
  await page.getByTestId('step-band-imported').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('message-x1000-req')).toBeFocused();
  await expect(page.getByTestId('message-x1001-req')).toHaveCount(0);
  await expectUsable(page);
});

test('a 24 MB body is kept to 512 K and shown 64 K at a time; clicks stay fast', async ({ page }, testInfo) => {
  expect(await importFile(page, testInfo, 'body.har', foreignHar({ bodyBytes: 24 * 1024 * 1024 }))).toBeLessThan(IMPORT_BOUND_MS);
  await expect(page.getByTestId('import-notices')).toContainText('1 body has');
  const started = Date.now();
  await activate(page.getByTestId('message-x1-res'));
  await expect(page.getByTestId('response-body-display-cut')).toContainText('Body shown cut for display: showing 65,536 of 524,288 characters.');
  await page.getByRole('button', { name: 'Raw' }).click();
  await page.getByRole('button', { name: 'Show 64 K more' }).last().click();
  await expect(page.getByTestId('response-body-display-cut')).toContainText('showing 131,072 of 524,288 characters');
  expect(Date.now() - started).toBeLessThan(IMPORT_BOUND_MS);
  await expectUsable(page);
});

test('a 50 MB file is refused before it is read, with its size and the limit', async ({ page }, testInfo) => {
  const elapsed = await importFile(page, testInfo, 'huge.har', Buffer.alloc(50 * 1024 * 1024, 0x20));
  expect(elapsed).toBeLessThan(IMPORT_BOUND_MS);
  await expect(page.getByTestId('notice')).toHaveText('huge.har is 50.0 MB; files up to 25 MB can be imported.');
  await expectUsable(page);
});

test('a lone surrogate in every field imports and shows', async ({ page }, testInfo) => {
  expect(await importFile(page, testInfo, 'surrogate.json', loneSurrogateReport())).toBeLessThan(IMPORT_BOUND_MS);
  await openEverything(page);
  await expectUsable(page);
});

test('a JWT whose exp no Date can hold shows without breaking the exchange view', async ({ page }, testInfo) => {
  await importFile(page, testInfo, 'huge-exp.har', hugeExpHar());
  await activate(page.getByTestId('message-x1-res'));
  await expect(page.getByTestId('jwt-view')).toBeVisible();
  await expectUsable(page);
});

test('a server URL taken from a file is named next to the field until it is edited', async ({ page }, testInfo) => {
  await importFile(page, testInfo, 'elsewhere.har', foreignHar({}));
  await expect(page.locator('input[name="server"]')).toHaveValue('https://mcp.example.test/mcp');
  await expect(page.getByTestId('server-source')).toHaveText('Server URL taken from the imported file elsewhere.har: check it before Run all.');
  await page.locator('input[name="server"]').fill(e2eUrls.mcp);
  await expect(page.getByTestId('server-source')).toHaveCount(0);
});
