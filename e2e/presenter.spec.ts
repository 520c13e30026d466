import { expect, test } from '@playwright/test';
import { activate, completeLoginWhenAsked, expectFlowStatus, stepBand } from './support/flow-page.ts';

test('presenter mode hides every token the normal view shows, and the keys drive the flow', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
  await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
  await expectFlowStatus(page, 'done');

  // In the normal view the token response shows the real tokens and the code.
  await activate(stepBand(page, 'token'));
  await page
    .getByTestId('step-panel')
    .getByRole('button', { name: /POST \/token/ })
    .click();
  const body = (await page.getByTestId('response-body').textContent()) ?? '';
  const accessToken = /"access_token":\s*"([^"]+)"/.exec(body)?.[1];
  const refreshToken = /"refresh_token":\s*"([^"]+)"/.exec(body)?.[1];
  expect(accessToken).toMatch(/^eyJ/);
  const requestBody = (await page.getByTestId('request-body').textContent()) ?? '';
  const code = /code = (\S+)/.exec(requestBody)?.[1];
  const verifier = /code_verifier = (\S+)/.exec(requestBody)?.[1];
  expect(code && verifier).toBeTruthy();

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  const secrets = [accessToken!, refreshToken!, code!, verifier!];
  // Every view: the open exchange, each step's panel, the diagram, the findings.
  await expect(page.getByTestId('response-body')).toContainText('[redacted');
  for (const step of ['authorize', 'callback', 'token', 'mcp-authenticated']) {
    await activate(stepBand(page, step));
    const text = await page.locator('body').innerText();
    for (const secret of secrets) expect(text, `${step} shows a secret`).not.toContain(secret);
  }
  for (const request of await page.locator('[data-testid^="message-x"]').all()) {
    const label = (await request.textContent()) ?? '';
    for (const secret of secrets) expect(label).not.toContain(secret);
  }
  if (process.env.UPDATE_SCREENSHOTS) {
    await activate(stepBand(page, 'token'));
    await page
      .getByTestId('step-panel')
      .getByRole('button', { name: /POST \/token/ })
      .click();
    await page.screenshot({ path: 'docs/screenshot-presenter.png' });
  }
  // The type is larger for the room.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');

  // R resets; → runs the next step.
  await page.locator('body').press('r');
  await expect(page.getByTestId('flow-status')).toHaveCount(0);
  await page.locator('body').press('ArrowRight');
  await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
  await expect(stepBand(page, 'challenge')).toHaveAttribute('data-status', 'pending');
});
