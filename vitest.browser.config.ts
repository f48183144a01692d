// Browser tests (`npm run test:browser`): the built site in Debian's Chromium via playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One Chromium at a time: the machine has two cores and the site server is shared.
    fileParallelism: false,
  },
});
