/**
 * A lowdb adapter that writes durably: temp file -> fsync -> rename over the old file -> fsync of
 * the folder. lowdb's own TextFile (via steno) renames without syncing, so a power cut can leave
 * an empty file; this adds the syncs. Concurrent writes coalesce: the last one wins, as in steno.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Write `text` to `file` atomically and durably. */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(file));
}

/** fsync a directory so a rename in it survives a crash; not supported on Windows, where it is skipped. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
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

  constructor(readonly filename: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.filename, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(text: string): Promise<void> {
    if (!this.running) {
      this.running = writeFileDurably(this.filename, text).finally(() => this.afterWrite());
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

  private afterWrite(): void {
    if (this.pendingText === null) this.running = null;
  }

  private flushPending(): Promise<void> {
    const text = this.pendingText as string;
    this.pendingText = null;
    this.pendingDone = null;
    this.running = writeFileDurably(this.filename, text).finally(() => this.afterWrite());
    return this.running;
  }
}

/** A JSON adapter over DurableTextFile. */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly text: DurableTextFile;

  constructor(filename: string) {
    this.text = new DurableTextFile(filename);
  }

  async read(): Promise<T | null> {
    const raw = await this.text.read();
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  write(data: T): Promise<void> {
    return this.text.write(JSON.stringify(data, null, 1));
  }
}
