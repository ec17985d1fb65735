import { defineConfig } from 'vitest/config';

// Browser tests: e2e/global-setup.ts starts the real binary (../bin/tracker,
// built with the SPA) on a temporary SQLite database with demo data; the
// tests drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser per file; files share the server, so keep them in turn.
    fileParallelism: false,
  },
});
