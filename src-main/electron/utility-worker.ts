/**
 * The desktop app's import worker as an Electron utilityProcess (issue 17, item 12): parsing an
 * untrusted file runs in its own process with its heap capped (--max-old-space-size), so a bomb
 * that exhausts memory ends that process, never the main process with the user's unsaved work.
 * This adapts a UtilityProcess to the small Worker-like surface ConversionWorker drives.
 */
import { EventEmitter } from 'node:events';
import type { StartWorker, WorkerLike } from '../services/import/conversion-host';

/** The part of Electron's UtilityProcess this uses (its 'message' event gives the message itself). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Electron's `utilityProcess.fork`, narrowed to the options this passes. */
export type ForkUtilityProcess = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; execArgv: string[]; stdio: 'ignore' },
) => UtilityProcessLike;

/** A utility process seen as a worker: its messages and exit re-emitted, terminate = kill. */
class UtilityWorker extends EventEmitter implements WorkerLike {
  constructor(private readonly child: UtilityProcessLike) {
    super();
    child.on('message', (message) => this.emit('message', message));
    child.on('exit', (code) => this.emit('exit', code));
  }

  postMessage(message: unknown): void {
    this.child.postMessage(message);
  }

  terminate(): void {
    this.child.kill();
  }

  /** A separate process never keeps the main process alive, busy or not. */
  ref(): void {}

  unref(): void {}
}

/** Start each conversion worker with `fork` (Electron's utilityProcess.fork), its heap capped. */
export function utilityProcessWorkers(fork: ForkUtilityProcess): StartWorker {
  return (script, limits) =>
    new UtilityWorker(fork(script.file, [], { serviceName: 'Factmark import', execArgv: [`--max-old-space-size=${limits.maxHeapMb}`], stdio: 'ignore' }));
}
