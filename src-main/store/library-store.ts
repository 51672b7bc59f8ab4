/**
 * The data folder: index.json (the article list), articles/<id>.json (one article with its
 * claims) and prefs.json, each a lowdb database over a durable adapter. Saving a claim rewrites
 * only its article's file. Mutations are computed on a copy and committed only when valid.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { FactmarkError } from '../../src-shared/contract';
import { DurableJsonFile } from './durable-file';
import {
  ArticleFile,
  DEFAULT_PREFS,
  IndexFile,
  PrefsFile,
  SCHEMA_VERSION,
  type ArticleData,
  type IndexData,
  type PrefsData,
} from './files';

/** Read a lowdb file and check it against its schema; a missing file gets `fallback`. */
async function openChecked<T>(file: string, schema: z.ZodType<T>, fallback: T | null): Promise<Low<T> | null> {
  const adapter = new DurableJsonFile<T>(file);
  const db = new Low<T>(adapter, fallback as T);
  let raw: unknown;
  try {
    raw = await adapter.read();
  } catch (error) {
    throw new FactmarkError('internal', `${file} is not valid JSON (${(error as Error).message})`);
  }
  if (raw === null) return fallback === null ? null : db;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { schemaVersion?: unknown })?.schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new FactmarkError('read-only', `${file} was written by a newer Factmark (schema ${version}); update the app to open it`);
    }
    throw new FactmarkError('internal', `${file} does not match the store format: ${parsed.error.issues[0]?.message}`);
  }
  db.data = parsed.data;
  return db;
}

export class LibraryStore {
  private indexDb: Low<IndexData> | null = null;
  private prefsDb: Low<PrefsData> | null = null;
  private readonly articleDbs = new Map<string, Low<ArticleData>>();

  constructor(readonly dataDir: string) {}

  get articlesDir(): string {
    return join(this.dataDir, 'articles');
  }

  articleFile(id: string): string {
    return join(this.articlesDir, `${id}.json`);
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

  async index(): Promise<IndexData> {
    return (await this.indexLow()).data;
  }

  private async indexLow(): Promise<Low<IndexData>> {
    if (!this.indexDb) {
      await mkdir(this.articlesDir, { recursive: true });
      this.indexDb = (await openChecked(join(this.dataDir, 'index.json'), IndexFile, {
        schemaVersion: SCHEMA_VERSION,
        articles: [],
      })) as Low<IndexData>;
    }
    return this.indexDb;
  }

  /** Replace the index with `next` and save it. */
  async writeIndex(next: IndexData): Promise<void> {
    const db = await this.indexLow();
    db.data = IndexFile.parse(next);
    await db.write();
  }

  /** An article file's data; throws not-found when it does not exist. */
  async article(id: string): Promise<ArticleData> {
    return (await this.articleLow(id)).data;
  }

  private async articleLow(id: string): Promise<Low<ArticleData>> {
    let db = this.articleDbs.get(id);
    if (!db) {
      const opened = await openChecked(this.articleFile(id), ArticleFile, null);
      if (!opened) throw new FactmarkError('not-found', `No article with id ${id}`);
      db = opened;
      this.articleDbs.set(id, db);
    }
    return db;
  }

  /** Validate and save an article file (creating it if new). */
  async writeArticle(next: ArticleData): Promise<void> {
    const checked = ArticleFile.parse(next);
    let db = this.articleDbs.get(checked.article.id);
    if (!db) {
      await mkdir(this.articlesDir, { recursive: true });
      db = new Low<ArticleData>(new DurableJsonFile<ArticleData>(this.articleFile(checked.article.id)), checked);
      this.articleDbs.set(checked.article.id, db);
    }
    db.data = checked;
    await db.write();
  }

  async deleteArticle(id: string): Promise<void> {
    const db = this.articleDbs.get(id);
    if (db) await (db.adapter as DurableJsonFile<ArticleData>).text.flush();
    this.articleDbs.delete(id);
    await rm(this.articleFile(id), { force: true });
  }

  async prefs(): Promise<PrefsData['prefs']> {
    return (await this.prefsLow()).data.prefs;
  }

  private async prefsLow(): Promise<Low<PrefsData>> {
    this.prefsDb ??= (await openChecked(join(this.dataDir, 'prefs.json'), PrefsFile, {
      schemaVersion: SCHEMA_VERSION,
      prefs: DEFAULT_PREFS,
    })) as Low<PrefsData>;
    return this.prefsDb;
  }

  async writePrefs(prefs: PrefsData['prefs']): Promise<void> {
    const db = await this.prefsLow();
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
