// `npm test`: type check, unit tests, the web build, end-to-end tests; then one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportDir = mkdtempSync(join(tmpdir(), 'factmark-test-report-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

function vitest(project) {
  const report = join(reportDir, `${project}.json`);
  run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
    if (json.numTotalTests === 0) {
      console.error(`The ${project} suite ran no test.`);
      ok = false;
    }
  } catch {
    console.error(`No report from the ${project} suite.`);
    failed += 1;
    ok = false;
  }
}

if (!run('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) failed += 1; else passed += 1;
vitest('unit');
if (run('web build', 'npm', ['run', '-s', 'build:web'])) vitest('e2e');
else failed += 1;
if (!run('desktop build', 'npx', ['electron-vite', 'build'])) failed += 1; else passed += 1;

rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
