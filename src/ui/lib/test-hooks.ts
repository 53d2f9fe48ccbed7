// The browser tests' save hooks (KeepTestHooks in src/worker/keep-protocol.ts), which the tests
// put on the window before the page's scripts run. Only a test build (`vite build --mode e2e`)
// imports this module: the production build holds neither it nor the name it reads
// (scripts/check-production-build.mjs).
import type { KeepTestHooks } from '../../worker/keep-protocol';

/** The hooks the tests set, if any. */
export function testHooks(): KeepTestHooks | undefined {
  return (globalThis as { __baoxunTestHooks?: KeepTestHooks }).__baoxunTestHooks;
}
