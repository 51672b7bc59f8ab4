/**
 * One store file held in memory: a lowdb database over the durable adapter this store owns. A
 * save changes the in-memory data only once the file is on disk; a failed save (a full disk, an
 * I/O error) leaves memory as it was and is reported in one line, so a retry saves exactly once.
 */
import { Low } from 'lowdb';
import { FactmarkError } from '../../src-shared/contract';
import { DurableJsonFile } from './durable-file';

/** What an operating-system error code means for the user. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'the disk reported an input/output error',
  EROFS: 'the disk is read-only',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is in use',
};

/** A failed write as one line naming the file and the reason; the change was not kept. */
export function saveFailure(label: string, error: unknown): FactmarkError {
  if (error instanceof FactmarkError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = (code && WRITE_PROBLEMS[code]) ?? String((error as Error | null)?.message ?? error).split('\n')[0];
  return new FactmarkError('internal', `Could not save ${label}: ${reason}${code ? ` (${code})` : ''}; the change was not saved — fix that and try again`);
}

export class StoreFile<T> {
  private readonly db: Low<T>;

  constructor(
    /** The file's name relative to the data folder, for messages. */
    readonly label: string,
    readonly adapter: DurableJsonFile<T>,
    data: T,
  ) {
    this.db = new Low<T>(adapter, data);
  }

  /** The data as it is on disk (or as it was loaded). */
  get data(): T {
    return this.db.data;
  }

  /** Write `next`; memory changes only when the file is on disk, otherwise saveFailure() is thrown. */
  async replace(next: T): Promise<void> {
    const previous = this.db.data;
    this.db.data = next;
    try {
      await this.db.write();
    } catch (error) {
      if (this.db.data === next) this.db.data = previous;
      throw saveFailure(this.label, error);
    }
  }

  /** Resolves when every write handed to this file has reached the disk. */
  flush(): Promise<void> {
    return this.adapter.text.flush();
  }
}
