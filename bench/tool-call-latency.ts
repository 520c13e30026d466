import type { Browser } from '@playwright/test';
import { runAllWithLogin } from './flow-time.ts';

export interface ToolCallSample {
  /** From the click on "Call echo" to its response arrow in the diagram. */
  clickToArrowMs: number;
  /** From the last byte of the tools/call response (resource timing) to the arrow in the diagram. */
  responseToArrowMs: number;
}

/**
 * After a complete run, calls the demo's echo tool `calls` times and times each new response
 * arrow: a MutationObserver notes when it enters the page, resource timing when its answer arrived.
 */
export async function timeToolCalls(browser: Browser, appUrl: string, calls: number): Promise<ToolCallSample[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await runAllWithLogin(page, appUrl);
    await page.getByRole('tab', { name: /^Tools/ }).click();
    const samples: ToolCallSample[] = [];
    for (let call = 0; call < calls; call += 1) {
      await page.evaluate(() => {
        const state = window as unknown as { arrowAt?: number; clickedAt?: number; observer?: MutationObserver };
        const diagram = document.querySelector('[data-testid="diagram"]')!;
        const before = new Set([...diagram.querySelectorAll('[data-testid$="-res"]')].map((node) => node.getAttribute('data-testid')));
        delete state.arrowAt;
        state.observer?.disconnect();
        state.observer = new MutationObserver(() => {
          const fresh = [...diagram.querySelectorAll('[data-testid$="-res"]')].some((node) => !before.has(node.getAttribute('data-testid')));
          if (fresh && state.arrowAt === undefined) state.arrowAt = performance.now();
        });
        state.observer.observe(diagram, { childList: true, subtree: true });
        performance.clearResourceTimings();
        document.addEventListener('click', () => (state.clickedAt = performance.now()), { capture: true, once: true });
      });
      await page.getByRole('button', { name: 'Call echo' }).click();
      await page.waitForFunction(() => (window as unknown as { arrowAt?: number }).arrowAt !== undefined, undefined, { timeout: 10_000 });
      samples.push(
        await page.evaluate(() => {
          const state = window as unknown as { arrowAt: number; clickedAt: number };
          const answers = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/mcp'));
          const answered = Math.max(...answers.map((entry) => (entry as PerformanceResourceTiming).responseEnd));
          return { clickToArrowMs: Math.round(state.arrowAt - state.clickedAt), responseToArrowMs: Math.round(state.arrowAt - answered) };
        }),
      );
      await page.waitForTimeout(300);
    }
    return samples;
  } finally {
    await context.close();
  }
}
