/**
 * The conversion worker's entry: a worker_threads Worker (browser host, CLI) or an Electron
 * utilityProcess (the desktop app). It loads the converters, says it is ready, then runs each job
 * it is sent and posts back its outcome. It parses untrusted files away from the host's event
 * loop, under the memory cap and time budget its ConversionWorker host sets.
 */
import { parentPort } from 'node:worker_threads';
import { loadConverters, runConversion, type ConversionJob } from './conversion';

/** Electron's port to the main process in a utilityProcess: messages arrive as events with `data`. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** The way back to the host, whichever kind of worker this is. */
function hostPort(): { listen(handle: (message: unknown) => void): void; post(message: unknown): void } {
  const thread = parentPort;
  if (thread) return { listen: (handle) => thread.on('message', handle), post: (message) => thread.postMessage(message) };
  const electron = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electron) return { listen: (handle) => electron.on('message', (event) => handle(event.data)), post: (message) => electron.postMessage(message) };
  throw new Error('conversion-worker.ts runs only as a worker thread or an Electron utility process');
}

const port = hostPort();
port.listen((message) => {
  const { id, job } = message as { id: number; job: ConversionJob };
  void runConversion(job).then((outcome) => port.post({ id, outcome }));
});
await loadConverters();
port.post({ ready: true });
