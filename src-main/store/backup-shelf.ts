/**
 * Rolling backups of store files: before a file is replaced, its old version is hard-linked (no
 * copy, one system call) into backups/<key>/<time>.json, then the shelf is pruned by time and by
 * count: every version of the last hour, the newest of each hour of the last day, the newest of
 * each day of the last month, and always the RECENT_BACKUPS newest, however old.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileStamp, parseFileStamp } from './stamps';
import { readTextIfExists } from './durable-file';

/** How many of the newest versions are always kept, however old. */
export const RECENT_BACKUPS = 10;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The retention tiers, finest first: within `within` of now, the newest version of each `every`-long slot is kept (every: 0 keeps all). */
export const RETENTION: readonly { within: number; every: number }[] = [
  { within: HOUR_MS, every: 0 },
  { within: DAY_MS, every: HOUR_MS },
  { within: 30 * DAY_MS, every: DAY_MS },
];
const BACKUP_NAME = /^(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/;

/** One stored version: its id (the file name without .json), file and time. */
export interface BackupEntry {
  id: string;
  file: string;
  takenAt: Date;
}

/** Backups newest first: by time, then by the same-millisecond sequence number. */
function newestFirst(entries: (BackupEntry & { seq: number })[]): BackupEntry[] {
  return entries
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.seq - a.seq)
    .map(({ id, file, takenAt }) => ({ id, file, takenAt }));
}

/** The ids to keep (entries newest first): the RECENT_BACKUPS newest, and the newest of each slot of each RETENTION tier. */
export function backupsToKeep(entries: readonly BackupEntry[], now: Date): Set<string> {
  const keep = new Set(entries.slice(0, RECENT_BACKUPS).map((e) => e.id));
  for (const tier of RETENTION) {
    const slots = new Set<number>();
    for (const entry of entries) {
      const age = now.getTime() - entry.takenAt.getTime();
      if (age >= tier.within) continue;
      if (tier.every === 0) {
        keep.add(entry.id);
        continue;
      }
      const slot = Math.floor(entry.takenAt.getTime() / tier.every);
      if (slots.has(slot)) continue;
      slots.add(slot);
      keep.add(entry.id);
    }
  }
  return keep;
}

/** The backups of one data folder, keyed by what they back up (e.g. "articles/<id>", "prefs"). */
export class BackupShelf {
  private readonly madeFolders = new Set<string>();
  /** The backups of each key this shelf has written to, newest first, so a save needs no readdir to prune. */
  private readonly known = new Map<string, BackupEntry[]>();

  constructor(
    /** <data>/backups */
    readonly root: string,
    private readonly clock: () => Date,
  ) {}

  private folder(key: string): string {
    return join(this.root, ...key.split('/'));
  }

  /**
   * Keep the current version of `source` as a backup under `key`, then prune. Returns the new
   * backup's id, or null when `source` does not exist yet.
   */
  async take(key: string, source: string): Promise<string | null> {
    const folder = this.folder(key);
    if (!this.madeFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.madeFolders.add(folder);
    }
    const entries = this.known.get(key) ?? (await this.list(key));
    const now = this.clock();
    const stamp = fileStamp(now);
    for (let seq = 0; ; seq++) {
      const id = seq ? `${stamp}-${seq}` : stamp;
      const file = join(folder, `${id}.json`);
      try {
        await linkOrCopy(source, file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return null;
        if (code === 'EEXIST') continue;
        throw error;
      }
      entries.unshift({ id, file, takenAt: now });
      this.known.set(key, await this.pruneEntries(entries, now));
      return id;
    }
  }

  /** Delete a backup just taken for a save that then failed (it equals the version still in place). */
  async discard(key: string, id: string): Promise<void> {
    const entries = this.known.get(key);
    const entry = entries?.find((e) => e.id === id);
    if (!entries || !entry) return;
    await unlink(entry.file);
    this.known.set(key, entries.filter((e) => e !== entry));
  }

  /** The id of the newest backup this shelf has taken under `key` since it was opened, if any. */
  newestTaken(key: string): string | null {
    return this.known.get(key)?.[0]?.id ?? null;
  }

  /** Every backup under `key`, newest first. */
  async list(key: string): Promise<BackupEntry[]> {
    const folder = this.folder(key);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: (BackupEntry & { seq: number })[] = [];
    for (const name of names) {
      const m = BACKUP_NAME.exec(name);
      const takenAt = m && parseFileStamp(m[1]);
      if (!m || !takenAt) continue;
      entries.push({ id: name.slice(0, -'.json'.length), file: join(folder, name), takenAt, seq: Number(m[2] ?? 0) });
    }
    return newestFirst(entries);
  }

  /** The text of one backup, or null when there is no such backup. */
  read(key: string, id: string): Promise<string | null> {
    if (!BACKUP_NAME.test(`${id}.json`)) return Promise.resolve(null);
    return readTextIfExists(join(this.folder(key), `${id}.json`));
  }

  /** Delete the entries (newest first) that the retention rule does not keep; returns those kept. */
  private async pruneEntries(entries: BackupEntry[], now: Date): Promise<BackupEntry[]> {
    if (entries.length <= RECENT_BACKUPS) return entries;
    const keep = backupsToKeep(entries, now);
    for (const entry of entries) {
      if (!keep.has(entry.id)) await unlink(entry.file).catch(() => undefined);
    }
    return entries.filter((entry) => keep.has(entry.id));
  }
}

/** Hard-link `source` to `target` (refusing to replace it); copy where links are not supported. */
async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    await copyFile(source, target, constants.COPYFILE_EXCL);
  }
}
