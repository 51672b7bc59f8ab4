/**
 * A lowdb adapter that writes durably: temp file -> fsync -> rename over the old file -> fsync of
 * the folder, so a crash at any moment leaves the file whole, old or new, never partial.
 *
 * Why not lowdb's own TextFile: it writes through steno, which writes a temp file and renames it
 * but never calls fsync on the file or its folder. After a power cut the rename can be on disk
 * while the data is not (ext4 delayed allocation, XFS), which leaves an empty or NUL-filled file.
 * Here the data is synced before the rename and the folder after it. Concurrent writes coalesce
 * as in steno: while one write runs, only the newest pending text is kept and written next.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * The file-system calls a durable write makes: the real ones by default, a failing or slow one in
 * tests (a full disk, an I/O error) without filling a real disk.
 */
export interface FileIo {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

/** node:fs/promises itself. */
export const NODE_FILE_IO: FileIo = { open, rename, unlink };

/** Names of temp files this module writes: `.<name>.<pid>.<n>.tmp` beside the target. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.\d+\.tmp$/;

let tempCounter = 0;

/** A file's text, or null when it does not exist. */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface DurableWriteOptions {
  /** Runs after the new text is safely on disk and before it replaces the old file (e.g. to back the old one up). */
  beforeReplace?: () => Promise<void>;
  /** The file-system calls to use (default: node:fs/promises). */
  io?: FileIo;
}

/** Write `data` (text as UTF-8, or bytes as they are) to `file` atomically and durably. */
export async function writeFileDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  // A per-call counter keeps two writes of one file in one process from sharing a temp file.
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  const io = options.io ?? NODE_FILE_IO;
  try {
    const handle = await io.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.();
    await io.rename(temp, file);
  } catch (error) {
    // Never leave a half-written temp file behind on a failed write (disk full, permissions...).
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(file), io);
}

/** fsync a directory so a rename in it survives a crash; not supported on Windows, where it is skipped. */
export async function syncFolder(folder: string, io: FileIo = NODE_FILE_IO): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await io.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A text adapter whose writes are durable and coalesced (only the newest pending text is written). */
export class DurableTextFile implements Adapter<string> {
  private running: Promise<void> | null = null;
  private pendingText: string | null = null;
  private pendingDone: Promise<void> | null = null;

  constructor(
    readonly filename: string,
    private readonly options: DurableWriteOptions = {},
  ) {}

  read(): Promise<string | null> {
    return readTextIfExists(this.filename);
  }

  write(text: string): Promise<void> {
    if (!this.running) {
      this.running = this.writeNow(text);
      return this.running;
    }
    this.pendingText = text;
    this.pendingDone ??= this.running.catch(() => undefined).then(() => this.flushPending());
    return this.pendingDone;
  }

  /** Resolves when everything handed to write() so far is on disk. */
  async flush(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private writeNow(text: string): Promise<void> {
    return writeFileDurably(this.filename, text, this.options).finally(() => this.afterWrite());
  }

  private afterWrite(): void {
    if (this.pendingText === null) this.running = null;
  }

  private flushPending(): Promise<void> {
    const text = this.pendingText as string;
    this.pendingText = null;
    this.pendingDone = null;
    this.running = this.writeNow(text);
    return this.running;
  }
}

/** A JSON adapter over DurableTextFile (reading is done by the store's loader, which recovers damage). */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly text: DurableTextFile;
  /** Text already made for the next write of this very data (see prepare). */
  private prepared: { data: T; text: string } | null = null;

  constructor(filename: string, options: DurableWriteOptions = {}) {
    this.text = new DurableTextFile(filename, options);
  }

  async read(): Promise<T | null> {
    const raw = await this.text.read();
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  /** Hand over the text `data` serialises to, when the caller made it already (it is not made twice). */
  prepare(data: T, text: string): void {
    this.prepared = { data, text };
  }

  write(data: T): Promise<void> {
    const text = this.prepared?.data === data ? this.prepared.text : JSON.stringify(data, null, 1);
    this.prepared = null;
    return this.text.write(text);
  }
}
