import { expect, test } from '@playwright/test';
import { activate, completeLoginWhenAsked, expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { E2E_PORTS } from './support/ports.ts';

test('a 2025-03-26 server: no PRM, metadata at the MCP origin, initialize without MCP-Protocol-Version', async ({ page }) => {
  const server = `http://localhost:${E2E_PORTS.mcp}/s/legacy-2025-03-26/mcp`;
  await page.goto(`/?server=${encodeURIComponent(server)}&spec=2025-03-26`);
  await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
  await expectFlowStatus(page, 'done');

  // The legacy path is drawn as its own step, and the 2025-06-18+ steps are not there.
  await expect(stepBand(page, 'as-discovery')).toContainText('Metadata at the MCP server’s origin (2025-03-26)');
  await expect(stepBand(page, 'prm')).toHaveCount(0);
  await expect(stepBand(page, 'challenge')).toHaveCount(0);
  await activate(stepBand(page, 'as-discovery'));
  await page
    .getByTestId('step-panel')
    .getByRole('button', { name: /GET \/.well-known\/oauth-authorization-server/ })
    .click();
  await expect(page.getByTestId('request-line')).toContainText(`GET http://localhost:${E2E_PORTS.mcp}/.well-known/oauth-authorization-server`);

  // No resource indicator in 2025-03-26.
  await activate(stepBand(page, 'authorize'));
  await page
    .getByTestId('step-panel')
    .getByRole('button', { name: /GET \/authorize/ })
    .click();
  await expect(page.getByTestId('query-parameters')).not.toContainText('resource');

  await openTab(page, 'Tools');
  await expect(page.getByTestId('tools-list')).toContainText('echo');
  await openTab(page, 'Findings');
  await expect(page.getByTestId('no-findings')).toBeVisible();
});
