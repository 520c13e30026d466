import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { foreignHar } from '../src/engine/export/test-support/hostile-traces.ts';
import { completeLoginWhenAsked, expectFlowStatus } from './support/flow-page.ts';
import { e2eUrls } from './support/ports.ts';

const DIR = process.env.SHOTS_DIR;
test.skip(!DIR, 'screenshots only when SHOTS_DIR is set');

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  const tag = `${size.width}x${size.height}`;
  test.describe(tag, () => {
    test.use({ viewport: size });
    test('finished flow', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
      await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
      await expectFlowStatus(page, 'done');
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${DIR}/finished-${tag}.png` });
    });
    test('failed flow', async ({ page }) => {
      await page.goto(`/?server=${encodeURIComponent(e2eUrls.mcp.replace('/mcp', '/s/no-cors/mcp'))}`);
      await page.getByRole('button', { name: /Run all/ }).click();
      await expectFlowStatus(page, 'failed');
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${DIR}/failed-${tag}.png` });
    });
    test('presenter', async ({ page }) => {
      await page.goto('/?presenter=1');
      await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
      for (let i = 0; i < 3; i += 1) {
        await page.getByRole('button', { name: /Next step/ }).click();
        await page.waitForTimeout(500);
      }
      await page.screenshot({ path: `${DIR}/presenter-${tag}.png` });
    });
    test('1000 import', async ({ page }, testInfo) => {
      await page.goto('/');
      const file = testInfo.outputPath('big.har');
      writeFileSync(file, foreignHar({ entries: 1000 }));
      await page.getByRole('button', { name: 'Export / import' }).click();
      await page.getByTestId('import-file').setInputFiles(file);
      await expect(page.getByTestId('imported-source')).toBeVisible();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${DIR}/import-1000-${tag}.png` });
    });
  });
}
