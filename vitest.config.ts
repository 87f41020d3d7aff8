import { defineConfig } from 'vitest/config';

// DOCKET_TEST_BROWSER=0 leaves out the browser tests (CI runs them on one Node version only).
const withoutBrowser = process.env.DOCKET_TEST_BROWSER === '0';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    exclude: withoutBrowser ? ['**/node_modules/**', 'test/browser/**'] : ['**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
