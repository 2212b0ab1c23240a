import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real Chromium (playwright-core) against the production build, served once for the
 * whole run by test/e2e/global-setup.ts.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    setupFiles: ['test/setup/languages.ts'],
    // One browser at a time: the machines this runs on have two cores, and SwiftShader WebGL is CPU-bound.
    fileParallelism: false,
    // Software-rendered WebGL and a first tfjs shader compile are slow; generous limits, not flaky ones.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
