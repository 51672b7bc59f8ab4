// `npm run bench`: run every benchmark in test/bench (each prints its own figures). Not pass/fail.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let status = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) status = 1;
}
process.exit(status);
