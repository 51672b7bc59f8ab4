/**
 * The data folder: index.json (the article list), articles/<id>.json (one article with its
 * claims), prefs.json, backups/ (rolling backups) and quarantine/ (damaged files moved aside).
 * This class opens the folder and is the one way in: each concern lives in its own module (the
 * index, the article files, preferences, versions, the write policy), and every write keeps them
 * consistent — saving an article keeps its index row current, and a failed write changes nothing.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FactmarkError } from '../../src-shared/contract';
import { Id } from '../../src-shared/model';
import { ArticleFiles } from './article-files';
import { ArticleJournal, OPEN_JOURNALS } from './article-journal';
import { ArticleVersions, type ArticleVersionInfo } from './article-versions';
import { BackupShelf } from './backup-shelf';
import { NODE_FILE_IO, type FileIo } from './durable-file';
import type { LoaderContext } from './file-loader';
import { checkArticleData, summarise, type ArticleData, type IndexData, type PrefsData } from './files';
import { LibraryIndex } from './library-index';
import { StoreNotices, type StoreNotice } from './notices';
import { PrefsStore } from './prefs-store';
import { quarantineTempFiles } from './quarantine';
import { WritePolicy } from './write-policy';

export type { ArticleVersionInfo } from './article-versions';

/** How a process opens the folder: 'write' (it holds the lock) or 'read' (nothing on disk changes). */
export type StoreAccess = 'write' | 'read';

export interface StoreOptions {
  clock?: () => Date;
  access?: StoreAccess;
  /** Keep rolling backups of article and prefs files (default true). */
  backups?: boolean;
  /** The file-system calls writes use (default: node:fs/promises); tests inject a failing disk here. */
  io?: FileIo;
}

/** Told after an article was saved (previous: null for a new article) or deleted (next: null). */
export type ArticleSavedListener = (change: { articleId: string; previous: ArticleData | null; next: ArticleData | null }) => void;

/** How many article files a batch saves at once (each holds a journal open: fewer than the journals kept open). */
const SAVES_AT_ONCE = OPEN_JOURNALS / 2;

/** Run `work` on every item, at most `limit` at a time; each item's failure (or null) in order. */
async function settleEach<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<Array<{ error: unknown } | null>> {
  const out: Array<{ error: unknown } | null> = items.map(() => null);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]).catch((error: unknown) => (out[i] = { error }));
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class LibraryStore {
  readonly access: StoreAccess;
  private readonly noticeList: StoreNotices;
  private readonly policy: WritePolicy;
  private readonly loader: LoaderContext;
  private readonly indexFile: LibraryIndex;
  private readonly articles: ArticleFiles;
  private readonly prefsFile: PrefsStore;
  private readonly versions: ArticleVersions;
  private readonly listeners = new Set<ArticleSavedListener>();
  private opened: Promise<void> | null = null;

  constructor(
    readonly dataDir: string,
    options: StoreOptions = {},
  ) {
    const clock = options.clock ?? (() => new Date());
    const io = options.io ?? NODE_FILE_IO;
    this.access = options.access ?? 'write';
    this.noticeList = new StoreNotices(clock);
    this.policy = new WritePolicy(this.access === 'read' ? `The library at ${dataDir} was opened read-only` : null);
    const shelf = new BackupShelf(join(dataDir, 'backups'), clock);
    const keptShelf = options.backups === false ? null : shelf;
    this.loader = { dataDir, writable: this.access === 'write', shelf, notices: this.noticeList, clock, io };
    this.indexFile = new LibraryIndex(this.loader, this.policy, io);
    const journal = new ArticleJournal(dataDir, io, clock);
    this.articles = new ArticleFiles(this.loader, this.policy, keptShelf && { shelf: keptShelf, journal }, io);
    this.prefsFile = new PrefsStore(this.loader, this.policy, keptShelf, io);
    this.versions = new ArticleVersions(shelf);
  }

  get articlesDir(): string {
    return this.articles.folder;
  }

  articleFile(id: string): string {
    return this.articles.path(id);
  }

  /** What the store repaired or refused since it was opened. */
  notices(): StoreNotice[] {
    return this.noticeList.list();
  }

  /** True when the folder has never held a library (no index.json yet). */
  async isNew(): Promise<boolean> {
    try {
      return !(await readdir(this.dataDir)).includes('index.json');
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
      for (const folder of [this.dataDir, this.articlesDir]) {
        for (const notice of await quarantineTempFiles(this.dataDir, folder, this.loader.clock())) this.noticeList.add(notice);
      }
    }
    await this.indexFile.open(this.articles);
  }

  /** The article list. */
  async index(): Promise<IndexData> {
    await this.open();
    return this.indexFile.data();
  }

  /** An article file's data; throws not-found when it does not exist. Never writes index.json. */
  async article(id: string): Promise<ArticleData> {
    await this.open();
    const data = await this.articles.get(id);
    if (data) return data;
    this.indexFile.forget(id);
    throw new FactmarkError('not-found', `No article with id ${id}`);
  }

  /**
   * Validate and save an article file (creating it if new), keeping its index row current; the
   * previous version becomes a backup. When any part fails, memory and disk stay as they were.
   */
  writeArticle(next: ArticleData): Promise<void> {
    return this.writeArticles([next]);
  }

  /**
   * Save several articles as one batch (e.g. a teammate's changes): all are validated before
   * anything is written, their index rows are written in one write of index.json, then the
   * article files are saved side by side, each as durably as writeArticle saves one. An article
   * whose file fails to save gets its old row back and the first failure is thrown; the others
   * are saved (and told to listeners).
   */
  async writeArticles(list: readonly ArticleData[]): Promise<void> {
    await this.open();
    const batch: Array<{ id: string; previous: ArticleData | null; next: ArticleData }> = [];
    for (const next of list) {
      const id = Id.parse(next?.article?.id);
      if (batch.some((b) => b.id === id)) throw new FactmarkError('invalid-input', `Article ${id} is given twice in one save`);
      const previous = await this.articles.get(id);
      batch.push({ id, previous, next: checkArticleData(next) });
      this.policy.assertWritable(id);
    }
    const previousRows = new Map(batch.map(({ id }) => [id, this.indexFile.row(id)]));
    // The rows first: a failed index write then changes nothing, and a failed article write puts its row back.
    await this.indexFile.putRows(batch.map(({ id, next }) => [id, summarise(next)]));
    const failures = await settleEach(batch, SAVES_AT_ONCE, ({ next }) => this.articles.save(next));
    const failed = batch.filter((_, i) => failures[i]);
    if (failed.length) await this.indexFile.putRows(failed.map(({ id }) => [id, previousRows.get(id)])).catch(() => undefined);
    batch.forEach(({ id, previous, next }, i) => failures[i] || this.tell({ articleId: id, previous, next }));
    const failure = failures.find((f) => f);
    if (failure) throw failure.error;
  }

  /** Delete an article: its row, then its file; its last version is kept as a backup so it can be restored. */
  async deleteArticle(id: string): Promise<void> {
    await this.open();
    this.policy.assertWritable(id);
    const previous = await this.articles.get(id);
    await this.indexFile.remove(id);
    await this.articles.remove(id);
    this.tell({ articleId: id, previous, next: null });
  }

  /** Call `listener` after every article save or delete (e.g. to mirror changes elsewhere); returns an unsubscribe. */
  onArticleSaved(listener: ArticleSavedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(change: Parameters<ArticleSavedListener>[0]): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Record something the user should know (e.g. a teammate's change that was refused). */
  addNotice(message: string): void {
    this.noticeList.add(message);
  }

  /** The backup the latest save of an article took of the version it replaced (null without one this session). */
  lastBackupId(articleId: string): string | null {
    return this.versions.lastTaken(articleId);
  }

  /** The backups of an article, newest first (from `before` on, at most `limit`), with what each changed. */
  async listBackups(articleId: string, page: { limit?: number; before?: string } = {}): Promise<ArticleVersionInfo[]> {
    await this.open();
    return this.versions.list(articleId, page);
  }

  /** One backup of an article as listBackups reports it. */
  async describeBackup(articleId: string, backupId: string): Promise<ArticleVersionInfo> {
    await this.open();
    return this.versions.describe(articleId, backupId);
  }

  /** One backup of an article, checked and migrated; throws not-found or invalid-input. */
  async readBackup(articleId: string, backupId: string): Promise<ArticleData> {
    await this.open();
    return this.versions.read(articleId, backupId);
  }

  async prefs(): Promise<PrefsData['prefs']> {
    await this.open();
    return this.prefsFile.get();
  }

  /** Save the preferences; a failed write leaves them as they were. */
  async writePrefs(prefs: PrefsData['prefs']): Promise<void> {
    await this.open();
    await this.prefsFile.set(prefs);
  }

  /** Wait until every pending write has reached the disk. */
  async flush(): Promise<void> {
    await Promise.all([this.articles.flush(), this.indexFile.flush(), this.prefsFile.flush()]);
  }

  /** Flush, and let go of the files held open (the store reopens them if it is used again). */
  async close(): Promise<void> {
    await Promise.all([this.articles.close(), this.indexFile.flush(), this.prefsFile.flush()]);
  }
}
