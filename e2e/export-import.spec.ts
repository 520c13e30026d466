import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { E2E_PORTS } from './support/ports.ts';

const findingIds = async (page: Page) =>
  page
    .getByTestId('findings-panel')
    .getByTestId('finding')
    .evaluateAll((cards) => cards.map((card) => `${card.dataset.ruleId}:${card.querySelector('[data-testid="finding-detail"]')?.textContent ?? ''}`));

for (const format of ['HAR', 'report'] as const) {
  test(`an exported ${format}, imported again, reproduces the same steps and findings with no network`, async ({ page }, testInfo) => {
    const server = `http://localhost:${E2E_PORTS.mcp}/s/prm-resource-mismatch/mcp`;
    await page.goto(`/?server=${encodeURIComponent(server)}`);
    await page.getByRole('button', { name: /Run all/ }).click();
    await expectFlowStatus(page, 'failed');
    await openTab(page, 'Findings');
    const before = await findingIds(page);
    expect(before.join('\n')).toContain('prm.resource-mismatch');

    await page.getByRole('button', { name: 'Export / import' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId(format === 'HAR' ? 'export-har' : 'export-report').click();
    const file = testInfo.outputPath(format === 'HAR' ? 'trace.har' : 'report.json');
    await (await download).saveAs(file);
    const text = readFileSync(file, 'utf8');
    if (format === 'HAR') expect(JSON.parse(text).log.version).toBe('1.2');

    // A fresh page, and no network at all for the import.
    await page.goto('/');
    await page.route('http://localhost:6175/**', (route) => route.abort());
    await page.getByRole('button', { name: 'Export / import' }).click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('imported-source')).toContainText('Showing an imported');
    await expect(stepBand(page, 'prm')).toHaveAttribute('data-status', 'failed');
    await openTab(page, 'Findings');
    expect(await findingIds(page)).toEqual(before);
  });
}

test('a file that is not a trace gets a clear message, and the page keeps working', async ({ page }, testInfo) => {
  await page.goto('/');
  const file = testInfo.outputPath('not-a-trace.json');
  writeFileSync(file, '<html><body>nope</body></html>');
  await page.getByRole('button', { name: 'Export / import' }).click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('notice')).toBeVisible();
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
});
