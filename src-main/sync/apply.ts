/**
 * Teammates' changes, applied to the library. The local PouchDB's changes feed is read from the
 * last applied sequence (kept in a _local document, which never replicates); each touched article
 * is brought in line with its documents inside the library's write queue, through the store's
 * validated writes (a malformed document is refused with a notice and never written). A claim
 * shows CouchDB's winner; its other leaves become the claim's conflictVersions (claim-merge.ts).
 */
import type { ServiceContext } from '../services/context';
import { SCHEMA_VERSION, type ArticleData } from '../store/files';
import { ClaimMerger, onlyLeaf, type MergeHooks } from './claim-merge';
import { closeLeaves, readLeaves, type DocLeaves } from './conflicts';
import { articleBody, articleDocId, articleFromDoc, keyMapOf, parseDocId, sameContent, type BatchKeyMap } from './documents';
import type { Mirror } from './mirror';
import type { PouchDatabase, PouchDoc } from './pouch';
import { PULL_BATCH } from './replication';

const APPLIED_DOC = '_local/factmark-applied';
/** How many articles one save of the library takes (one index write; the write queue is held that long). */
const ARTICLES_PER_SAVE = 16;

export interface ApplyHooks extends MergeHooks {
  /** A teammate's change reached this article. */
  applied(articleId: string): void;
  /** The article of this key left the library (its claims' conflicts with it). */
  articleGone(key: string): void;
}

/** A row of the mirror's changes feed. */
type ChangeRow = Awaited<ReturnType<PouchDatabase['changes']>>['results'][number];

interface Touched {
  article: boolean;
  claims: Set<string>;
  /** Every claim document of the article, as the changes that touched it were read (when they hold them all). */
  claimDocs?: PouchDoc[];
  /** The article document as the changes that touched it were read (its only leaf), when they hold it. */
  articleDoc?: PouchDoc;
}

export class Applier {
  private running: Promise<number> = Promise.resolve(0);
  /** Keys of the team's articles added while a new mirror filled, each with the sequence it was applied up to. */
  private readonly arrived = new Map<string, number>();
  /** Up to this sequence every change was taken by `addArrivals` (applied, or left to the full pass). */
  private arrivalsSeq: number | string = 0;
  /** Up to this sequence `addArrivals` read the changes; the rows it keeps waiting are in `waitingRows`. */
  private arrivalsRead: number | string = 0;
  private waitingRows: ChangeRow[] = [];
  /** Up to this sequence `addArrivals` applied every change (the full pass starts there). */
  private arrivalsCovered: number | string = 0;
  /** Keys `addArrivals` has met: a key met for the first time has all its documents in the changes read. */
  private readonly arrivalsMet = new Set<string>();
  private readonly merger: ClaimMerger;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly db: PouchDatabase,
    private readonly mirror: Mirror,
    private readonly hooks: ApplyHooks,
  ) {
    this.merger = new ClaimMerger(ctx, db, mirror, hooks);
  }

  /** Apply every change in the mirror since the last pass (up to sequence `until`); resolves to the number of articles changed. */
  pass(until?: number): Promise<number> {
    this.running = this.running.catch(() => 0).then(() => this.passNow(until));
    return this.running;
  }

  /**
   * While a new mirror fills from the team: add the team's articles this library does not hold as
   * their documents land (and keep those up to date), so the library fills during the pull rather
   * than after it. The key of the last document seen waits (its claims may be in the next batch);
   * the next full pass skips what this applied. Articles the library holds wait for that pass.
   */
  addArrivals(): Promise<number> {
    this.running = this.running.catch(() => 0).then(() => this.addArrivalsNow());
    return this.running;
  }

  private async addArrivalsNow(): Promise<number> {
    const feed = await this.db.changes({ since: this.arrivalsRead, limit: 2_000, return_docs: true, include_docs: true, conflicts: true });
    if (!feed.results.length) return 0;
    // Rows kept waiting from the last call, then the new ones (a document changed since is in its newer row).
    const fresh = new Set(feed.results.map((row) => row.id));
    const all = [...this.waitingRows.filter((row) => !fresh.has(row.id)), ...feed.results];
    this.arrivalsRead = feed.results[feed.results.length - 1].seq;
    // The pull writes a batch of documents at a time, sorted by id: an article in the last batch's
    // worth of rows may have more documents in the next batch, so it waits; the others are taken whole.
    const keyOf = (row: { id: string }) => parseDocId(row.id)?.key;
    const waiting = new Set(all.slice(-PULL_BATCH).map(keyOf));
    const cut = all.findIndex((row) => waiting.has(keyOf(row)));
    const rows = all.filter((row) => !waiting.has(keyOf(row)));
    this.waitingRows = all.filter((row) => waiting.has(keyOf(row)));
    // Every row up to the first waiting one is taken now.
    const upTo = cut < 0 ? this.arrivalsRead : cut > 0 ? all[cut - 1].seq : this.arrivalsSeq;
    let covered = this.arrivalsCovered === this.arrivalsSeq;
    this.arrivalsSeq = upTo;
    const touched = touchedKeys(rows);
    for (const [key, entry] of touched) if (!this.arrivalsMet.has(key)) entry.claimDocs = []; // met for the first time: all its documents are here
    for (const row of rows) {
      if (!row.doc || row.deleted) continue;
      const parsed = parseDocId(row.id);
      const entry = parsed && touched.get(parsed.key);
      if (parsed?.kind === 'claim') entry?.claimDocs?.push(row.doc);
      else if (entry) entry.articleDoc = row.doc;
    }
    for (const key of touched.keys()) this.arrivalsMet.add(key);
    let changed = 0;
    for (const [key, added] of await this.applyKeys([...touched], true)) {
      if (added === null) {
        covered = false;
        continue;
      }
      this.arrived.set(key, this.arrivalsRead);
      if (added) changed++;
    }
    if (covered) this.arrivalsCovered = upTo;
    return changed;
  }

  /** Record that the library already matches the mirror up to `seq` (after the mirror was written from it). */
  async markApplied(seq: number | string): Promise<void> {
    this.arrived.clear();
    this.arrivalsMet.clear();
    this.waitingRows = [];
    this.arrivalsCovered = 0;
    const { rev } = await this.appliedSeq();
    await this.db.put({ _id: APPLIED_DOC, ...(rev ? { _rev: rev } : {}), seq });
  }

  /** The keys of the articles `addArrivals` took from the team (the mirror holds them as they are). */
  get arrivedKeys(): ReadonlySet<string> {
    return new Set(this.arrived.keys());
  }

  /** True once a pass has run on this mirror (false for a new or rebuilt sync/ folder). */
  async hasRun(): Promise<boolean> {
    return (await this.appliedSeq()).rev !== undefined;
  }

  private async appliedSeq(): Promise<{ seq: number | string; rev?: string }> {
    try {
      const doc = await this.db.get(APPLIED_DOC);
      return { seq: doc.seq as number, rev: doc._rev };
    } catch {
      return { seq: 0 };
    }
  }

  private async passNow(until?: number): Promise<number> {
    let { seq, rev } = await this.appliedSeq();
    if (Number(seq) < Number(this.arrivalsCovered)) seq = this.arrivalsCovered; // applied as they arrived
    let changed = 0;
    for (;;) {
      const feed = until !== undefined && Number(seq) >= until ? { results: [], last_seq: seq } : await this.db.changes({ since: seq, limit: 2_000, return_docs: true });
      if (until !== undefined) feed.results = feed.results.filter((row) => row.seq <= until);
      if (!feed.results.length) {
        if (!rev) rev = (await this.db.put({ _id: APPLIED_DOC, seq })).rev;
        break;
      }
      const touched = touchedKeys(feed.results.filter((row) => row.seq > (this.arrived.get(parseDocId(row.id)?.key ?? '') ?? -1)));
      for (const applied of (await this.applyKeys([...touched])).values()) if (applied) changed++;
      seq = feed.last_seq;
      rev = (await this.db.put({ _id: APPLIED_DOC, ...(rev ? { _rev: rev } : {}), seq })).rev;
    }
    return changed;
  }

  /**
   * Apply the documents of several articles, a few articles per turn of the library's write queue,
   * each turn one batched save of the library (one index write). Each key's outcome: true when
   * its article changed, false when not; with `arriving` (addArrivals), null when it is left to
   * the full pass (the library's own article, or no article document yet).
   */
  private async applyKeys(entries: Array<[string, Touched]>, arriving = false): Promise<Map<string, boolean | null>> {
    const out = new Map<string, boolean | null>();
    for (let i = 0; i < entries.length; i += ARTICLES_PER_SAVE) {
      await this.ctx.exclusive(() => this.applyTurn(entries.slice(i, i + ARTICLES_PER_SAVE), arriving, out));
    }
    return out;
  }

  private async applyTurn(entries: Array<[string, Touched]>, arriving: boolean, out: Map<string, boolean | null>): Promise<void> {
    await this.mirror.drain(); // our own unsent edits go in first, so a race becomes a conflict, never an overwrite
    const keys = await keyMapOf(this.ctx);
    const saves: ArticleData[] = [];
    const deletes: Array<{ id: string; key: string }> = [];
    for (const [key, touched] of entries) {
      if (arriving && keys.idOf(key) && !this.arrived.has(key)) {
        out.set(key, null); // the library's own article: the full pass
        continue;
      }
      const step = await this.planKey(key, touched, keys);
      if (step && 'save' in step) saves.push(step.save);
      if (step && 'delete' in step) deletes.push({ id: step.delete, key });
      // Not added (no article document yet, or deleted): the full pass.
      out.set(key, arriving && (!keys.idOf(key) || (step && 'delete' in step)) ? null : step !== null);
    }
    try {
      if (saves.length) await this.mirror.fromMirror(() => this.ctx.store.writeArticles(saves));
      for (const { id, key } of deletes) {
        await this.mirror.fromMirror(() => this.ctx.store.deleteArticle(id));
        this.hooks.articleGone(key);
        this.hooks.applied(id);
      }
    } finally {
      for (const data of saves) this.hooks.applied(data.article.id); // (one that failed to save is only shown again)
    }
  }

  /** What one article's documents ask of the library: a save, a deletion (of the local id), or nothing. */
  private async planKey(key: string, touched: Touched, keys: BatchKeyMap): Promise<{ save: ArticleData } | { delete: string } | null> {
    const localId = keys.idOf(key);
    let article: DocLeaves | null = null;
    if (touched.article || !localId) {
      article = onlyLeaf(touched.articleDoc) ?? (await readLeaves(this.db, articleDocId(key)));
      // Article documents hold metadata only (the text never changes): the winner stands.
      if (article.conflicts.length) await closeLeaves(this.db, article.conflicts);
    }
    const articleDoc = article?.winner ?? null;
    if (!localId) {
      if (articleDoc?._deleted) this.hooks.articleGone(key);
      if (!articleDoc || articleDoc._deleted) return null;
      return this.planNew(key, articleDoc, keys, touched.claimDocs);
    }
    if (articleDoc?._deleted && touched.article) return { delete: localId };
    const data = await this.ctx.store.article(localId);
    let nextArticle = data.article;
    if (articleDoc && !sameContent(articleDoc, articleBody(data.article, keys))) {
      try {
        nextArticle = articleFromDoc(articleDoc, localId, keys);
      } catch (error) {
        this.merger.refuse(articleDoc, error);
      }
    }
    const claims = await this.merger.merge(key, data, nextArticle.id, touched.claims, keys);
    if (nextArticle === data.article && claims === data.claims) return null;
    return { save: { ...data, article: nextArticle, claims } };
  }

  /** A team's article new to this library, with its claims (null when its document is malformed). */
  private async planNew(key: string, doc: PouchDoc, keys: BatchKeyMap, claimDocs?: PouchDoc[]): Promise<{ save: ArticleData } | null> {
    const wanted = (doc.article as { id?: unknown } | undefined)?.id;
    const taken = typeof wanted !== 'string' || keys.keyOf(wanted) !== undefined;
    let data: ArticleData;
    try {
      data = { schemaVersion: SCHEMA_VERSION, article: articleFromDoc(doc, taken ? this.ctx.newId() : (wanted as string), keys), claims: [] };
    } catch (error) {
      this.merger.refuse(doc, error);
      return null;
    }
    keys.add(data.article.id, key);
    data.claims = await this.merger.merge(key, data, data.article.id, claimDocs ?? 'all', keys);
    return { save: data };
  }
}

/** The articles a run of changes touches, in order: whether the article document changed, and which claims. */
function touchedKeys(rows: Array<{ id: string }>): Map<string, Touched> {
  const touched = new Map<string, Touched>();
  for (const row of rows) {
    const parsed = parseDocId(row.id);
    if (!parsed) continue;
    const entry = touched.get(parsed.key) ?? { article: false, claims: new Set<string>() };
    touched.set(parsed.key, entry);
    if (parsed.kind === 'article') entry.article = true;
    else entry.claims.add(parsed.claimId);
  }
  return touched;
}
