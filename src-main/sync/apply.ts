/**
 * Teammates' changes, applied to the library. The local PouchDB's changes feed is read from the
 * last applied sequence (kept in a _local document, which never replicates); each touched article
 * is brought in line with its documents inside the library's write queue, through the store's
 * validated writes (a malformed document is refused with a notice and never written). A claim
 * shows CouchDB's winner; its other leaves become the claim's conflictVersions.
 */
import { z } from 'zod';
import type { ClaimRecord } from '../../src-shared/model';
import type { ServiceContext } from '../services/context';
import { vouchChecked } from '../store/checked';
import { SCHEMA_VERSION, type ArticleData } from '../store/files';
import { closeLeaves, conflictVersionOf, readLeaves, type DocLeaves } from './conflicts';
import { articleBody, articleDocId, articleFromDoc, canonical, claimDocId, claimFromDoc, claimIdOf, claimKeyOf, claimRange, keyMapOf, parseDocId, sameContent, type BatchKeyMap, type KeyMap } from './documents';
import type { Mirror } from './mirror';
import type { PouchDatabase, PouchDoc } from './pouch';
import { PULL_BATCH } from './replication';

const APPLIED_DOC = '_local/factmark-applied';
/** From how many claims of one article a read of all its claims (one index range) beats reading them by id. */
const RANGE_FROM = 16;
/** How many articles one save of the library takes (one index write; the write queue is held that long). */
const ARTICLES_PER_SAVE = 16;

export interface ApplyHooks {
  /** A teammate's change reached this article. */
  applied(articleId: string): void;
  /** A document was refused (malformed); said once per document revision. */
  refused(docId: string, reason: string): void;
  /** A claim's conflict appeared or cleared. */
  conflict(docId: string, conflicted: boolean): void;
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

/** A document's leaves when a read of its winner shows they can only be that one: a live first revision with no conflicts (anything else may have more, e.g. a losing deletion). */
const onlyLeaf = (doc: PouchDoc | null | undefined): DocLeaves | null =>
  doc && !doc._deleted && Number.parseInt(doc._rev ?? '', 10) === 1 && !doc._conflicts ? { winner: doc, conflicts: [], losers: [] } : null;


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

  constructor(
    private readonly ctx: ServiceContext,
    private readonly db: PouchDatabase,
    private readonly mirror: Mirror,
    private readonly hooks: ApplyHooks,
  ) {}

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
      for (const { id } of deletes) await this.mirror.fromMirror(() => this.ctx.store.deleteArticle(id));
    } finally {
      for (const data of saves) this.hooks.applied(data.article.id); // (one that failed to save is only shown again)
    }
    for (const { id, key } of deletes) {
      this.hooks.articleGone(key);
      this.hooks.applied(id);
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
        this.refuse(articleDoc, error);
      }
    }
    const claims = await this.mergeClaims(key, data, nextArticle.id, touched.claims, keys);
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
      this.refuse(doc, error);
      return null;
    }
    keys.add(data.article.id, key);
    data.claims = await this.mergeClaims(key, data, data.article.id, claimDocs ?? 'all', keys);
    return { save: data };
  }

  /** The article's claims with the given claim documents applied; the same array when nothing changed. */
  private async mergeClaims(key: string, data: ArticleData, articleId: string, ids: Set<string> | PouchDoc[] | 'all', keys: KeyMap): Promise<ClaimRecord[]> {
    if (ids instanceof Set && !ids.size) return data.claims;
    const text = this.ctx.texts.of(data.article);
    const claims = [...data.claims];
    let changed = false;
    for (const [claimId, leaves] of await this.leavesOf(key, ids instanceof Set ? [...ids] : ids)) {
      const docId = claimDocId(key, claimId);
      const at = claims.findIndex((c) => c.id === claimId);
      const local = at >= 0 ? claims[at] : undefined;
      if (leaves.winner?._rev) this.mirror.base.set(docId, leaves.winner._rev);
      if (!leaves.winner || leaves.winner._deleted) {
        this.hooks.conflict(docId, false);
        if (local) {
          claims.splice(at, 1);
          changed = true;
        }
        continue;
      }
      let claim: ClaimRecord;
      try {
        claim = claimFromDoc(leaves.winner, articleId, local?.revision ?? 1, keys);
        const { start, end } = claim.target.position;
        if (text.slice(start, end) !== claim.target.quote.exact) throw new Error('its quote is not at its place in the article');
      } catch (error) {
        this.refuse(leaves.winner, error);
        continue;
      }
      const versions = leaves.conflicts.flatMap((leaf) => conflictVersionOf(leaf, claim.updatedAt) ?? []);
      if (versions.length) claim.conflictVersions = versions;
      this.hooks.conflict(docId, versions.length > 0);
      if (local && canonical({ ...local, revision: 0 }) === canonical({ ...claim, revision: 0 })) continue;
      claim.revision = local ? local.revision + 1 : 1;
      // Parsed by claimFromDoc, since given only a valid revision: the store need not parse it again
      // (one with conflict versions, whose count the schema bounds, it still checks).
      if (!versions.length) vouchChecked(claim);
      if (local) claims[at] = claim;
      else claims.push(claim);
      changed = true;
    }
    return changed ? claims : data.claims;
  }

  /**
   * Leaves of claim documents (the given ones, or all of the article's live ones — read, or as
   * given): one read of the winners (a range over the article's claims when many are asked), then
   * the full tree, in parallel, only where there can be more than one leaf.
   */
  private async leavesOf(key: string, wanted: string[] | PouchDoc[] | 'all'): Promise<Map<string, DocLeaves>> {
    const winners = new Map<string, { rev: string; doc?: PouchDoc | null }>();
    if (wanted !== 'all' && typeof wanted[0] === 'object') {
      for (const doc of wanted as PouchDoc[]) winners.set(doc._id, { rev: doc._rev!, doc });
      wanted = 'all';
    } else if (wanted === 'all' || wanted.length >= RANGE_FROM) {
      for (const row of (await this.db.allDocs({ ...claimRange(key), include_docs: true, conflicts: true })).rows) winners.set(row.id, row.value && { rev: row.value.rev, doc: row.doc });
    } else {
      for (const row of (await this.db.allDocs({ keys: (wanted as string[]).map((id) => claimDocId(key, id)), include_docs: true, conflicts: true })).rows) if (row.value && !row.value.deleted) winners.set(row.id, { rev: row.value.rev, doc: row.doc });
    }
    const claimIds = wanted === 'all' ? [...winners.keys()].flatMap((id) => claimIdOf(id) ?? []) : (wanted as string[]);
    const out = new Map<string, DocLeaves>();
    await Promise.all(
      claimIds.map(async (claimId) => {
        const docId = claimDocId(key, claimId);
        const winner = winners.get(docId);
        out.set(claimId, (winner?.doc && winner.rev === winner.doc._rev && onlyLeaf(winner.doc)) || (await readLeaves(this.db, docId)));
      }),
    );
    return new Map(claimIds.map((id) => [id, out.get(id)!]));
  }

  private refuse(doc: PouchDoc, error: unknown): void {
    const reason = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0] : (error as Error).message;
    this.hooks.refused(`${doc._id}@${doc._rev}`, reason ?? 'malformed');
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
