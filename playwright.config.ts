import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_PORTS, e2eUrls } from './e2e/support/ports.ts';

/**
 * End-to-end tests drive a real Chromium against the real demo servers, which the webServer
 * below starts on ports of their own so a running `npm start` does not get in the way.
 * Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download.
 */
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // The static-host test builds and serves the app itself: npm run test:static (playwright.static.config.ts); the
  // pack-and-install test packs and installs the package: npm run test:package (playwright.package.config.ts).
  testIgnore: ['static/**', 'package/**'],
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: e2eUrls.app,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // This machine has no network beyond loopback; background services only produce noise.
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'npx tsx src/demo/start.ts',
    url: `${e2eUrls.app}/__demo/config.json`,
    env: { APP_PORT: String(E2E_PORTS.app), AUTH_PORT: String(E2E_PORTS.auth), MCP_PORT: String(E2E_PORTS.mcp), RELAY_PORT: String(E2E_PORTS.relay) },
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'pipe',
  },
});
