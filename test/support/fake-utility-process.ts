/**
 * Electron's utilityProcess.fork where Electron cannot run: a Node child process (same heap flags,
 * structured-clone messages) whose entry sees Electron's `process.parentPort` (see
 * utility-process-shim.mjs), so the desktop app's import worker path runs for real in tests.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ForkUtilityProcess, UtilityProcessLike } from '../../src-main/electron/utility-worker';

const SHIM = join(import.meta.dirname, 'utility-process-shim.mjs');

export const forkLikeElectron: ForkUtilityProcess = (modulePath, args, options) => {
  const child = fork(SHIM, [modulePath, ...args], { execArgv: options.execArgv, stdio: options.stdio, serialization: 'advanced' });
  const utility = {
    postMessage: (message: unknown) => child.send(message as never),
    on: (event: 'message' | 'exit', listener: (...args: any[]) => void) => child.on(event, listener),
    kill: () => child.kill('SIGKILL'),
  };
  return utility as UtilityProcessLike;
};
