import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foreignHar } from '../src/engine/export/test-support/hostile-traces.ts';
import { percentile } from './stats.ts';

export interface ScaleSample {
  exchanges: number;
  /** From choosing the file to the first arrows painted with the main thread free again. */
  importToInteractiveMs: number;
  domNodes: number;
  diagramDomNodes: number;
  panFrameP50Ms: number;
  panFrameP95Ms: number;
  panFrames: number;
}

const VIEWPORT = { width: 1440, height: 900 };

/** Imports a HAR of `exchanges` entries into a fresh page, then pans through it with the mouse wheel. */
export async function measureScale(browser: Browser, appUrl: string, exchanges: number): Promise<ScaleSample> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-')), `trace-${exchanges}.har`);
  writeFileSync(file, foreignHar({ entries: exchanges }));
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Export / import' }).click();
    const input = page.getByTestId('import-file');
    await input.evaluate((element) =>
      element.addEventListener('change', () => ((window as unknown as { importStarted: number }).importStarted = performance.now()), { capture: true }),
    );
    await input.setInputFiles(file);
    await page.getByTestId('message-x1-req').waitFor({ state: 'visible', timeout: 30_000 });
    const importToInteractiveMs = await page.evaluate(
      () =>
        // Painted, and a task gets to run: the page answers input from here on.
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - (window as unknown as { importStarted: number }).importStarted))),
        ),
    );
    const counts = await domCounts(page);
    const frames = await panFrameTimes(page);
    return {
      exchanges,
      importToInteractiveMs: Math.round(importToInteractiveMs),
      ...counts,
      panFrameP50Ms: round1(percentile(frames, 50)),
      panFrameP95Ms: round1(percentile(frames, 95)),
      panFrames: frames.length,
    };
  } finally {
    await context.close();
  }
}

async function domCounts(page: Page) {
  return page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
    diagramDomNodes: document.querySelector('[data-testid="diagram"]')?.getElementsByTagName('*').length ?? 0,
  }));
}

/** Frame-to-frame times while the wheel scrolls down through the trace (about 60 wheel steps). */
async function panFrameTimes(page: Page): Promise<number[]> {
  const pane = (await page.getByTestId('diagram-pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  // A string: tsx would wrap a named function passed to evaluate in a helper the page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.recording_ = true;
    const tick = (time) => {
      window.frames_.push(time);
      if (window.recording_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  for (let step = 0; step < 60; step += 1) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(16);
  }
  const stamps = await page.evaluate(() => {
    const state = window as unknown as { frames_: number[]; recording_: boolean };
    state.recording_ = false;
    return state.frames_;
  });
  return stamps.slice(1).map((stamp, index) => stamp - stamps[index]!);
}

const round1 = (value: number) => Math.round(value * 10) / 10;
