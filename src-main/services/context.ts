/** What every service is given: the store over its data folder, a clock, an id source and a cache of article texts. */
import { randomBytes } from 'node:crypto';
import { LibraryStore, type StoreOptions } from '../store/library-store';
import { createTextCache, type TextCache } from './documents';
import type { PdfPrinter } from './export/pdf';
import { sharedConversionWorker, type Conversions } from './import/conversion-host';
import { SerialQueue } from './serial-queue';

export interface ServiceContext {
  store: LibraryStore;
  /** Articles' plain texts by text hash (for anchoring claims and exports). */
  texts: TextCache;
  clock: () => Date;
  newId: () => string;
  /**
   * Run a read-modify-write of the library with no other one interleaved. The dispatcher runs
   * most operations inside it; slow ones (imports, exports) do their work outside and only
   * their final write inside.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Where imports parse untrusted files: a worker with a memory cap and a time budget. */
  conversions: Conversions;
  /** Prints PDF exports; when absent, the export service uses a local Chromium. */
  printer?: PdfPrinter;
}

/**
 * A random 12-character url-safe id that starts with a letter or a digit: one in 32 base64url ids
 * starts with "-" or "_", and a command line reads "-Z…" as an option (`claim list -Z…` failed).
 */
export function randomId(): string {
  for (;;) {
    const id = randomBytes(9).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

export function createContext(
  dataDir: string,
  options: Partial<Pick<ServiceContext, 'clock' | 'newId' | 'conversions' | 'printer'>> & Pick<StoreOptions, 'access' | 'backups' | 'io'> = {},
): ServiceContext {
  const clock = options.clock ?? (() => new Date());
  const queue = new SerialQueue();
  return {
    exclusive: (task) => queue.run(task),
    store: new LibraryStore(dataDir, { clock, access: options.access, backups: options.backups, io: options.io }),
    texts: createTextCache(),
    clock,
    newId: options.newId ?? randomId,
    conversions: options.conversions ?? sharedConversionWorker(),
    ...(options.printer ? { printer: options.printer } : {}),
  };
}
