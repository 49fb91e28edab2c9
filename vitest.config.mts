import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The stress proofs run only under `npm run test:stress` (FS_STRESS=1), which names test/stress.
    exclude: process.env.FS_STRESS === '1' ? ['node_modules/**'] : ['test/stress/**', 'node_modules/**'],
    // Scrub the user's FS_*, LANG, TZ, NO_COLOR... from each worker before any test file runs.
    setupFiles: ['test/setup-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the built CLI; two cores here, so keep the pool small.
    maxWorkers: 2,
  },
});
