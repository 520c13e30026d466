import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_AUTHORIZATION_ENDPOINTS, startHostileServer, type HostileServer, type HostileVariant } from '../src/engine/test-support/hostile-server.ts';
import { expectFlowStatus, openTab } from './support/flow-page.ts';
import { e2eUrls } from './support/ports.ts';

/**
 * The browser app against a hostile MCP server (started here, on a free loopback port) whose
 * authorization server metadata points the login at javascript:, data:, file: and friends.
 * No script of the server may run on the app's origin, no popup or navigation may go to a
 * refused scheme, and the steps say why the endpoint was refused.
 */
let hostile: HostileServer;
test.beforeAll(async () => {
  hostile = await startHostileServer();
});
test.afterAll(() => hostile.close());

/** Everything the page tries to open: popups, window.open calls and main-frame navigations. */
async function watch(page: Page, { blockPopups = false } = {}) {
  const popups: string[] = [];
  const navigations: string[] = [];
  page.on('popup', (popup) => popups.push(popup.url()));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await page.addInitScript((block) => {
    const calls: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = calls;
    const open = window.open.bind(window);
    // What a popup blocker does (window.open returns null), or the real thing, recording each call.
    window.open = (url?: string | URL, ...rest: [string?, string?]) => (calls.push(String(url)), block ? null : open(url, ...rest));
  }, blockPopups);
  return {
    popups,
    navigations,
    opened: () => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened),
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  };
}

const finding = (page: Page, ruleId: string) => page.getByTestId('findings-panel').locator(`[data-rule-id="${ruleId}"]`).first();
const refusedScheme = (url: string) => !/^(https?:|about:blank)/.test(url);

/** The flow stops at the metadata; Continue anyway ends at the authorize step's refusal. */
async function expectRefusedAfterContinuing(page: Page, variant: HostileVariant & keyof typeof HOSTILE_AUTHORIZATION_ENDPOINTS) {
  const endpoint = HOSTILE_AUTHORIZATION_ENDPOINTS[variant];
  await expectFlowStatus(page, 'failed');
  await expect(page.getByTestId('step-band-as-discovery')).toHaveAttribute('data-status', 'failed');
  await openTab(page, 'Findings');
  await expect(finding(page, 'as.endpoint-not-https')).toContainText(`authorization_endpoint ${JSON.stringify(endpoint)} is not https`);

  await page.getByRole('button', { name: /Continue anyway/ }).click();
  await expect(page.getByTestId('step-band-authorize')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await openTab(page, 'Findings');
  const refusal = finding(page, 'authorize.endpoint-refused');
  await expect(refusal).toContainText(`authorization_endpoint ${JSON.stringify(endpoint)} was not opened`);
  await expect(refusal).toContainText('OAuth 2.1 (§1.5) and RFC 8414 (§2) require https endpoints');
  await expect(page.getByRole('button', { name: /Continue anyway/ })).toHaveCount(0);
}

test('?run=1 against a javascript: authorization endpoint: no script runs, no popup opens, the steps say why', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`/?server=${encodeURIComponent(hostile.mcpUrl('javascript'))}&run=1`);
  await expectRefusedAfterContinuing(page, 'javascript');

  expect(await seen.pwned()).toBeUndefined();
  expect(await seen.opened()).toEqual([]);
  expect(seen.popups).toEqual([]);
  expect(seen.navigations.filter(refusedScheme)).toEqual([]);
});

test('Run all with the popup blocked: the full-page redirect never goes to a javascript: endpoint either', async ({ page }) => {
  const seen = await watch(page, { blockPopups: true });
  await page.goto(`/?server=${encodeURIComponent(hostile.mcpUrl('javascript-opener'))}`);
  await page.getByRole('button', { name: /Run all/ }).click();
  await expectRefusedAfterContinuing(page, 'javascript-opener');

  expect(await seen.pwned()).toBeUndefined();
  expect(await seen.opened()).toEqual([]);
  expect(seen.navigations.filter(refusedScheme)).toEqual([]);
  // Still the app: the tab never left for the endpoint.
  expect(page.url().startsWith(`${e2eUrls.app}/`)).toBe(true);
});

for (const variant of ['data', 'file', 'vbscript', 'ms-settings'] as const) {
  test(`?run=1 against a ${variant}: authorization endpoint is refused and nothing is opened`, async ({ page }) => {
    const seen = await watch(page);
    await page.goto(`/?server=${encodeURIComponent(hostile.mcpUrl(variant))}&run=1`);
    await expectRefusedAfterContinuing(page, variant);
    expect(await seen.pwned()).toBeUndefined();
    expect(await seen.opened()).toEqual([]);
    expect(seen.popups).toEqual([]);
    expect(seen.navigations.filter(refusedScheme)).toEqual([]);
  });
}

test('?run=1 against a plain-http endpoint on a public host: the flow stops before any popup', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`/?server=${encodeURIComponent(hostile.mcpUrl('http-public'))}&run=1`);
  await expectFlowStatus(page, 'failed');
  await openTab(page, 'Findings');
  await expect(finding(page, 'as.endpoint-not-https')).toContainText('"http://example.invalid/authorize" is not https: it is plain http on example.invalid');
  await expect(page.getByRole('button', { name: /Continue anyway/ })).toBeVisible();
  expect(await seen.opened()).toEqual([]);
  expect(seen.popups).toEqual([]);
});
