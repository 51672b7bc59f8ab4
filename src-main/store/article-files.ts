/**
 * The article files, articles/<id>.json, each loaded once and kept in memory: loading with
 * recovery, saving (the previous version is kept on the backup shelf first), deleting.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';
import { Id } from '../../src-shared/model';
import type { BackupShelf } from './backup-shelf';
import { DurableJsonFile, type FileIo } from './durable-file';
import { loadStoreFile, restoreMissingFile, type LoaderContext } from './file-loader';
import { ArticleFile, type ArticleData } from './files';
import { StoreFile } from './store-file';
import type { WritePolicy } from './write-policy';

/** The backup shelf's key for an article's versions. */
export function articleKey(id: string): string {
  return `articles/${id}`;
}

export class ArticleFiles {
  private readonly cache = new Map<string, StoreFile<ArticleData>>();

  constructor(
    private readonly loader: LoaderContext,
    private readonly policy: WritePolicy,
    private readonly shelf: BackupShelf | null,
    private readonly io: FileIo,
  ) {}

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
    const loaded = await loadStoreFile(this.loader, this.path(id), 'article', ArticleFile, articleKey(id));
    if (loaded.status === 'missing' || loaded.status === 'lost') return null;
    if (loaded.status === 'newer') {
      this.policy.refuseArticle(id, `This article was saved by a newer Factmark (schema ${loaded.version}); it is read-only here — update Factmark to change it`);
      if (!loaded.data) throw new FactmarkError('read-only', `Article ${id} was saved by a newer Factmark (schema ${loaded.version}); update Factmark to open it`);
    }
    return this.keep(id, loaded.data as ArticleData).data;
  }

  /** Put a missing article file back from its newest good backup; false when it has none. */
  async restore(id: string): Promise<boolean> {
    const data = await restoreMissingFile(this.loader, this.path(id), 'article', ArticleFile, articleKey(id));
    if (data) this.keep(id, data);
    return data !== null;
  }

  /** Save an article (validated by the caller); memory changes only once it is on disk. */
  async save(data: ArticleData): Promise<void> {
    const id = data.article.id;
    const file = this.cache.get(id) ?? this.open(id, data);
    await file.replace(data);
    this.cache.set(id, file);
  }

  /** Delete an article file; its last version is kept on the shelf so it can be restored. */
  async remove(id: string): Promise<void> {
    await this.cache.get(id)?.flush();
    const path = this.path(id);
    if (this.shelf) await this.shelf.take(articleKey(id), path);
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.cache.delete(id);
  }

  /** Wait until every pending article write has reached the disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.cache.values()].map((file) => file.flush()));
  }

  private keep(id: string, data: ArticleData): StoreFile<ArticleData> {
    const file = this.open(id, data);
    this.cache.set(id, file);
    return file;
  }

  private open(id: string, data: ArticleData): StoreFile<ArticleData> {
    const path = this.path(id);
    const shelf = this.shelf;
    const beforeReplace = shelf ? () => shelf.take(articleKey(id), path).then(() => undefined) : undefined;
    return new StoreFile(`articles/${id}.json`, new DurableJsonFile<ArticleData>(path, { beforeReplace, io: this.io }), data);
  }
}
