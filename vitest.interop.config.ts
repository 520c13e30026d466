import { defineConfig } from 'vitest/config';

/**
 * The interop suite's CLI side (npm run test:interop): the real CLI against third-party MCP servers and
 * authorization servers that each test starts on loopback (interop/servers). Kept out of the unit run:
 * the servers take seconds to start, and each file runs on its own.
 */
export default defineConfig({
  test: {
    include: ['interop/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
