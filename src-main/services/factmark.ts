/** Open a data folder for a host: services, dispatcher, first-run sample, and a flush for shutdown. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDataFolder } from '../store/lock';
import type { StoreAccess, StoreOptions } from '../store/library-store';
import { createContext, type ServiceContext } from './context';
import type { PdfPrinter } from './export/pdf';
import { Dispatcher } from './dispatch';
import { createHandlers } from './handlers';
import { seedSamples } from './sample';
import { closeLibraryIndex, libraryIndex } from '../search/library-index';
import { stopSync } from '../sync';

export interface Factmark {
  ctx: ServiceContext;
  dispatcher: Dispatcher;
  /** Ids of sample articles added because this was a new library. */
  seeded: string[];
  /** Wait for every pending write to reach the disk. */
  flush(): Promise<void>;
  /** Flush, write back the claim index if it changed (unless persistIndex is false), then give up the data folder's write lock. */
  close(options?: { persistIndex?: boolean }): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  resourcesDir: string;
  /** Add the bundled sample when the folder holds no library yet (default true). */
  seed?: boolean;
  clock?: () => Date;
  newId?: () => string;
  /** Where imports are parsed (default: the process's shared conversion worker). */
  conversions?: ServiceContext['conversions'];
  /**
   * 'write' (default) locks the data folder for this process and throws FactmarkError('locked')
   * when another process holds it; 'read' takes no lock and changes nothing on disk.
   */
  access?: StoreAccess;
  /** The file-system calls the store writes with (tests inject a failing disk). */
  io?: StoreOptions['io'];
  /** The PDF printer (the desktop app's printToPDF); default: a local Chromium. */
  printer?: PdfPrinter;
  /** Load the library-wide claim index in the background this long after opening (hosts; the CLI loads it only when a command needs it). */
  preloadIndexAfterMs?: number;
}

export async function openFactmark(options: OpenOptions): Promise<Factmark> {
  const access = options.access ?? 'write';
  if (access === 'write') await mkdir(options.dataDir, { recursive: true });
  const lock = access === 'write' ? lockDataFolder(options.dataDir) : null;
  try {
    const ctx = createContext(options.dataDir, { ...options, access });
    const dispatcher = new Dispatcher(createHandlers(ctx), ctx.exclusive);
    const isNew = await ctx.store.isNew();
    await ctx.store.open(); // recovers damaged files, reconciles index.json
    const seeded = isNew && access === 'write' && options.seed !== false ? await seedSamples(dispatcher, join(options.resourcesDir, 'samples')) : [];
    if (options.preloadIndexAfterMs !== undefined) libraryIndex(ctx).preload(options.preloadIndexAfterMs);
    const flush = () => ctx.store.flush();
    // The claim index is written back (when it changed) before the store closes and the lock is given up.
    const close = (closeOptions: { persistIndex?: boolean } = {}) =>
      stopSync(ctx)
        .then(flush)
        .then(() => closeLibraryIndex(ctx, closeOptions.persistIndex !== false))
        .then(() => ctx.store.close())
        .finally(() => lock?.release());
    return { ctx, dispatcher, seeded, flush, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
