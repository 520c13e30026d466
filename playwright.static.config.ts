import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';
import { STATIC_ORIGIN } from './e2e/static/static-host.ts';

/**
 * The static-host test (npm run test:static): the production build under a sub-path on a plain
 * static file server, the demo servers on their own, and a relay the test pairs by link. Its
 * global setup builds and serves; the e2e suite's webServer (the Vite dev server) is not used.
 */
export default defineConfig({
  ...base,
  testDir: 'e2e/static',
  testIgnore: [],
  workers: 1,
  webServer: undefined,
  globalSetup: './e2e/static/global-setup.ts',
  use: { ...base.use, baseURL: STATIC_ORIGIN },
});
