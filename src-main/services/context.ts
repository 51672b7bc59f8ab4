/** What every service is given: the store over its data folder, a clock and an id source. */
import { randomBytes } from 'node:crypto';
import { LibraryStore, type StoreOptions } from '../store/library-store';

export interface ServiceContext {
  store: LibraryStore;
  clock: () => Date;
  newId: () => string;
}

/** A random 12-character url-safe id. */
export function randomId(): string {
  return randomBytes(9).toString('base64url');
}

export function createContext(
  dataDir: string,
  options: Partial<Omit<ServiceContext, 'store'>> & Pick<StoreOptions, 'access' | 'backups'> = {},
): ServiceContext {
  const clock = options.clock ?? (() => new Date());
  return {
    store: new LibraryStore(dataDir, { clock, access: options.access, backups: options.backups }),
    clock,
    newId: options.newId ?? randomId,
  };
}
