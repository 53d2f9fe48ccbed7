import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium driven by playwright-core against the built app (dist/), served
// by scripts/serve.mjs. One file at a time (a browser per file on a 2-core machine is plenty),
// with generous timeouts because the first page load compiles two WASM modules.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
