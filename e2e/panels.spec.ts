import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { activate, expectFlowStatus, openTab } from './support/flow-page.ts';
import { VIEWPORTS, focusedTestId, loadScenario, openSideTab, runAll, selectedTab } from './support/panels-page.ts';

/** Issue 10: the outcome line, the panels, the menus and the network table, at a laptop's and a projector's size. */
for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a complete flow with errors says so in the error colour, opens Findings, and the first error is one click away', async ({ page }) => {
      await loadScenario(page, 'challenge-not-exposed');
      await runAll(page, { login: true });
      await expectFlowStatus(page, 'done');
      const line = page.getByTestId('flow-status');
      await expect(line).toContainText(/^Flow complete with \d+ errors?/);
      await expect(line).toHaveAttribute('data-tone', 'error');
      await expect(line).not.toContainText('no problems');
      await expect(line).toHaveClass(/text-red-800/);
      // The panel shows what broke, not the tools; focus is on the verdict, not <body>.
      await expect(selectedTab(page)).toHaveText(/^Findings/);
      expect(await focusedTestId(page)).toBe('flow-status');

      await openTab(page, 'Step & HTTP');
      await page.getByTestId('show-first-error').click();
      await expect(selectedTab(page)).toHaveText(/^Findings/);
      const firstError = page.getByTestId('findings-panel').locator('[data-severity="error"]').first();
      await expect(firstError).toBeVisible();
      await expect(page.getByTestId('diagram').locator('[aria-pressed="true"]').first()).toBeVisible();
    });

    test('a failed flow names the step it stopped at', async ({ page }) => {
      await loadScenario(page, 'no-cors');
      await runAll(page, { login: false });
      await expectFlowStatus(page, 'failed');
      await expect(page.getByTestId('flow-status')).toContainText(/^Stopped at step 1: .+ \(\d+ errors?/);
      await expect(selectedTab(page)).toHaveText(/^Findings/);
      expect(await focusedTestId(page)).toBe('flow-status');
    });

    test('menus stay inside the viewport, close on Escape (focus back on the button) and on an outside click', async ({ page }) => {
      await page.goto('/');
      for (const [name, panel] of [
        [/^Scenarios/, 'scenario-picker'],
        [/^Export \/ import/, 'trace-menu'],
      ] as const) {
        const button = page.getByRole('button', { name });
        await button.click();
        await expectInsideViewport(page, panel);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId(panel)).toHaveCount(0);
        await expect(button).toBeFocused();

        await button.click();
        await expect(page.getByTestId(panel)).toBeVisible();
        await page.mouse.click(viewport.width / 2, viewport.height - 20);
        await expect(page.getByTestId(panel)).toHaveCount(0);
        await expect(button).toHaveAttribute('aria-expanded', 'false');
      }
      // Presenter mode: the header wraps differently; the menus still open on screen.
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      for (const [name, panel] of [
        [/^Export \/ import/, 'trace-menu'],
        [/^Scenarios/, 'scenario-picker'],
      ] as const) {
        await page.getByRole('button', { name }).click();
        await expectInsideViewport(page, panel);
        await page.keyboard.press('Escape');
      }
    });

    test('the network table and the diagram select each other', async ({ page }) => {
      await loadScenario(page, 'challenge-not-exposed');
      await runAll(page, { login: true });
      await expectFlowStatus(page, 'done');
      await openSideTab(page, 'Network');
      const rows = page.getByTestId('network-row');
      await expect(rows.first()).toBeVisible();
      const count = await page.evaluate(() => document.querySelectorAll('[data-testid="network-row"]').length);
      expect(count).toBeGreaterThan(5);

      // A row selects its arrow; the table stays open.
      await page.locator('[data-testid="network-row"][data-exchange-id="x1"]').click();
      await expect(page.getByTestId('message-x1-req')).toHaveAttribute('aria-pressed', 'true');
      await expect(selectedTab(page)).toHaveText(/^Network/);
      // An arrow selects its row.
      await activate(page.getByTestId('message-x2-req'));
      await expect(selectedTab(page)).toHaveText(/^Network/);
      await expect(page.locator('[data-testid="network-row"][data-exchange-id="x2"]')).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('[data-testid="network-row"][data-exchange-id="x1"]')).toHaveAttribute('aria-selected', 'false');

      // Filters: text, status class, "has findings".
      await page.getByLabel('Filter exchanges by text').fill('/token');
      await expect(page.getByTestId('network-count')).toContainText(/^1 of \d+ exchanges$/);
      await page.getByLabel('Filter exchanges by text').fill('');
      await page.getByLabel('Status class').selectOption('4xx');
      await expect(rows.first()).toContainText('401');
      await page.getByLabel('Status class').selectOption('all');
      await page.getByLabel('Has findings').check();
      for (const row of await rows.all()) await expect(row.getByRole('gridcell').last()).not.toBeEmpty();
      // Enter opens the selected row in the inspector.
      await rows.first().click();
      await page.keyboard.press('Enter');
      await expect(selectedTab(page)).toHaveText(/^Step & HTTP/);
      await expect(page.getByTestId('exchange-panel')).toBeVisible();
    });

    test('an exchange with a relay verdict opens on the verdict: three columns (side by side from 1280 px), then the raw exchange', async ({ page }) => {
      await loadScenario(page, 'challenge-not-exposed');
      await runAll(page, { login: true });
      await expectFlowStatus(page, 'done');
      await activate(page.getByTestId('message-x1-res'));
      const relay = page.getByTestId('relay-panel');
      await expect(relay.getByTestId('relay-verdict').first()).toBeVisible();
      const relayBox = await relay.boundingBox();
      const exchangeBox = await page.getByTestId('exchange-panel').boundingBox();
      expect(relayBox!.y).toBeLessThan(exchangeBox!.y);
      // The header line to add is on screen without scrolling the panel: one click from the arrow.
      const headerLine = await relay.getByTestId('relay-header-line').first().boundingBox();
      expect(headerLine!.y + headerLine!.height).toBeLessThan(viewport.height);
      const tops = await relay
        .getByTestId('relay-columns')
        .locator(':scope > section')
        .evaluateAll((columns) => columns.map((column) => Math.round(column.getBoundingClientRect().top)));
      expect(tops).toHaveLength(3);
      expect(new Set(tops).size).toBe(1);
    });

    test('a keyboard-only run: start, land on the outcome, reach an exchange, open it, read the findings', async ({ page }) => {
      await page.goto(`/?server=${encodeURIComponent('http://localhost:6175/s/no-cors/mcp')}`);
      await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
      // The skip link is the first tab stop.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: /Skip the diagram/ })).toBeFocused();
      await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.textContent ?? '')).includes('Run all'));
      await page.keyboard.press('Enter');
      await expectFlowStatus(page, 'failed');
      await expect(page.getByTestId('flow-status')).toBeFocused();

      // The skip link goes straight to the side panel's tabs; the arrow keys move between them.
      await page.keyboard.press('Shift+Tab');
      await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.textContent ?? '')).startsWith('Skip the diagram'), 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('tab', { selected: true })).toBeFocused();
      await page.keyboard.press('Home');
      await expect(page.getByRole('tab', { name: /^Step & HTTP/ })).toBeFocused();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await expect(page.getByRole('tab', { name: /^Findings/ })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name: /^Network/ })).toBeFocused();
      await expect(page.getByRole('tab', { name: /^Network/ })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('tabindex', '-1');
      await tabUntil(page, async () => (await focusedTestId(page)) === 'network-row');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('exchange-panel')).toBeVisible();
      await expect(page.getByTestId('exchange-panel')).toContainText('blocked');

      await page.getByRole('tab', { name: /^Step & HTTP/ }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('findings-panel')).toBeVisible();
      await expect(page.getByTestId('findings-panel').getByTestId('finding').first()).toContainText(/CORS|blocked/i);
    });

    test('prose breaks between words; only tokens break anywhere', async ({ page }) => {
      await loadScenario(page, 'challenge-not-exposed');
      await runAll(page, { login: true });
      await expectFlowStatus(page, 'done');
      await activate(page.getByTestId('step-band-token'));
      await expect(page.getByTestId('step-notes')).toBeVisible();
      expect(await page.getByTestId('step-notes').evaluate((element) => getComputedStyle(element).wordBreak)).not.toBe('break-all');
    });
  });
}

test('a 1,000-exchange import: the table renders only the rows in view, scrolls to the last one, and selects its arrow', async ({ page }, testInfo) => {
  const entries = Array.from({ length: 1000 }, (_, index) => ({
    startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    time: 10 + (index % 7),
    request: { method: index % 2 ? 'GET' : 'POST', url: `https://mcp.example/mcp?n=${index + 1}`, headers: [] },
    response: { status: index % 10 ? 200 : 401, statusText: '', headers: [], content: { size: index, text: '' } },
  }));
  const file = testInfo.outputPath('thousand.har');
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
  await page.goto('/');
  await page.getByRole('button', { name: 'Export / import' }).click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('imported-source')).toBeVisible();
  await openSideTab(page, 'Network');
  await expect(page.getByTestId('network-count')).toHaveText('1000 exchanges');
  expect(await page.getByTestId('network-row').count()).toBeLessThan(60);
  await page.getByTestId('network-row').first().click();
  await page.keyboard.press('End');
  const last = page.locator('[data-testid="network-row"][data-exchange-id="x1000"]');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  expect(await page.getByTestId('network-row').count()).toBeLessThan(60);
  await page.getByLabel('Status class').selectOption('4xx');
  await expect(page.getByTestId('network-count')).toHaveText('100 of 1000 exchanges');
});

test.describe('at 390 px wide', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a finished flow shows the steps and the table without sideways scrolling, and the side panel keeps its width', async ({ page }) => {
    await page.goto(`/?server=${encodeURIComponent('http://localhost:6175/s/no-cors/mcp')}`);
    await page.getByRole('button', { name: /Run all/ }).click();
    await expectFlowStatus(page, 'failed');
    await openSideTab(page, 'Network');
    await expect(page.getByTestId('network-row').first()).toBeVisible();
    // Everything that pokes out to the right of the page, named, so a failure says what.
    const offenders = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return (
        [...document.querySelectorAll('body *')]
          // The diagram is a canvas that clips and pans its own content; it is checked by its own tests.
          .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !element.closest('[data-testid="diagram"]'))
          .slice(0, 5)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}${(element as HTMLElement).dataset.testid ? `[${(element as HTMLElement).dataset.testid}]` : ''}.${element.className.toString().slice(0, 60)}`,
          )
      );
    });
    expect(offenders).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const aside = await page.getByRole('complementary', { name: 'Details' }).boundingBox();
    expect(aside!.width).toBeGreaterThan(340);
    expect(aside!.height).toBeGreaterThan(200);
  });
});

async function expectInsideViewport(page: Page, testId: string) {
  const panel = page.getByTestId(testId);
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

async function tabUntil(page: Page, reached: () => Promise<boolean>, key = 'Tab') {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await reached()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Focus never got there with ${key}`);
}
