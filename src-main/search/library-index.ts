/**
 * The claim index of one open library: loaded from search/ (or rebuilt from the article files)
 * on first use, checked against every article file's stamp so it is never stale, kept current
 * after each article save or delete (off the save's path, shortly after it or at the next
 * query, whichever comes first), and written back on close.
 */
import { join } from 'node:path';
import type { ArticleData } from '../store/files';
import type { ServiceContext } from '../services/context';
import { ClaimIndex, SHARD_COUNT, type PageStart } from './claim-index';
import { articleStamps, fileStamp, loadShard, readArticleFile, saveShard } from './index-files';

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

  /** Whether saves are waiting to be taken in. */
  get behind(): boolean {
    return this.pending.size > 0;
  }

  /** The index, loaded and current with every save so far. */
  async current(): Promise<ClaimIndex> {
    this.loading ??= this.load();
    this.lastLoad = await this.loading;
    this.applyPending();
    return this.index;
  }

  private async load(): Promise<IndexLoadStats> {
    const started = performance.now();
    await this.ctx.store.open();
    const articlesDir = this.ctx.store.articlesDir;
    const onDisk = await articleStamps(articlesDir, ID_PATTERN);
    let loadedShards = 0;
    for (let n = 0; n < SHARD_COUNT; n++) if (await loadShard(this.dataDir, n, this.index)) loadedShards++;
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
      const data = (await readArticleFile(join(articlesDir, `${id}.json`))) ?? (await this.viaStore(id));
      if (!data) continue;
      this.index.setArticle(id, data.claims, data.pages, stamp);
      reindexed++;
    }
    return { loadedShards, reindexed, dropped, ms: performance.now() - started };
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

  /** Write changed shards to search/ (write access only); stamps saves that happened this session. */
  async persist(): Promise<void> {
    if (!this.loading || this.ctx.store.access !== 'write') return;
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

/** Write the index back to disk if it was used and changed; errors are ignored (it is rebuilt next time). */
export async function persistLibraryIndex(ctx: ServiceContext): Promise<void> {
  await indexes.get(ctx)?.persist().catch(() => undefined);
}
