/**
 * The article files, articles/<id>.json, each loaded once and kept in memory: loading with
 * recovery, saving, deleting. A save appends its change to the article's journal (in parallel
 * with writing the new file) and keeps the version it replaces on the backup shelf; the new file
 * is renamed into place only once both are on disk, and a failed save takes its record back.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';
import { Id } from '../../src-shared/model';
import { storeText, textHash, type ArticleJournal } from './article-journal';
import type { BackupShelf } from './backup-shelf';
import { DurableJsonFile, type FileIo } from './durable-file';
import { loadStoreFile, restoreMissingFile, type LoaderContext, type Replay } from './file-loader';
import { ArticleFile, type ArticleData } from './files';
import { StoreFile } from './store-file';
import type { WritePolicy } from './write-policy';

/** The backup shelf's key for an article's versions. */
export function articleKey(id: string): string {
  return `articles/${id}`;
}

export class ArticleFiles {
  private readonly cache = new Map<string, StoreFile<ArticleData>>();
  /** The hash of each cached article's text on disk: the `base` of its next journal record. */
  private readonly hashes = new Map<string, string>();
  /** The journal append of a save in progress, which its rename waits for. */
  /** The journal append and backup of a save in progress, which its rename waits for. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly loader: LoaderContext,
    private readonly policy: WritePolicy,
    /** The shelf that keeps replaced versions, and the journal of saves since them (null: neither, backups are off). */
    private readonly kept: { shelf: BackupShelf; journal: ArticleJournal } | null,
    private readonly io: FileIo,
  ) {}

  /** How recovery brings an article's newest good backup up to its last save: the journal's replay. */
  private replayOf(id: string): Replay<ArticleData> | undefined {
    const journal = this.kept?.journal;
    return journal && ((start) => journal.replay(id, start));
  }

  get folder(): string {
    return join(this.loader.dataDir, 'articles');
  }

  path(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  /** Article ids that have a file in articles/. */
  async idsOnDisk(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => Id.safeParse(id).success);
  }

  /** An article's data: from memory, else loaded (with recovery); null when it is missing or lost. */
  async get(id: string): Promise<ArticleData | null> {
    return this.cache.get(id)?.data ?? (await this.load(id));
  }

  /** Load an article file with recovery; null when it is missing or lost. */
  async load(id: string): Promise<ArticleData | null> {
    const loaded = await loadStoreFile(this.loader, this.path(id), 'article', ArticleFile, articleKey(id), this.replayOf(id));
    if (loaded.status === 'missing' || loaded.status === 'lost') return null;
    if (loaded.status === 'newer') {
      this.policy.refuseArticle(id, `This article was saved by a newer Factmark (schema ${loaded.version}); it is read-only here — update Factmark to change it`);
      if (!loaded.data) throw new FactmarkError('read-only', `Article ${id} was saved by a newer Factmark (schema ${loaded.version}); update Factmark to open it`);
      return this.keep(id, loaded.data, null).data;
    }
    return this.keep(id, loaded.data, loaded.text).data;
  }

  /** Put a missing article file back from its newest good state (backup and journal); false when it has none. */
  async restore(id: string): Promise<boolean> {
    const good = await restoreMissingFile(this.loader, this.path(id), 'article', ArticleFile, articleKey(id), this.replayOf(id));
    if (good) this.keep(id, good.data, good.text);
    return good !== null;
  }

  /** Save an article (validated by the caller); memory changes only once it is on disk, journal included. */
  async save(data: ArticleData): Promise<void> {
    const id = data.article.id;
    const cached = this.cache.get(id);
    const file = cached ?? this.open(id, data);
    const text = storeText(data);
    const hash = textHash(text);
    file.adapter.prepare(data, text);
    const kept = this.kept;
    const base = cached && this.hashes.get(id);
    // The journal record and the backup of the version being replaced are made while the new file is written.
    const appending = kept?.journal.append(id, kept.journal.record(cached && base ? { data: cached.data, hash: base } : null, data, hash));
    const backingUp = kept && cached ? kept.shelf.take(articleKey(id), this.path(id)) : null;
    const both = Promise.all([appending, backingUp]);
    both.catch(() => undefined); // awaited before the rename; a failure fails the save there
    this.inFlight.set(id, both);
    try {
      await file.replace(data);
    } catch (error) {
      await appending?.then((mark) => kept?.journal.takeBack(mark)).catch(() => undefined);
      await backingUp?.then((backupId) => (backupId ? kept?.shelf.discard(articleKey(id), backupId) : undefined)).catch(() => undefined);
      throw error;
    } finally {
      this.inFlight.delete(id);
    }
    this.hashes.set(id, hash);
    this.cache.set(id, file);
    await kept?.journal.compactIfLong(id).catch(() => undefined); // the save is done; a long journal is only tidied
  }

  /** Delete an article file; its last version is kept on the shelf so it can be restored. */
  async remove(id: string): Promise<void> {
    await this.cache.get(id)?.flush();
    const path = this.path(id);
    if (this.kept) await this.kept.shelf.take(articleKey(id), path);
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.cache.delete(id);
    this.hashes.delete(id);
    await this.kept?.journal.remove(id);
  }

  /** Wait until every pending article write has reached the disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.cache.values()].map((file) => file.flush()));
  }

  /** Flush, then close the journals kept open for appending. */
  async close(): Promise<void> {
    await this.flush();
    await this.kept?.journal.closeAll();
  }

  /** Keep a loaded article in memory, with the hash of its text on disk (null: it may not be saved). */
  private keep(id: string, data: ArticleData, text: string | null): StoreFile<ArticleData> {
    const file = this.open(id, data);
    this.cache.set(id, file);
    if (text !== null) this.hashes.set(id, textHash(text));
    return file;
  }

  private open(id: string, data: ArticleData): StoreFile<ArticleData> {
    const path = this.path(id);
    // Runs once the new text is synced: the rename waits for the journal record and the backup.
    const beforeReplace = this.kept
      ? async () => {
          await this.inFlight.get(id);
        }
      : undefined;
    return new StoreFile(`articles/${id}.json`, new DurableJsonFile<ArticleData>(path, { beforeReplace, io: this.io }), data);
  }
}
