/**
 * The claim index of one open library: loaded from search/ (or rebuilt from the article files)
 * in the background soon after a host opens the library, or on first use, checked against every
 * article file's stamp so it is never stale, kept current after each article save or delete (in
 * memory, off the save's path, shortly after it or at the next query, whichever comes first), and
 * its changed shards written back on close.
 */
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { FactmarkError } from '../../src-shared/contract';
import type { ArticleData } from '../store/files';
import type { ServiceContext } from '../services/context';
import { ClaimIndex, SHARD_COUNT, type PageStart } from './claim-index';
import { articleStamps, fileStamp, loadShard, readArticleFile, saveShard } from './index-files';

/** How long after the library opens a host starts loading the index (the first screen is drawn by then). */
export const PRELOAD_AFTER_MS = 1_000;

/** How long after a save the index takes it in (saves in a burst are taken in together). */
const CATCH_UP_MS = 100;

/** Article ids as the store names its files. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface IndexLoadStats {
  /** Shards read from disk. */
  loadedShards: number;
  /** Articles (re)indexed from their files because the index lacked them or was stale. */
  reindexed: number;
  /** Articles dropped because their files are gone. */
  dropped: number;
  ms: number;
}

class LibraryIndex {
  readonly index = new ClaimIndex();
  /** Saves and deletes the index has not taken in yet (null: deleted). */
  private readonly pending = new Map<string, ArticleData | null>();
  private loading: Promise<IndexLoadStats> | null = null;
  private catchUp: ReturnType<typeof setTimeout> | null = null;
  private preloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set when the library closes before a load finished: the load stops at its next chunk. */
  private abandoned = false;
  lastLoad: IndexLoadStats | null = null;

  constructor(private readonly ctx: ServiceContext) {
    ctx.store.onArticleSaved((change) => (change.next ? this.noteSaved(change.next) : this.noteDeleted(change.articleId)));
  }

  private get dataDir(): string {
    return this.ctx.store.dataDir;
  }

  /** A save only notes the article; the index takes it in shortly after (or at the next query), never on the save's path. */
  noteSaved(data: ArticleData): void {
    this.pending.set(data.article.id, data);
    this.scheduleCatchUp();
  }

  noteDeleted(articleId: string): void {
    this.pending.set(articleId, null);
    this.scheduleCatchUp();
  }

  private scheduleCatchUp(): void {
    if (this.catchUp || !this.lastLoad) return; // not loaded yet: the load reads the files anyway
    this.catchUp = setTimeout(() => {
      this.catchUp = null;
      this.applyPending();
    }, CATCH_UP_MS);
    this.catchUp.unref?.();
  }

  private applyPending(): void {
    for (const [id, data] of this.pending) {
      if (data) this.index.setArticle(id, data.claims, data.article.pages, '');
      else this.index.removeArticle(id);
    }
    this.pending.clear();
  }

  /**
   * Start loading the index in the background after `delayMs` (hosts call this when the library
   * opens, so the first screen is drawn first and the first search usually finds the index ready).
   * The load yields to the event loop between chunks; a query meanwhile waits for the same load.
   */
  preload(delayMs: number): void {
    if (this.loading || this.preloadTimer) return;
    this.preloadTimer = setTimeout(() => {
      this.preloadTimer = null;
      this.current().catch(() => undefined); // a failed load is retried by the next query
    }, delayMs);
    this.preloadTimer.unref?.();
  }

  /** Whether saves are waiting to be taken in. */
  get behind(): boolean {
    return this.pending.size > 0;
  }

  /** The index, loaded and current with every save so far. */
  async current(): Promise<ClaimIndex> {
    this.loading ??= this.load();
    try {
      this.lastLoad = await this.loading;
    } catch (error) {
      this.loading = null;
      throw error;
    }
    this.applyPending();
    return this.index;
  }

  private async load(): Promise<IndexLoadStats> {
    const started = performance.now();
    await this.ctx.store.open();
    const articlesDir = this.ctx.store.articlesDir;
    const onDisk = await articleStamps(articlesDir, ID_PATTERN);
    let loadedShards = 0;
    for (let n = 0; n < SHARD_COUNT; n++) {
      this.stopIfAbandoned();
      if (await loadShard(this.dataDir, n, this.index)) loadedShards++;
    }
    let dropped = 0;
    for (const id of this.index.articleIds()) {
      if (!onDisk.has(id)) {
        this.index.removeArticle(id);
        dropped++;
      }
    }
    let reindexed = 0;
    for (const [id, stamp] of onDisk) {
      if (this.index.stampOf(id) === stamp) continue;
      this.stopIfAbandoned();
      const data = (await readArticleFile(join(articlesDir, `${id}.json`))) ?? (await this.viaStore(id));
      if (!data) continue;
      this.index.setArticle(id, data.claims, data.pages, stamp);
      reindexed++;
    }
    await this.index.vocabulary.settle(() => setImmediate());
    return { loadedShards, reindexed, dropped, ms: performance.now() - started };
  }

  private stopIfAbandoned(): void {
    if (this.abandoned) throw new FactmarkError('internal', 'The library was closed while its claim index was loading');
  }

  /** An older-format or damaged article file, read (migrated or repaired) through the store. */
  private async viaStore(id: string): Promise<{ claims: ArticleData['claims']; pages?: PageStart[] } | null> {
    try {
      const data = await this.ctx.store.article(id);
      return { claims: data.claims, pages: data.article.pages };
    } catch {
      return null;
    }
  }

  /**
   * The library is closing: a load not finished yet is stopped (the index on disk stays as it
   * was), else the changed shards are written to search/ (write access only, unless `write` is
   * false), with the stamps of saves that happened this session.
   */
  async close(write: boolean): Promise<void> {
    if (this.preloadTimer) clearTimeout(this.preloadTimer);
    this.preloadTimer = null;
    if (this.catchUp) clearTimeout(this.catchUp);
    this.catchUp = null;
    if (!this.loading) return;
    if (!this.lastLoad) {
      this.abandoned = true;
      await this.loading.catch(() => undefined);
      return;
    }
    if (!write || this.ctx.store.access !== 'write') return;
    await this.current();
    for (let n = 0; n < SHARD_COUNT; n++) {
      const shard = this.index.shards[n];
      if (!shard.dirty) continue;
      for (const [id, stamp] of shard.stamps) {
        if (stamp === '') shard.stamps.set(id, (await fileStamp(join(this.ctx.store.articlesDir, `${id}.json`))) ?? '');
      }
      await saveShard(this.dataDir, n, this.index);
    }
  }
}

const indexes = new WeakMap<ServiceContext, LibraryIndex>();

/** The library index of a service context (one per open library). */
export function libraryIndex(ctx: ServiceContext): LibraryIndex {
  let index = indexes.get(ctx);
  if (!index) {
    index = new LibraryIndex(ctx);
    indexes.set(ctx, index);
  }
  return index;
}

/** Close a library's index: stop a load under way, else write it back if it changed and `write` allows; errors are ignored (it is rebuilt next time). */
export async function closeLibraryIndex(ctx: ServiceContext, write: boolean): Promise<void> {
  await indexes.get(ctx)?.close(write).catch(() => undefined);
}
