import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';

export interface FlowSample {
  totalMs: number;
  serverMs: number;
  userMs: number;
  appMs: number;
  /** Wall time from pressing Run all to "Flow complete", as the user waits for it. */
  wallMs: number;
}

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One complete Run all in a fresh browser context, the login and consent filled in by script.
 * The app reports where its time went (servers, login window, itself); the bench reads that.
 */
export async function timeOneRun(browser: Browser, appUrl: string): Promise<FlowSample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const started = Date.now();
    await runAllWithLogin(page, appUrl);
    const wallMs = Date.now() - started;
    const timing = page.getByTestId('flow-timing');
    const read = async (name: string) => Number(await timing.getAttribute(`data-${name}-ms`));
    return { totalMs: await read('total'), serverMs: await read('server'), userMs: await read('user'), appMs: await read('app'), wallMs };
  } finally {
    await context.close();
  }
}

/** Opens the app on the demo, presses Run all, logs in and consents in the popup, and waits for "done". */
export async function runAllWithLogin(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('MCP server URL').and(page.locator(':not([value=""])')).waitFor();
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: /Run all/ }).click();
  const popup = await popupPromise;
  await popup.getByLabel('Username').fill('bench');
  await popup.getByLabel('Password').fill('bench');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();
  await page.getByTestId('flow-timing').waitFor({ timeout: 30_000 });
  const status = await page.getByTestId('flow-status').getAttribute('data-status');
  if (status !== 'done') throw new Error(`The flow ended as "${status}", not done.`);
}
