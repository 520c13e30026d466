import { expect, test, type Page } from '@playwright/test';
import { ENTRA_API_APP_ID, ENTRA_CLIENT_ID, startEntra } from '../src/engine/providers/test-support/entra-server.ts';
import { expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';

/**
 * The browser app against a loopback imitation of Microsoft Entra ID v2.0 (started here, on a free
 * port) that refuses the resource parameter with AADSTS901002, as a new user would meet it: a
 * pre-registered client id, Continue anyway past the PKCE metadata Entra does not publish, and then
 * the one finding that says what Entra wants instead.
 */
let entra: Awaited<ReturnType<typeof startEntra>>;
test.beforeAll(async () => {
  entra = await startEntra({ resource: 'unsupported' });
});
test.afterAll(() => entra.close());

const findings = (page: Page) => page.getByTestId('findings-panel').getByTestId('finding');

test('Entra refusing resource: the provider once at the top, and one finding with AADSTS901002 and the scope to send', async ({ page }) => {
  await page.goto(`/?server=${encodeURIComponent(entra.mcpUrl)}&mode=pre-registered&client_id=${ENTRA_CLIENT_ID}&run=1`);
  await expectFlowStatus(page, 'failed');
  await expect(stepBand(page, 'as-discovery')).toHaveAttribute('data-status', 'failed');

  // Recognised from the metadata already, before any error: one line, text only.
  const provider = page.getByTestId('provider-line');
  await expect(provider).toHaveCount(1);
  await expect(provider).toHaveText(/^Provider: recognised as Microsoft Entra ID from the issuer shape …\/\{tenant\}\/v2\.0 \(http:\/\/127\.0\.0\.1:\d+\//);
  await openTab(page, 'Findings');
  await expect(findings(page).and(page.locator('[data-rule-id="as.pkce-methods-absent"]'))).toContainText(
    'With Microsoft Entra ID: Entra supports PKCE with S256',
  );

  // The popup goes to Entra's authorize endpoint, which sends the browser straight back with the error.
  await page.getByRole('button', { name: /Continue anyway/ }).click();
  await expect(stepBand(page, 'callback')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  // The run went past step 4 and stopped at the callback: the headline and the selected step say so.
  await expect(page.getByTestId('flow-status')).toContainText('Stopped at step 7: ');
  await expect(stepBand(page, 'callback')).toHaveAttribute('aria-pressed', 'true');
  await openTab(page, 'Findings');
  const carrying = findings(page).filter({ hasText: 'AADSTS901002' });
  await expect(carrying).toHaveCount(1);
  // The step that ended the run leads the list, ahead of the PKCE metadata error gone past with Continue anyway.
  await expect(findings(page).first()).toContainText('AADSTS901002');
  await expect(carrying).toHaveAttribute('data-rule-id', 'callback.error');
  const explained = carrying.getByTestId('finding-provider');
  await expect(explained).toContainText(
    'With Microsoft Entra ID: Entra v2.0 names the API in the scope, not in the RFC 8707 resource parameter: AADSTS901002 refuses resource',
  );
  await expect(explained).toContainText(`Fix: Request scope=api://${ENTRA_API_APP_ID}/.default and leave resource out`);
  await expect(explained.getByRole('link', { name: 'Microsoft Entra ID docs ↗' })).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc',
  );
  await expect(page.getByTestId('provider-line')).toHaveCount(1);
});
