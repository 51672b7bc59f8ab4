/**
 * The store's file-system seam (StoreOptions.io) over the real disk, for tests of failed saves: it
 * records each new temp file the store creates (opened with 'wx') and makes those whose path
 * matches `failing` fail with `code`, when opened or when synced (`step`).
 */
import { open, rename, unlink } from 'node:fs/promises';
import type { FileIo } from '../../src-main/store/durable-file';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

export class FailingDisk {
  /** Temp files that fail (null: none). */
  failing: RegExp | null = null;
  code = 'ENOSPC';
  step: 'open' | 'sync' = 'open';
  /** Every new temp file the store opened, in order (failed ones too). */
  readonly written: string[] = [];
  readonly io: FileIo = {
    open: (async (path: string, flags?: string, mode?: number) => {
      const isNew = flags === 'wx';
      if (isNew) this.written.push(String(path));
      const failing = isNew && this.failing?.test(String(path));
      if (failing && this.step === 'open') throw errno(this.code);
      const handle = await open(path, flags, mode);
      if (failing) handle.sync = () => Promise.reject(errno(this.code));
      return handle;
    }) as FileIo['open'],
    rename,
    unlink,
  };
}
