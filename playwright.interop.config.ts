import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The interop suite's browser side (npm run test:interop): the app, served by the same demo as the
 * e2e tests (its relay explains CORS blocks), against third-party servers each spec starts on loopback
 * (interop/servers). Kept apart from e2e/ so `npm run test:e2e` stays the app's own suite.
 */
// One worker: each spec starts its own servers, and two runs at once on a 2-core machine made the relay's
// explanation outlast the expect timeouts.
export default defineConfig({ ...base, testDir: 'interop/browser', workers: 1 });
