/**
 * Runs import conversions in a worker with a memory cap and a time budget, one job at a time, so
 * parsing an untrusted file never blocks or crashes the host. The worker is a worker_threads Worker
 * (browser host, CLI) or, in the desktop app, an Electron utilityProcess started through
 * `startWorker` (src-main/electron/utility-worker.ts), so a runaway parse never touches the main
 * process's heap. A job
 * that runs out of time or memory gets its worker terminated and is refused in one line ("…: this
 * file is too large or too complex to import"); the next job starts a fresh worker. The worker is
 * started on first use and kept warm for the next import; it never keeps a process alive.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FactmarkError } from '../../../src-shared/contract';
import { SerialQueue } from '../serial-queue';
import { tooComplex, type ConversionJob, type ConversionOutcome, type ConvertedData } from './conversion';

export interface ConversionLimits {
  /** How long one conversion may run once the worker is ready. */
  timeoutMs: number;
  /** The worker's V8 heap cap (old generation), in MB. */
  maxHeapMb: number;
}

export const DEFAULT_CONVERSION_LIMITS: ConversionLimits = { timeoutMs: 60_000, maxHeapMb: 1024 };

/** How long a new worker may take to load its converters. */
const START_TIMEOUT_MS = 120_000;

/** What the import service needs: convert a job, or refuse it with a FactmarkError. */
export interface Conversions {
  convert(job: ConversionJob): Promise<ConvertedData>;
  /** Stop the worker (a later job starts a new one). */
  close(): Promise<void>;
}

/**
 * The worker's script: the bundled import-worker.js beside the built main process, or (running
 * from source under tsx or vitest) a bootstrap that compiles conversion-worker.ts.
 */
export function conversionWorkerScript(): { file: string; fromSource: boolean } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { file: join(dirname(here), 'conversion-worker.bootstrap.mjs'), fromSource: true };
  return { file: join(dirname(here), 'import-worker.js'), fromSource: false };
}

type Reply = { ready: true } | { id: number; outcome: ConversionOutcome };

type WorkerEvent = 'message' | 'error' | 'exit';

/** What the host needs of a running worker: the part of worker_threads' Worker API it uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: WorkerEvent, listener: (...args: any[]) => void): unknown;
  once(event: WorkerEvent, listener: (...args: any[]) => void): unknown;
  off(event: WorkerEvent, listener: (...args: any[]) => void): unknown;
  removeAllListeners(event: WorkerEvent): unknown;
  /** End it at once (out of time, out of memory, or closing). */
  terminate(): unknown;
  /** Whether a job in progress keeps the host process alive (a no-op for a separate process). */
  ref(): void;
  unref(): void;
}

/** Starts a worker running `script` under `limits`' memory cap. */
export type StartWorker = (script: { file: string; fromSource: boolean }, limits: ConversionLimits) => WorkerLike;

/** A worker_threads Worker with its heap capped by resourceLimits. */
export const startThreadWorker: StartWorker = (script, limits) =>
  new Worker(script.file, {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    // From source, the bootstrap registers tsx itself; the host's loader flags are not needed.
    ...(script.fromSource ? { execArgv: [] } : {}),
  });

export class ConversionWorker implements Conversions {
  private worker: Promise<WorkerLike> | null = null;
  private live: WorkerLike | null = null;
  private readonly queue = new SerialQueue();
  private nextId = 0;

  constructor(
    private readonly limits: ConversionLimits = DEFAULT_CONVERSION_LIMITS,
    private readonly script = conversionWorkerScript(),
    private readonly startWorker: StartWorker = startThreadWorker,
  ) {}

  convert(job: ConversionJob): Promise<ConvertedData> {
    return this.queue.run(() => this.runOne(job));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.live = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  /** A ready worker: the running one, or a new one once it has loaded its converters. */
  private ready(): Promise<WorkerLike> {
    this.worker ??= new Promise<WorkerLike>((resolve, reject) => {
      const worker = this.startWorker(this.script, this.limits);
      const timer = setTimeout(() => fail(new Error('the import worker did not start in time')), START_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        void worker.terminate();
        this.worker = null;
        reject(new FactmarkError('internal', `Import failed: ${error.message.split('\n')[0]}`));
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`the import worker stopped (exit code ${code})`)));
      worker.once('message', (reply: Reply) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        if (!('ready' in reply)) return fail(new Error('the import worker answered before it was ready'));
        // Between jobs: an error is reported by the job that sees it; an exit only forgets the worker.
        worker.on('error', () => undefined);
        worker.on('exit', () => this.forget(worker));
        this.live = worker;
        worker.unref(); // an idle worker never keeps the process alive
        resolve(worker);
      });
    });
    return this.worker;
  }

  /** Forget `worker` if it is the current one, so the next job starts a new one. */
  private forget(worker: WorkerLike): void {
    if (this.live !== worker) return;
    this.live = null;
    this.worker = null;
  }

  private async runOne(job: ConversionJob): Promise<ConvertedData> {
    const worker = await this.ready();
    const id = ++this.nextId;
    const label = job.kind === 'paste' ? job.label : job.source.label;
    const outcome = await new Promise<ConversionOutcome>((resolve) => {
      const refuse = () => resolve({ ok: false, error: { code: 'invalid-input', message: tooComplex(label).message } });
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        if ('id' in reply && reply.id === id) {
          done();
          resolve(reply.outcome);
        }
      };
      // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash: the worker is gone; refuse the file.
      const onError = () => {
        done();
        this.discard(worker);
        refuse();
      };
      const onExit = onError;
      const timer = setTimeout(() => {
        done();
        this.discard(worker);
        refuse();
      }, this.limits.timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.ref(); // a job in progress keeps the process alive until it is answered
      worker.postMessage({ id, job });
    }).finally(() => worker.unref());
    if (!outcome.ok) throw new FactmarkError(outcome.error.code, outcome.error.message);
    return outcome.value;
  }

  /** Terminate a worker that failed or overran; the next job starts a new one. */
  private discard(worker: WorkerLike): void {
    this.forget(worker);
    void worker.terminate();
  }
}

let shared: ConversionWorker | null = null;

/**
 * The process's conversion worker with the default limits: every library a process opens shares
 * one warm worker (a library's context can be given its own instead).
 */
export function sharedConversionWorker(): ConversionWorker {
  shared ??= new ConversionWorker();
  return shared;
}
