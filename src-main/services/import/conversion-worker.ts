/**
 * The conversion worker's entry (a worker_threads Worker): loads the converters, says it is ready,
 * then runs each job it is sent and posts back its outcome. It parses untrusted files away from
 * the host's event loop, under the memory cap and time budget its ConversionWorker host sets.
 */
import { parentPort } from 'node:worker_threads';
import { loadConverters, runConversion, type ConversionJob } from './conversion';

const port = parentPort;
if (!port) throw new Error('conversion-worker.ts runs only as a worker thread');

port.on('message', (message: { id: number; job: ConversionJob }) => {
  void runConversion(message.job).then((outcome) => port.postMessage({ id: message.id, outcome }));
});
await loadConverters();
port.postMessage({ ready: true });
