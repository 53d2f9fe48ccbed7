#!/usr/bin/env node
// `npm test`: the type check, the unit and component tests, a build, and the browser tests, in
// that order. Every stage runs even when an earlier one failed (CI then shows every problem at
// once), and the last line is a plain `N passed, M failed` that any CI log reader understands.
// A stage that fails outside a test (type errors, a broken build, a file that does not load)
// counts as one failure, so the final line never says 0 failed when something went wrong.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => { console.error(`test-all: cannot run ${cmd}: ${err.message}`); resolve(1); });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Run vitest with a JSON report beside the usual one and count its results. */
async function vitest(label, extraArgs, dir, env = {}) {
  const report = join(dir, `${label.replace(/\W+/g, '-')}.json`);
  const code = await run(process.execPath, [VITEST, 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  let passed = 0, failed = 0, skipped = 0, note = '';
  try {
    const json = JSON.parse(await readFile(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    skipped = json.numPendingTests + json.numTodoTests;
    // A test file that fails to load has no failed test of its own: count the file.
    const broken = json.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
    if (broken.length) { failed += broken.length; note = ` (${broken.length} test file(s) failed to run)`; }
  } catch {
    note = ' (no test report: vitest did not finish)';
  }
  if (code !== 0 && failed === 0) { failed = 1; note ||= ` (vitest exited with ${code})`; }
  return { label, passed, failed, skipped, note };
}

const dir = await mkdtemp(join(tmpdir(), 'baoxun-test-'));
const lines = [];
let passed = 0, failed = 0;
const stage = (label, ok) => { lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`); if (!ok) failed++; };
const tests = (r) => {
  passed += r.passed;
  failed += r.failed;
  lines.push(`${r.label}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.note}`);
};

try {
  console.log('\n== type check (npm run check) ==');
  stage('type check', (await run(NPM, ['run', 'check'])) === 0);
  console.log('\n== unit and component tests ==');
  tests(await vitest('unit and component tests', [], dir));
  console.log('\n== build (npm run build) ==');
  const built = (await run(NPM, ['run', 'build'])) === 0;
  stage('build', built);
  if (built) stage('production build holds no test hooks', (await run(process.execPath, ['scripts/check-production-build.mjs'])) === 0);
  // The browser tests run on a test build (its save hooks let them stop a save midway), kept
  // apart from dist/ so dist/ stays the production build.
  const testDist = join(ROOT, 'dist-e2e'); // beside dist/: the harness writes screenshots to ../docs
  console.log('\n== test build (vite build --mode e2e) ==');
  const testBuilt = built && (await run(NPM, ['exec', '--', 'vite', 'build', '--mode', 'e2e', '--outDir', testDist, '--emptyOutDir', '--logLevel', 'warn'])) === 0;
  if (built) stage('test build', testBuilt);
  if (testBuilt) {
    console.log('\n== browser tests (Chromium) ==');
    tests(await vitest('browser tests', ['--config', 'vitest.e2e.config.ts'], dir, { BAOXUN_DIST: testDist }));
  } else lines.push('browser tests: not run (the build failed)');
} finally {
  await rm(dir, { recursive: true, force: true });
}

console.log('\n== summary ==');
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
