// Tests that need ../shared must fail under CI when it is missing (and only
// skip, with the reason, elsewhere): run three of them with the data moved
// away, with and without CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const MISSING = join(ROOT, 'target', 'no-such-shared-data');

function run(file, ci) {
  const env = { ...process.env, CLAIMLENS_SEED: MISSING, CLAIMLENS_READABILITY: MISSING };
  delete env.CI;
  // Under the test runner, a child node would report to it instead of failing.
  delete env.NODE_TEST_CONTEXT;
  if (ci) env.CI = 'true';
  // Only the first test of each file would start a browser: none runs here,
  // since each file either throws on import (CI) or skips.
  return spawnSync(process.execPath, ['--test', join(ROOT, 'tests', 'e2e', file)], { env, encoding: 'utf8', timeout: 120_000 });
}

for (const file of ['preview.test.mjs', 'accessibility.test.mjs', 'corpus.test.mjs']) {
  test(`${file} fails under CI without ../shared, and skips with the reason elsewhere`, () => {
    const ci = run(file, true);
    assert.notEqual(ci.status, 0, `${file} passed under CI with its data missing:\n${ci.stdout}`);
    assert.match(ci.stdout + ci.stderr, /CI needs it/);
    const local = run(file, false);
    assert.equal(local.status, 0, `${file} failed without CI:\n${local.stdout}${local.stderr}`);
    assert.match(local.stdout, /SKIPPED: .* not found at .*no-such-shared-data/);
  });
}
