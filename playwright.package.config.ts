import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The pack-and-install test (npm run test:package): its global setup runs `npm pack` (which builds) and
 * installs the tarball into an empty temporary folder; the tests run the installed `mcp-auth-flow` on free
 * ports. The e2e suite's webServer (the Vite dev server) is not used.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/package',
  testIgnore: [],
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  // npm pack builds everything (tsc, vite build, the Node compile) and npm install fetches the runtime dependencies.
  globalTimeout: 15 * 60_000,
  webServer: undefined,
  globalSetup: './e2e/package/global-setup.ts',
  use: { ...base.use, baseURL: undefined },
});
