/**
 * Child process for lock.test.ts: waits for "go" on stdin, then takes the data folder's lock with a
 * pause between judging a stale lock and taking it over (to widen the race), prints "got <pid>" or
 * "locked <message>", holds a won lock for a moment and exits.
 * Usage: node --import tsx lock-taker.ts <dataDir> <pauseMs>
 */
import { createInterface } from 'node:readline';
import { lockDataFolder } from '../../../src-main/store/lock';

const [dataDir, pauseMs] = process.argv.slice(2);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  try {
    const lock = lockDataFolder(dataDir, { beforeTakeover: () => sleep(Number(pauseMs)) });
    process.stdout.write(`got ${process.pid}\n`);
    sleep(1_500);
    lock.release();
  } catch (error) {
    process.stdout.write(`locked ${(error as Error).message}\n`);
  }
  break;
}
lines.close();
