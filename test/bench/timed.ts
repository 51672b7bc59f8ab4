/** One awaited call's cost for the benchmarks: wall time, the process's CPU time, and the time the main thread waited for a CPU. */
import { readFileSync } from 'node:fs';

/** Milliseconds this thread has waited for a CPU while runnable (Linux run-queue delay), or 0 where /proc is missing. */
function runQueueMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

export interface Run {
  wall: number;
  /** Process CPU time (every thread). */
  cpu: number;
  /** Time the main thread was runnable but waiting for a CPU. */
  queued: number;
}

/** One call's wall time, split: CPU time and time spent waiting for a CPU. */
export async function timed(fn: () => Promise<unknown>): Promise<Run> {
  const cpu0 = process.cpuUsage();
  const queued0 = runQueueMs();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, queued: runQueueMs() - queued0 };
}

