import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { activate, expectFlowStatus } from './support/flow-page.ts';
import { VIEWPORTS, loadScenario, runAll } from './support/panels-page.ts';

/** axe on every state a user meets first (issue 10): no serious or critical violation, nothing excluded. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const viewport of VIEWPORTS) {
  test.describe(`axe at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the first page', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a finished flow', async ({ page }) => {
      await loadScenario(page, 'healthy');
      await runAll(page, { login: true });
      await expectFlowStatus(page, 'done');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a failed flow', async ({ page }) => {
      await loadScenario(page, 'no-cors');
      await runAll(page, { login: false });
      await expectFlowStatus(page, 'failed');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('an open CORS verdict', async ({ page }) => {
      await loadScenario(page, 'challenge-not-exposed');
      await runAll(page, { login: true });
      await expectFlowStatus(page, 'done');
      await activate(page.getByTestId('message-x1-res'));
      await expect(page.getByTestId('relay-verdict').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('presenter mode', async ({ page }) => {
      await loadScenario(page, 'no-cors');
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await runAll(page, { login: false });
      await expectFlowStatus(page, 'failed');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
