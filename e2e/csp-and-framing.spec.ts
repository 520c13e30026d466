import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { e2eUrls } from './support/ports.ts';

/** Every CSP complaint the page makes: violation events and the console lines Chromium writes for them. */
async function collectCspComplaints(page: Page): Promise<string[]> {
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) complaints.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => complaints.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return complaints;
}

/** A page on another origin (a loopback port of its own) that frames the app with ?run=1. */
async function startFramingPage(): Promise<{ url: string; server: Server }> {
  const appUrl = `${e2eUrls.app}/?run=1`;
  const server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><title>Another site</title><iframe id="app" src="${appUrl}" width="1200" height="800"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

function requestsTo(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(origin)) seen.push(`${request.method()} ${request.url()}`);
  });
  return seen;
}

test('the dev server sends the build’s CSP, without unsafe-inline for script, and the app loads with no CSP violation', async ({ page }) => {
  const complaints = await collectCspComplaints(page);
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/^\s*script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');

  // The app rendered, which needs the Fast Refresh preamble to have run, and it can run a step.
  await expect(page.getByLabel('MCP server URL')).toHaveValue(e2eUrls.mcp);
  await page.getByRole('button', { name: /Run all/ }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(complaints).toEqual([]);
});

test('another site cannot frame the app: the header refuses the frame and ?run=1 never starts', async ({ page }) => {
  const framing = await startFramingPage();
  try {
    const toMcp = requestsTo(page, new URL(e2eUrls.mcp).origin);
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) refusals.push(message.text());
    });
    await page.goto(framing.url);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    await expect.poll(() => frame?.url()).not.toContain(e2eUrls.app);
    await page.waitForTimeout(1_000);
    expect(toMcp).toEqual([]);
  } finally {
    framing.server.close();
  }
});

test('framed where no header forbids it (a static host), the app refuses to start and shows why', async ({ page, context }) => {
  // A static host serves the build with only its meta-tag CSP, which cannot forbid framing: strip the headers.
  await context.route(`${e2eUrls.app}/?run=1`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    delete headers['x-frame-options'];
    await route.fulfill({ response, headers });
  });
  const framing = await startFramingPage();
  try {
    const toMcp = requestsTo(page, new URL(e2eUrls.mcp).origin);
    const popups: string[] = [];
    page.on('popup', (popup) => popups.push(popup.url()));
    await page.goto(framing.url);
    const app = page.frameLocator('#app');
    await expect(app.getByTestId('framed-notice')).toContainText('Framed use refused');
    await expect(app.getByLabel('MCP server URL')).toHaveCount(0);
    await page.waitForTimeout(1_000);
    expect(toMcp).toEqual([]);
    expect(popups).toEqual([]);
  } finally {
    framing.server.close();
  }
});
