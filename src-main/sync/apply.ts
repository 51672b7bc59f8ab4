/**
 * Teammates' changes, applied to the library. The local PouchDB's changes feed is read from the
 * last applied sequence (kept in a _local document, which never replicates); each touched article
 * is brought in line with its documents inside the library's write queue, through the store's
 * validated writes (a malformed document is refused with a notice and never written). A claim
 * shows CouchDB's winner; its other leaves become the claim's conflictVersions (claim-merge.ts).
 */
import type { ServiceContext } from '../services/context';
import { SCHEMA_VERSION, type ArticleData } from '../store/files';
import { Arrivals } from './arrivals';
import { ClaimMerger, type ArrivedClaims, type MergeHooks } from './claim-merge';
import { closeLeaves, readLeaves, type DocLeaves } from './conflicts';
import { articleBody, articleDocId, articleFromDoc, keyMapOf, parseDocId, sameContent, type BatchKeyMap } from './documents';
import type { Mirror } from './mirror';
import type { PouchDatabase, PouchDoc } from './pouch';

const APPLIED_DOC = '_local/factmark-applied';
/** How many articles one save of the library takes (one index write; the write queue is held that long). */
const ARTICLES_PER_SAVE = 16;

export interface ApplyHooks extends MergeHooks {
  /** A teammate's change reached this article. */
  applied(articleId: string): void;
  /** The article of this key left the library (its claims' conflicts with it). */
  articleGone(key: string): void;
}

interface Touched {
  article: boolean;
  claims: Set<string>;
  /** Claim documents as they arrived (arrive): each id with its leaves, or null where they must be read. */
  claimLeaves?: ArrivedClaims;
  /** The article document's leaves, when known from its arrival. */
  articleLeaves?: DocLeaves;
}

export class Applier {
  private running: Promise<number> = Promise.resolve(0);
  /** Keys of the team's articles added while a new mirror filled, each with the mirror's sequence it was applied up to. */
  private readonly arrived = new Map<string, number>();
  /** Documents the pull wrote into the new mirror, not taken yet. */
  private readonly arrivals = new Arrivals();
  private arrivalsQueued = false;
  /** False once an arrival was left to the full pass (or failed): that pass must then read every change. */
  private arrivalsWhole = true;
  /** Up to this sequence `arrive` applied every change (the full pass starts there). */
  private arrivalsCovered: number | string = 0;
  /** Keys `arrive` has met: a key met for the first time has all its documents in the batches taken. */
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
   * While a new, empty mirror fills from the team: a batch of documents the pull has just written
   * (its 'change' event). The team's articles this library does not hold are added from these
   * documents as they land (and kept up to date), so the library fills during the pull rather than
   * after it, without reading the documents back. The pull brings every leaf of a document in
   * one batch, so a document that arrived once is its only leaf; one that arrived more than once
   * has its leaves read. An article in the last batch waits (its claims may be in the next one).
   * Articles the library holds wait for the full pass.
   */
  arrive(docs: PouchDoc[]): void {
    this.arrivals.add(docs);
    if (this.arrivalsQueued) return;
    this.arrivalsQueued = true;
    this.running = this.running.catch(() => 0).then(() => {
      this.arrivalsQueued = false;
      return this.addArrivalsNow(false);
    });
  }

  /**
   * The pull into the new, empty mirror finished at the mirror's sequence `seq`: take what waits;
   * the full pass starts at `seq` when arrivals were taken and every one of them was (a mirror that
   * was not empty, e.g. left half set up, is applied by the full pass from its start).
   */
  finishArrivals(seq: number): Promise<number> {
    this.running = this.running.catch(() => 0).then(async () => {
      const changed = await this.addArrivalsNow(true);
      if (this.arrivalsWhole && this.arrivalsMet.size > 0) this.arrivalsCovered = seq;
      return changed;
    });
    return this.running;
  }

  private async addArrivalsNow(final: boolean): Promise<number> {
    const docs = this.arrivals.take(final, this.arrivalsMet);
    if (!docs.length) return 0;
    try {
      const seq = Number((await this.db.info()).update_seq); // every document taken here is in the mirror by now
      const touched = touchedKeys(docs.map((doc) => doc._id));
      // Met for the first time, all its documents are here; one added already gets these ones merged
      // (one met before and not added, the library's own article, is left to the full pass again).
      for (const [key, entry] of touched) if (!this.arrivalsMet.has(key) || this.arrived.has(key)) entry.claimLeaves = new Map();
      for (const doc of docs) {
        const parsed = parseDocId(doc._id);
        const entry = parsed && touched.get(parsed.key);
        if (!parsed || !entry?.claimLeaves) continue;
        const leaves = this.arrivals.leavesOf(doc);
        if (parsed.kind === 'claim') entry.claimLeaves.set(doc._id, leaves);
        else if (leaves) entry.articleLeaves = leaves;
      }
      for (const key of touched.keys()) this.arrivalsMet.add(key);
      let changed = 0;
      for (const [key, added] of await this.applyKeys([...touched], true)) {
        if (added === null) {
          this.arrivalsWhole = false;
          continue;
        }
        this.arrived.set(key, seq);
        if (added) changed++;
      }
      return changed;
    } catch (error) {
      this.arrivalsWhole = false;
      throw error;
    }
  }

  /** Record that the library already matches the mirror up to `seq` (after the mirror was written from it). */
  async markApplied(seq: number | string): Promise<void> {
    this.arrived.clear();
    this.arrivalsMet.clear();
    this.arrivals.clear();
    this.arrivalsWhole = true;
    this.arrivalsCovered = 0;
    const { rev } = await this.appliedSeq();
    await this.db.put({ _id: APPLIED_DOC, ...(rev ? { _rev: rev } : {}), seq });
  }

  /** The keys of the articles `arrive` took from the team (the mirror holds them as they are). */
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
      const touched = touchedKeys(feed.results.filter((row) => row.seq > (this.arrived.get(parseDocId(row.id)?.key ?? '') ?? -1)).map((row) => row.id));
      for (const applied of (await this.applyKeys([...touched])).values()) if (applied) changed++;
      seq = feed.last_seq;
      rev = (await this.db.put({ _id: APPLIED_DOC, ...(rev ? { _rev: rev } : {}), seq })).rev;
    }
    return changed;
  }

  /**
   * Apply the documents of several articles, a few articles per turn of the library's write queue,
   * each turn one batched save of the library (one index write). Each key's outcome: true when
   * its article changed, false when not; with `arriving` (arrive), null when it is left to
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
      // Every document of a key new here has been seen (its article's, if the pull brought one): what
      // the full pass would make of them is done (added, or nothing to add: deleted, malformed).
      out.set(key, arriving && step && 'delete' in step ? null : step !== null);
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
      article = touched.articleLeaves ?? (await readLeaves(this.db, articleDocId(key)));
      // Article documents hold metadata only (the text never changes): the winner stands.
      if (article.conflicts.length) await closeLeaves(this.db, article.conflicts);
    }
    const articleDoc = article?.winner ?? null;
    if (!localId) {
      if (articleDoc?._deleted) this.hooks.articleGone(key);
      if (!articleDoc || articleDoc._deleted) return null;
      return this.planNew(key, articleDoc, keys, touched.claimLeaves);
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
    const claims = await this.merger.merge(key, data, nextArticle.id, touched.claimLeaves ?? touched.claims, keys);
    if (nextArticle === data.article && claims === data.claims) return null;
    return { save: { ...data, article: nextArticle, claims } };
  }

  /** A team's article new to this library, with its claims (null when its document is malformed). */
  private async planNew(key: string, doc: PouchDoc, keys: BatchKeyMap, claimLeaves?: ArrivedClaims): Promise<{ save: ArticleData } | null> {
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
    data.claims = await this.merger.merge(key, data, data.article.id, claimLeaves ?? 'all', keys);
    return { save: data };
  }
}

/** The articles a run of changes touches, in order: whether the article document changed, and which claims. */
function touchedKeys(docIds: string[]): Map<string, Touched> {
  const touched = new Map<string, Touched>();
  for (const docId of docIds) {
    const parsed = parseDocId(docId);
    if (!parsed) continue;
    const entry = touched.get(parsed.key) ?? { article: false, claims: new Set<string>() };
    touched.set(parsed.key, entry);
    if (parsed.kind === 'article') entry.article = true;
    else entry.claims.add(parsed.claimId);
  }
  return touched;
}
