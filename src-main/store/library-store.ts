/**
 * The data folder: index.json (the article list), articles/<id>.json (one article with its
 * claims), prefs.json, backups/ (rolling backups) and quarantine/ (damaged files moved aside).
 * Each file is a lowdb database over a durable adapter; saving a claim rewrites only its article's
 * file, after hard-linking the previous version into backups/. Files are loaded through the
 * recovering loader, so damage never crashes a host: it is repaired and reported as a notice.
 * The article files are the truth; index.json is a summary rebuilt or reconciled from them.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { FactmarkError, type BackupInfo } from '../../src-shared/contract';
import { Id } from '../../src-shared/model';
import { BackupShelf } from './backup-shelf';
import { DurableJsonFile, TEMP_FILE_PATTERN } from './durable-file';
import { checkStoreText, loadStoreFile, restoreMissingFile, type LoaderContext } from './file-loader';
import {
  ArticleFile,
  DEFAULT_PREFS,
  IndexFile,
  PrefsFile,
  SCHEMA_VERSION,
  type ArticleData,
  type IndexData,
  type PrefsData,
  summarise,
} from './files';
import { StoreNotices, type StoreNotice } from './notices';
import { moveToQuarantine } from './quarantine';

/** How a process opens the folder: 'write' (it holds the lock) or 'read' (nothing on disk changes). */
export type StoreAccess = 'write' | 'read';

export interface StoreOptions {
  clock?: () => Date;
  access?: StoreAccess;
  /** Keep rolling backups of article and prefs files (default true). */
  backups?: boolean;
}

/** One stored version of an article, as backups.list reports it. */
export type ArticleBackupInfo = z.infer<typeof BackupInfo>;

const PREFS_KEY = 'prefs';

function articleKey(id: string): string {
  return `articles/${id}`;
}

export class LibraryStore {
  readonly access: StoreAccess;
  private readonly clock: () => Date;
  private readonly shelf: BackupShelf;
  private readonly keepBackups: boolean;
  private readonly noticeList: StoreNotices;
  private opened: Promise<void> | null = null;
  private indexDb: Low<IndexData> | null = null;
  private prefsDb: Low<PrefsData> | null = null;
  private readonly articleDbs = new Map<string, Low<ArticleData>>();
  /** Why the whole library may not be changed, when it may not. */
  private libraryReadOnly: string | null = null;
  /** Article ids whose files came from a newer Factmark, with the reason. */
  private readonly readOnlyArticles = new Map<string, string>();

  constructor(
    readonly dataDir: string,
    options: StoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.access = options.access ?? 'write';
    this.keepBackups = options.backups ?? true;
    this.noticeList = new StoreNotices(this.clock);
    this.shelf = new BackupShelf(join(dataDir, 'backups'), this.clock);
    if (this.access === 'read') this.libraryReadOnly = `The library at ${dataDir} was opened read-only`;
  }

  get articlesDir(): string {
    return join(this.dataDir, 'articles');
  }

  articleFile(id: string): string {
    return join(this.articlesDir, `${id}.json`);
  }

  private get loader(): LoaderContext {
    return { dataDir: this.dataDir, writable: this.access === 'write', shelf: this.shelf, notices: this.noticeList, clock: this.clock };
  }

  /** What the store repaired or refused since it was opened. */
  notices(): StoreNotice[] {
    return this.noticeList.list();
  }

  /** True when the folder has never held a library (no index.json yet). */
  async isNew(): Promise<boolean> {
    try {
      const entries = await readdir(this.dataDir);
      return !entries.includes('index.json');
    } catch {
      return true;
    }
  }

  /** Open the folder: set unfinished saves aside, load index.json and bring it in line with the article files. */
  open(): Promise<void> {
    this.opened ??= this.openNow();
    return this.opened;
  }

  private async openNow(): Promise<void> {
    if (this.access === 'write') {
      await mkdir(this.articlesDir, { recursive: true });
      await this.quarantineTempFiles(this.dataDir);
      await this.quarantineTempFiles(this.articlesDir);
    }
    const file = join(this.dataDir, 'index.json');
    const loaded = await loadStoreFile(this.loader, file, 'index', IndexFile, null);
    let data: IndexData | null = null;
    if (loaded.status === 'ok') data = loaded.data;
    if (loaded.status === 'newer') {
      this.libraryReadOnly = `The library at ${this.dataDir} was written by a newer Factmark (schema ${loaded.version}); update Factmark to change it`;
      data = loaded.data;
    }
    const db = new Low<IndexData>(new DurableJsonFile<IndexData>(file), data ?? { schemaVersion: SCHEMA_VERSION, articles: [] });
    this.indexDb = db;
    await this.reconcileIndex(db, loaded.status === 'lost' || (loaded.status === 'newer' && !data));
  }

  /** Move temp files left by a crashed save (of another process) into quarantine. */
  private async quarantineTempFiles(folder: string): Promise<void> {
    for (const name of await readdir(folder)) {
      if (!TEMP_FILE_PATTERN.test(name)) continue;
      const pid = Number(name.split('.').at(-3));
      if (pid === process.pid) continue;
      const moved = await moveToQuarantine(this.dataDir, join(folder, name), this.clock());
      const target = name.replace(/^\./, '').replace(/\.\d+\.\d+\.tmp$/, '');
      this.noticeList.add(`An unfinished save of ${target} was found and moved to ${moved}; the last complete version was kept`);
    }
  }

  /** Article ids that have a file in articles/. */
  private async articleIdsOnDisk(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.articlesDir);
    } catch {
      return [];
    }
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => Id.safeParse(id).success);
  }

  /** Add rows for article files the index lacks and drop rows whose file is gone; save when changed. */
  private async reconcileIndex(db: Low<IndexData>, rebuild: boolean): Promise<void> {
    const onDisk = new Set(await this.articleIdsOnDisk());
    const listed = new Set(db.data.articles.map((row) => row.id));
    // A listed article without a file was never deleted (deletes drop the row first): bring back its newest backup.
    for (const row of db.data.articles) {
      if (!onDisk.has(row.id) && (await this.restoreArticle(row.id))) onDisk.add(row.id);
    }
    const kept = db.data.articles.filter((row) => onDisk.has(row.id));
    let added = 0;
    for (const id of onDisk) {
      if (listed.has(id)) continue;
      const data = await this.loadArticle(id);
      if (!data) continue;
      kept.push(summarise(data));
      added += 1;
    }
    const dropped = db.data.articles.length - (kept.length - added);
    if (added === 0 && dropped === 0) return;
    kept.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    db.data = { schemaVersion: SCHEMA_VERSION, articles: kept };
    this.noticeList.add(
      rebuild
        ? `index.json was rebuilt from the ${added} article file(s)`
        : `The library list was out of date (${added} article(s) missing, ${dropped} listed without a file); it was brought up to date`,
    );
    if (!this.libraryReadOnly) await db.write(); // read access sets libraryReadOnly too
  }

  async index(): Promise<IndexData> {
    return (await this.indexLow()).data;
  }

  private async indexLow(): Promise<Low<IndexData>> {
    await this.open();
    return this.indexDb as Low<IndexData>;
  }

  /** Refuse a write when the library, or this article, may not be changed. */
  private assertWritable(articleId?: string): void {
    if (this.libraryReadOnly) throw new FactmarkError('read-only', this.libraryReadOnly);
    const reason = articleId && this.readOnlyArticles.get(articleId);
    if (reason) throw new FactmarkError('read-only', reason);
  }

  /** Replace the index with `next` and save it. */
  async writeIndex(next: IndexData): Promise<void> {
    const db = await this.indexLow();
    this.assertWritable();
    // A read-only article's row may not change either (e.g. library.delete writes the index first).
    for (const id of this.readOnlyArticles.keys()) {
      const row = (data: IndexData) => JSON.stringify(data.articles.find((r) => r.id === id));
      if (row(next) !== row(db.data)) this.assertWritable(id);
    }
    db.data = IndexFile.parse(next);
    await db.write();
  }

  /** Load an article file with recovery; null when it is missing or lost (a lost one leaves the index). */
  private async loadArticle(id: string): Promise<ArticleData | null> {
    const file = this.articleFile(id);
    const loaded = await loadStoreFile(this.loader, file, 'article', ArticleFile, articleKey(id));
    if (loaded.status === 'missing' || loaded.status === 'lost') return null;
    if (loaded.status === 'newer') {
      this.readOnlyArticles.set(id, `This article was saved by a newer Factmark (schema ${loaded.version}); it is read-only here — update Factmark to change it`);
      if (!loaded.data) throw new FactmarkError('read-only', `Article ${id} was saved by a newer Factmark (schema ${loaded.version}); update Factmark to open it`);
    }
    const data = loaded.data as ArticleData;
    this.articleDbs.set(id, new Low<ArticleData>(this.articleAdapter(id), data));
    return data;
  }

  /** Restore a missing article file from its newest good backup; false when it has none. */
  private async restoreArticle(id: string): Promise<boolean> {
    const data = await restoreMissingFile(this.loader, this.articleFile(id), 'article', ArticleFile, articleKey(id));
    if (data) this.articleDbs.set(id, new Low<ArticleData>(this.articleAdapter(id), data));
    return data !== null;
  }

  private articleAdapter(id: string): DurableJsonFile<ArticleData> {
    const file = this.articleFile(id);
    return new DurableJsonFile<ArticleData>(file, this.keepBackups ? { beforeReplace: () => this.shelf.take(articleKey(id), file).then(() => undefined) } : {});
  }

  /** An article file's data; throws not-found when it does not exist. */
  async article(id: string): Promise<ArticleData> {
    await this.open();
    const cached = this.articleDbs.get(id);
    if (cached) return cached.data;
    const data = await this.loadArticle(id);
    if (data) return data;
    await this.dropIndexRow(id);
    throw new FactmarkError('not-found', `No article with id ${id}`);
  }

  /** Remove an article's row from the index when its file is gone (e.g. quarantined with no backup). */
  private async dropIndexRow(id: string): Promise<void> {
    const db = this.indexDb as Low<IndexData>;
    if (!db.data.articles.some((row) => row.id === id)) return;
    db.data = { ...db.data, articles: db.data.articles.filter((row) => row.id !== id) };
    if (!this.libraryReadOnly) await db.write(); // read access sets libraryReadOnly too
  }

  /** Validate and save an article file (creating it if new); the previous version becomes a backup. */
  async writeArticle(next: ArticleData): Promise<void> {
    await this.open();
    const checked = ArticleFile.parse(next);
    const id = checked.article.id;
    this.assertWritable(id);
    let db = this.articleDbs.get(id);
    if (!db) {
      db = new Low<ArticleData>(this.articleAdapter(id), checked);
      this.articleDbs.set(id, db);
    }
    db.data = checked;
    await db.write();
  }

  /** Delete an article file; its last version is kept as a backup so it can be restored. */
  async deleteArticle(id: string): Promise<void> {
    await this.open();
    this.assertWritable(id);
    const db = this.articleDbs.get(id);
    if (db) await (db.adapter as DurableJsonFile<ArticleData>).text.flush();
    this.articleDbs.delete(id);
    const file = this.articleFile(id);
    if (this.keepBackups) await this.shelf.take(articleKey(id), file);
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** The backup the latest save of an article took of the version it replaced (null without one this session). */
  lastBackupId(articleId: string): string | null {
    return this.shelf.newestTaken(articleKey(articleId));
  }

  /** The backups of an article, newest first, with their claim counts. */
  async listBackups(articleId: string): Promise<ArticleBackupInfo[]> {
    await this.open();
    const out: ArticleBackupInfo[] = [];
    for (const entry of await this.shelf.list(articleKey(articleId))) {
      const text = await this.shelf.read(articleKey(articleId), entry.id);
      const checked = text === null ? null : checkStoreText(text, 'article', ArticleFile);
      const data = checked?.ok === true ? checked.data : null;
      out.push({ id: entry.id, takenAt: entry.takenAt.toISOString(), claimCount: data ? data.claims.length : null, title: data ? data.article.title : null });
    }
    return out;
  }

  /** One backup of an article, checked and migrated; throws not-found or invalid-input. */
  async readBackup(articleId: string, backupId: string): Promise<ArticleData> {
    await this.open();
    const text = await this.shelf.read(articleKey(articleId), backupId);
    if (text === null) throw new FactmarkError('not-found', `No backup ${backupId} of article ${articleId}`);
    const checked = checkStoreText(text, 'article', ArticleFile);
    if (checked.ok !== true) {
      throw new FactmarkError('invalid-input', `Backup ${backupId} of article ${articleId} cannot be restored: ${checked.ok === false ? checked.problem : 'it is from a newer Factmark'}`);
    }
    if (checked.data.article.id !== articleId) throw new FactmarkError('invalid-input', `Backup ${backupId} belongs to another article`);
    return checked.data;
  }

  async prefs(): Promise<PrefsData['prefs']> {
    return (await this.prefsLow()).data.prefs;
  }

  private async prefsLow(): Promise<Low<PrefsData>> {
    await this.open();
    if (this.prefsDb) return this.prefsDb;
    const file = join(this.dataDir, 'prefs.json');
    const loaded = await loadStoreFile(this.loader, file, 'prefs', PrefsFile, PREFS_KEY);
    const fallback: PrefsData = { schemaVersion: SCHEMA_VERSION, prefs: DEFAULT_PREFS };
    if (loaded.status === 'lost') this.noticeList.add('Preferences were reset to their defaults');
    const data = loaded.status === 'ok' ? loaded.data : loaded.status === 'newer' ? (loaded.data ?? fallback) : fallback;
    if (loaded.status === 'newer') this.libraryReadOnly ??= 'prefs.json was written by a newer Factmark; update Factmark to change preferences';
    const options = this.keepBackups ? { beforeReplace: () => this.shelf.take(PREFS_KEY, file).then(() => undefined) } : {};
    this.prefsDb = new Low<PrefsData>(new DurableJsonFile<PrefsData>(file, options), data);
    return this.prefsDb;
  }

  async writePrefs(prefs: PrefsData['prefs']): Promise<void> {
    const db = await this.prefsLow();
    this.assertWritable();
    db.data = PrefsFile.parse({ schemaVersion: SCHEMA_VERSION, prefs });
    await db.write();
  }

  /** Wait until every pending write has reached the disk. */
  async flush(): Promise<void> {
    const adapters: { text: { flush(): Promise<void> } }[] = [...this.articleDbs.values()].map((db) => db.adapter as DurableJsonFile<ArticleData>);
    if (this.indexDb) adapters.push(this.indexDb.adapter as DurableJsonFile<IndexData>);
    if (this.prefsDb) adapters.push(this.prefsDb.adapter as DurableJsonFile<PrefsData>);
    await Promise.all(adapters.map((adapter) => adapter.text.flush()));
  }
}
