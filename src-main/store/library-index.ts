/**
 * index.json, the article list: a summary of the article files, which stay the truth. The store
 * keeps it current as it writes articles (a row changes only when its summary does), brings it in
 * line with articles/ when the folder is opened, and never writes it on a read: an article found
 * missing while reading is hidden from the list until the next write or open drops its row.
 */
import { join } from 'node:path';
import type { ArticleSummaryRow } from '../../src-shared/model';
import { DurableJsonFile, type FileIo } from './durable-file';
import { loadStoreFile, type LoaderContext } from './file-loader';
import { IndexFile, SCHEMA_VERSION, summarise, type ArticleData, type IndexData } from './files';
import { StoreFile } from './store-file';
import type { WritePolicy } from './write-policy';

/** How the index reaches the article files while it is reconciled. */
export interface ArticleSource {
  /** Ids that have a file in articles/. */
  idsOnDisk(): Promise<string[]>;
  /** Load an article (with recovery); null when it is missing or lost. */
  load(id: string): Promise<ArticleData | null>;
  /** Put a missing article file back from its newest good backup; false when it has none. */
  restore(id: string): Promise<boolean>;
}

export class LibraryIndex {
  private file: StoreFile<IndexData> | null = null;
  /** Rows whose article file was found gone while reading; hidden, and dropped by the next write. */
  private readonly gone = new Set<string>();

  constructor(
    private readonly loader: LoaderContext,
    private readonly policy: WritePolicy,
    private readonly io: FileIo,
  ) {}

  /** Load index.json (repairing damage) and reconcile it with the article files. */
  async open(articles: ArticleSource): Promise<void> {
    const path = join(this.loader.dataDir, 'index.json');
    const loaded = await loadStoreFile(this.loader, path, 'index', IndexFile, null);
    let data: IndexData | null = null;
    if (loaded.status === 'ok') data = loaded.data;
    if (loaded.status === 'newer') {
      this.policy.refuseLibrary(`The library at ${this.loader.dataDir} was written by a newer Factmark (schema ${loaded.version}); update Factmark to change it`);
      data = loaded.data;
    }
    this.file = new StoreFile('index.json', new DurableJsonFile<IndexData>(path, { io: this.io }), data ?? { schemaVersion: SCHEMA_VERSION, articles: [] });
    await this.reconcile(articles, loaded.status === 'lost' || (loaded.status === 'newer' && !data));
  }

  private get opened(): StoreFile<IndexData> {
    if (!this.file) throw new Error('The library index is used before the store was opened');
    return this.file;
  }

  /** The article list as the library shows it. */
  data(): IndexData {
    const data = this.opened.data;
    if (this.gone.size === 0) return data;
    return { ...data, articles: data.articles.filter((row) => !this.gone.has(row.id)) };
  }

  /** Whether the list has a row for `id`. */
  has(id: string): boolean {
    return this.data().articles.some((row) => row.id === id);
  }

  /** Hide the row of an article whose file is gone, without writing (reads never write). */
  forget(id: string): void {
    if (this.opened.data.articles.some((row) => row.id === id)) this.gone.add(id);
  }

  /**
   * Put in (or drop, for undefined) several rows, of distinct ids, with one write of the list,
   * made only when it changes. The list ends as the changes made one by one would leave it (a new
   * row goes first).
   */
  async putRows(changes: ReadonlyArray<readonly [string, ArticleSummaryRow | undefined]>): Promise<void> {
    const wanted = new Map(changes);
    const rows = this.data().articles;
    const listed = new Set(rows.map((r) => r.id));
    let changed = false;
    const kept: ArticleSummaryRow[] = [];
    for (const current of rows) {
      if (!wanted.has(current.id)) kept.push(current);
      else {
        const row = wanted.get(current.id);
        if (row) kept.push(row);
        changed ||= !row || JSON.stringify(row) !== JSON.stringify(current);
      }
    }
    const added = [...wanted].flatMap(([id, row]) => (row && !listed.has(id) ? [row] : [])).reverse();
    if (added.length || changed) await this.write([...added, ...kept]);
  }

  /** The row of `id`, if listed. */
  row(id: string): ArticleSummaryRow | undefined {
    return this.data().articles.find((r) => r.id === id);
  }

  /** Drop `id`'s row and write the list. */
  async remove(id: string): Promise<void> {
    if (!this.opened.data.articles.some((row) => row.id === id)) return;
    await this.write(this.data().articles.filter((row) => row.id !== id));
  }

  /** Resolves when every write of the list has reached the disk. */
  flush(): Promise<void> {
    return this.file?.flush() ?? Promise.resolve();
  }

  private async write(articles: ArticleSummaryRow[]): Promise<void> {
    this.policy.assertWritable();
    const dropped = [...this.gone];
    await this.opened.replace({ schemaVersion: SCHEMA_VERSION, articles });
    for (const id of dropped) this.gone.delete(id);
  }

  /** Add rows for article files the list lacks and drop rows whose file is gone; save when changed. */
  private async reconcile(articles: ArticleSource, rebuild: boolean): Promise<void> {
    const current = this.opened.data.articles;
    const onDisk = new Set(await articles.idsOnDisk());
    const listed = new Set(current.map((row) => row.id));
    // A listed article without a file was never deleted (deletes drop the row first): bring back its newest backup.
    for (const row of current) {
      if (!onDisk.has(row.id) && (await articles.restore(row.id))) onDisk.add(row.id);
    }
    const kept = current.filter((row) => onDisk.has(row.id));
    let added = 0;
    for (const id of onDisk) {
      if (listed.has(id)) continue;
      const data = await articles.load(id);
      if (!data) continue;
      kept.push(summarise(data));
      added += 1;
    }
    const dropped = current.length - (kept.length - added);
    if (added === 0 && dropped === 0) return;
    kept.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    this.loader.notices.add(
      rebuild
        ? `index.json was rebuilt from the ${added} article file(s)`
        : `The library list was out of date (${added} article(s) missing, ${dropped} listed without a file); it was brought up to date`,
    );
    if (this.policy.libraryWritable) await this.opened.replace({ schemaVersion: SCHEMA_VERSION, articles: kept });
    else this.file = new StoreFile('index.json', this.opened.adapter, { schemaVersion: SCHEMA_VERSION, articles: kept });
  }
}
