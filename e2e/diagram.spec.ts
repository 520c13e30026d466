import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { foreignHar } from '../src/engine/export/test-support/hostile-traces.ts';
import { expectFlowStatus } from './support/flow-page.ts';
import { e2eUrls } from './support/ports.ts';

/** The diagram's viewport transform: where it is scrolled to and how far it is zoomed. */
async function view(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);
  const [a = 1, , , , e = 0, f = 0] = (/matrix\(([^)]+)\)/.exec(transform)?.[1] ?? '1,0,0,1,0,0').split(',').map(Number);
  return { x: e, y: f, zoom: a };
}

/** The on-screen size of an arrow label: its font size times the zoom. */
async function labelPx(page: Page): Promise<number> {
  const font = await page
    .getByTestId('message-label')
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  return font * (await view(page)).zoom;
}

async function importHar(page: Page, testInfo: TestInfo, entries: number): Promise<void> {
  const file = testInfo.outputPath(`trace-${entries}.har`);
  writeFileSync(file, foreignHar({ entries }));
  await page.getByRole('button', { name: 'Export / import' }).click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('imported-source')).toBeVisible();
  await expect(page.getByTestId('message-label').first()).toBeVisible();
}

async function runNoCors(page: Page): Promise<void> {
  await page.goto(`/?server=${encodeURIComponent(e2eUrls.mcp.replace('/mcp', '/s/no-cors/mcp'))}`);
  await page.getByRole('button', { name: /Run all/ }).click();
  await expectFlowStatus(page, 'failed');
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('after a failure the failing arrow is in view, uncut, at full strength, and a click where it is drawn opens it', async ({ page }) => {
      await runNoCors(page);
      const failure = page.getByTestId('diagram').locator('[data-part="failure"]');
      await expect(failure).toHaveCount(1);
      const testId = (await failure.getAttribute('data-testid'))!;
      const exchangeId = testId.replace(/^message-/, '').replace(/-res$/, '');
      // The run selected the blocked step; its frame must not cover its own arrows.
      await expect(page.getByTestId('step-band-mcp-unauthenticated')).toHaveAttribute('aria-pressed', 'true');
      // Shown without any scrolling, inside the pane.
      const pane = (await page.getByTestId('diagram-pane').boundingBox())!;
      const box = (await failure.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
      // The status is never cut: "✕ blocked by the browser (CORS?)" in full.
      const label = failure.getByTestId('message-label');
      await expect(label).toHaveText('✕ blocked by the browser (CORS?)');
      expect(await label.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      expect(await labelPx(page)).toBeGreaterThanOrEqual(11);
      // What is under the arrow's centre is the arrow itself, not the step frame.
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), centre);
      expect(hit).toBe(`${exchangeId}-res`);
      await page.mouse.click(centre.x, centre.y);
      await expect(page.getByTestId('exchange-panel')).toBeVisible();
      await expect(page.getByTestId('exchange-panel')).toContainText('/s/no-cors/mcp');
      await expect(page.getByTestId(`message-${exchangeId}-req`)).toHaveAttribute('aria-pressed', 'true');
    });

    test('the wheel scrolls, Ctrl + wheel zooms, and Fit view brings back the readable width', async ({ page }, testInfo) => {
      await page.goto('/');
      await importHar(page, testInfo, 60);
      const fitted = await view(page);
      const pane = (await page.getByTestId('diagram-pane').boundingBox())!;
      await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
      await page.mouse.wheel(0, 400);
      await expect.poll(async () => (await view(page)).y).toBeLessThan(fitted.y - 100);
      expect((await view(page)).zoom).toBeCloseTo(fitted.zoom, 5);

      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -300);
      await page.keyboard.up('Control');
      await expect.poll(async () => (await view(page)).zoom).toBeGreaterThan(fitted.zoom * 1.1);

      await page.getByRole('button', { name: 'Fit view' }).click();
      await expect.poll(async () => (await view(page)).zoom).toBeCloseTo(fitted.zoom, 5);
      expect((await view(page)).x).toBeCloseTo(fitted.x, 0);
      expect(await labelPx(page)).toBeGreaterThanOrEqual(11);
    });

    test('the lane headers sit above the canvas, never over a step', async ({ page }, testInfo) => {
      await page.goto('/');
      await importHar(page, testInfo, 60);
      const pane = page.getByTestId('diagram-pane');
      await page.mouse.move((await pane.boundingBox())!.x + 100, (await pane.boundingBox())!.y + 100);
      await page.mouse.wheel(0, 1200);
      const strip = (await page.getByTestId('lane-headers').boundingBox())!;
      expect(strip.y + strip.height).toBeLessThanOrEqual((await pane.boundingBox())!.y + 0.5);
      await expect(page.getByTestId('lane-mcp')).toContainText('MCP server');
    });
  });
}

test('the diagram is one tab stop; arrow keys, Home and End move the focus, the view follows, Enter opens', async ({ page }, testInfo) => {
  await page.goto('/');
  await importHar(page, testInfo, 60);
  const diagram = page.getByTestId('diagram');
  await expect(diagram.locator('[tabindex="0"]')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Go to step' }).focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
  // The import selected its one step, so Tab lands there.
  await expect.poll(focused).toBe('step-band-imported');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focused).toBe('message-x1-req');
  // Focus moves; the selection does not.
  await expect(page.getByTestId('step-band-imported')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await expect.poll(focused).toBe('message-x60-req');
  const pane = (await page.getByTestId('diagram-pane').boundingBox())!;
  await expect
    .poll(async () => {
      const box = (await page.getByTestId('message-x60-req').boundingBox())!;
      return box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
    })
    .toBe(true);
  await expect(diagram.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-panel')).toContainText('n=59');
  await page.keyboard.press('Home');
  await expect.poll(focused).toBe('step-band-imported');
});

test('a 1,000-exchange import keeps the page under 3,000 DOM nodes', async ({ page }, testInfo) => {
  await page.goto('/');
  await importHar(page, testInfo, 1_000);
  await expect(page.getByTestId('import-notices')).toHaveCount(0);
  const count = () => page.evaluate(() => document.getElementsByTagName('*').length);
  expect(await count()).toBeLessThan(3_000);
  // Scrolled to the end, the last exchange is drawn and the page is still small.
  await page.getByTestId('diagram-pane').hover();
  await page.getByRole('combobox', { name: 'Go to step' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await expect(page.getByTestId('message-x1000-req')).toBeVisible();
  expect(await count()).toBeLessThan(3_000);
});

test('presenter mode at 1280×720: the diagram takes 70% of the height, labels of 16 px or more, a steady zoom, and no React style warning while stepping', async ({
  page,
}) => {
  // React's "%s a style property during rerender (%s) when a conflicting property is set (%s)": the
  // current step's left border once mixed borderLeftColor with the borderColor shorthand.
  const styleWarnings: string[] = [];
  page.on('console', (message) => {
    if (/style property during rerender/.test(message.text())) styleWarnings.push(message.text());
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?presenter=1');
  await expect(page.getByLabel('MCP server URL')).not.toHaveValue('');
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(page.getByTestId('step-band-mcp-unauthenticated')).toHaveAttribute('data-status', 'ok');
  const before = await view(page);
  expect(await labelPx(page)).toBeGreaterThanOrEqual(16);
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(page.getByTestId('step-band-challenge')).toHaveAttribute('data-status', 'ok');
  await page.getByRole('button', { name: /Next step/ }).click();
  await expect(page.getByTestId('step-band-prm')).toHaveAttribute('data-status', 'ok');
  // Teaching mode keeps a steady zoom.
  expect((await view(page)).zoom).toBeCloseTo(before.zoom, 5);
  expect(styleWarnings).toEqual([]);
  // On a projector the diagram, not the controls, gets the room: at least 70% of the height.
  const diagram = await page.getByTestId('diagram').boundingBox();
  expect(diagram!.height).toBeGreaterThanOrEqual(0.7 * 720);
});
