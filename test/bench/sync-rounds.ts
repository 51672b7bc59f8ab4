/** The sync benchmark's initial-sync rounds: what one round measures, and how rounds are printed (each, then the medians). */
import { loadavg } from 'node:os';
import { median } from './stats';
import type { Run } from './timed';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** A run's CPU time (this process only; the server is another process). */
const cpuOf = (t: { cpu: number }) => `cpu ${seconds(t.cpu)}`;

export interface Round {
  push: Run;
  pull: Run;
  plainPush: Run;
  plainPull: Run;
  plainSync: Run;
}

const ratio = (a: Run, b: Run) => a.wall / b.wall;

export function printRound(r: number, { push, pull, plainPush, plainPull, plainSync }: Round): void {
  console.log(`initial sync, round ${r} (connect until synced / complete; ${r % 2 ? 'Factmark' : 'plain PouchDB'} first); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
  console.log(`  A → empty server            ${seconds(push.wall)} (${cpuOf(push)})   plain PouchDB one-way ${seconds(plainPush.wall)} (${cpuOf(plainPush)})  ratio ${ratio(push, plainPush).toFixed(2)};  two-way sync ${seconds(plainSync.wall)} (${cpuOf(plainSync)})  ratio ${ratio(push, plainSync).toFixed(2)}`);
  console.log(`  server → empty library B    ${seconds(pull.wall)} (${cpuOf(pull)})   plain PouchDB one-way ${seconds(plainPull.wall)} (${cpuOf(plainPull)})  ratio ${ratio(pull, plainPull).toFixed(2)}`);
}

export function printMedians(rounds: Round[]): void {
  const of = (pick: (round: Round) => number) => {
    const values = rounds.map(pick);
    return `${median(values).toFixed(2)} (rounds: ${values.map((v) => v.toFixed(2)).join(', ')})`;
  };
  console.log(`initial sync, median ratio of ${rounds.length} rounds (target <= 1.5; cpu: this process only, the server is another process):`);
  console.log(`  A → empty server vs plain PouchDB's two-way sync   ${of((x) => ratio(x.push, x.plainSync))}`);
  console.log(`  A → empty server vs plain PouchDB's one-way push   ${of((x) => ratio(x.push, x.plainPush))}`);
  console.log(`  server → empty library B vs plain PouchDB's pull    ${of((x) => ratio(x.pull, x.plainPull))}`);
}

