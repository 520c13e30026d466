import { expect, test } from '@playwright/test';
import { ALL_STEPS, activate, completeLoginWhenAsked, expectFlowStatus, openTab, stepBand } from './support/flow-page.ts';
import { e2eUrls } from './support/ports.ts';

for (const spec of ['2026-07-28', '2025-11-25'] as const) {
  test(`Run all completes the whole flow against the demo (${spec})`, async ({ page }) => {
    // It opens every step and every exchange of the run, which takes a while on a busy 2-core machine.
    test.setTimeout(150_000);
    await page.goto(`/?spec=${spec}`);
    await expect(page.getByLabel('MCP server URL')).toHaveValue(e2eUrls.mcp);

    await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
    await expectFlowStatus(page, 'done');

    // The authenticated call listed the demo's tools.
    const tools = page.getByTestId('tools-list');
    await expect(tools).toContainText('echo');
    await expect(tools).toContainText('add');
    await openTab(page, 'Findings');
    await expect(page.getByTestId('no-findings')).toBeVisible();

    // Every step ran and succeeded, and each shows its teaching text with a spec link.
    for (const id of ALL_STEPS) {
      await expect(stepBand(page, id)).toHaveAttribute('data-status', 'ok');
      await activate(stepBand(page, id));
      await expect(page.getByTestId('step-teaching')).toContainText(/\w+/);
      // 2026-07-28 splits the authorization page in four: a section may be on a sub-page.
      await expect(page.getByTestId('step-teaching').getByRole('link')).toHaveAttribute(
        'href',
        new RegExp(`/specification/${spec}/basic/authorization(/[a-z-]+)?#[a-z-]+$`),
      );
    }

    // The first exchange is the unauthenticated request and its real 401 with the challenge.
    await activate(page.getByTestId('message-x1-req'));
    const panel = page.getByTestId('exchange-panel');
    await expect(panel.getByTestId('request-line')).toContainText(`POST ${e2eUrls.mcp}`);
    await expect(panel.getByTestId('request-body')).toContainText(spec === '2026-07-28' ? 'server/discover' : 'initialize');
    await expect(panel.getByTestId('response-status')).toContainText('HTTP 401');
    await expect(panel.getByTestId('response-headers')).toContainText('resource_metadata=');

    // Every HTTP exchange of the run has its raw request and response in the panel.
    const requestArrows = page.locator('[data-testid^="message-x"][data-testid$="-req"]');
    const count = await requestArrows.count();
    expect(count).toBeGreaterThanOrEqual(9);
    for (let index = 0; index < count; index += 1) {
      await activate(requestArrows.nth(index));
      await expect(panel.getByTestId('request-line')).toContainText(/^(GET|POST) http/);
      const outcome = await panel.getByTestId('exchange-outcome').textContent();
      if (!outcome?.startsWith('Browser navigation')) await expect(panel.getByTestId('response-status')).toContainText('HTTP ');
    }

    // The token response's JWT is decoded and its audience checked against the resource.
    await activate(page.getByTestId('step-band-token'));
    await page
      .getByTestId('step-panel')
      .getByRole('button', { name: /POST \/token/ })
      .click();
    await expect(panel.getByTestId('jwt-view')).toContainText('matches the resource');

    if (process.env.UPDATE_SCREENSHOTS && spec === '2026-07-28') {
      await activate(page.getByTestId('step-band-token'));
      await page.screenshot({ path: 'docs/screenshot-flow.png' });
    }
  });
}
