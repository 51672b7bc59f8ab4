/**
 * The mirror: every saved change of the library, copied into the local PouchDB as documents (see
 * documents.ts) after the save returns — saving never waits for it. Changes are noted per article
 * (which claims changed) and written in batches; a document that already holds the content is not
 * written again, so a teammate's change applied to the library never echoes back. `reconcile`
 * brings the whole mirror in line with the library (on start, or after sync/ was deleted).
 */
import { createHash } from 'node:crypto';
import type { ArticleData } from '../store/files';
import type { ServiceContext } from '../services/context';
import { articleBody, articleDocId, claimBody, claimDocId, canonical, claimRange, keyMapOf, parseDocId, sameContent, wellFormed, type ArticleBody, type ClaimBody, type KeyMap } from './documents';
import { readCurrent, type CurrentDoc } from './current';
import { FreshDocs } from './fresh';
import type { PouchDatabase, PouchDoc } from './pouch';

interface PendingArticle {
  /** The article's key when it was deleted (its claims are then tombstoned). */
  deletedKey?: string;
  articleChanged: boolean;
  claims: Set<string>;
  /** Whether the team has the article (its document is in the mirror); read when not given. */
  shared?: boolean;
}

export interface MirrorOptions {
  /** Articles not sent to the team (an untouched bundled sample), unless the team already has them. */
  keepLocal(data: ArticleData): boolean;
  /** Who deletes (recorded on tombstones so a deletion that races an edit can say who and when). */
  stamp(): Promise<{ reviewer: string; at: string }>;
  onError(error: unknown): void;
}

/** Documents per mirror read/write (PouchDB's own replication batches are of this order). */
const BATCH = 1_000;

/** Writes collected across articles, so they go to the mirror in a few large batches. */
class WritePlan {
  readonly upserts: Array<{ id: string; body: ArticleBody | ClaimBody }> = [];
  readonly tombstones = new Map<string, string[]>();

  tombstone(key: string, ids: string[]): void {
    if (ids.length) this.tombstones.set(key, [...(this.tombstones.get(key) ?? []), ...ids]);
  }
}

export class Mirror {
  private readonly pending = new Map<string, PendingArticle>();
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;
  private applying = false;
  private readonly unsubscribe: () => void;
  /** The revision each document had when the library last matched it (what a local edit is based on). */
  readonly base = new Map<string, string>();
  /** Documents just created, for a catch-up push to send without reading them back. */
  readonly fresh = new FreshDocs();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly db: PouchDatabase,
    private readonly options: MirrorOptions,
  ) {
    this.unsubscribe = ctx.store.onArticleSaved((change) => this.note(change));
  }

  /** Articles with changes not yet in the mirror. */
  get queued(): number {
    return this.pending.size;
  }

  stop(): void {
    this.unsubscribe();
  }

  /**
   * Save what came from the mirror itself (a teammate's change, a resolved conflict): the mirror
   * already holds it, so it is not noted — noting it could write a stale copy back beside a newer
   * revision that arrived meanwhile.
   */
  async fromMirror<T>(write: () => Promise<T>): Promise<T> {
    this.applying = true;
    try {
      return await write();
    } finally {
      this.applying = false;
    }
  }

  private note({ articleId, previous, next }: { articleId: string; previous: ArticleData | null; next: ArticleData | null }): void {
    if (this.applying) return;
    const entry = this.pending.get(articleId) ?? { articleChanged: false, claims: new Set<string>() };
    this.pending.set(articleId, entry);
    if (!next) {
      entry.deletedKey = previous?.article.textHash;
      for (const claim of previous?.claims ?? []) entry.claims.add(claim.id);
    } else {
      delete entry.deletedKey;
      if (!previous || previous.article !== next.article) entry.articleChanged = true;
      const before = new Map((previous?.claims ?? []).map((c) => [c.id, c]));
      for (const claim of next.claims) if (before.get(claim.id) !== claim) entry.claims.add(claim.id);
      const now = new Set(next.claims.map((c) => c.id));
      for (const id of before.keys()) if (!now.has(id)) entry.claims.add(id);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.drain().catch((error) => this.options.onError(error));
      });
    }
  }

  /** Write every noted change into the mirror; resolves when they are all there. */
  drain(): Promise<void> {
    this.running = this.running.catch(() => undefined).then(() => this.writePending());
    return this.running;
  }

  private async writePending(): Promise<void> {
    while (this.pending.size) {
      const keys = await keyMapOf(this.ctx);
      const batch = [...this.pending];
      this.pending.clear();
      const plan = new WritePlan();
      try {
        for (const [articleId, entry] of batch) await this.planArticle(articleId, entry, keys, plan);
        await this.carryOut(plan);
      } catch (error) {
        for (const [articleId, entry] of batch) if (!this.pending.has(articleId)) this.pending.set(articleId, entry); // again on the next drain
        throw error;
      }
    }
  }

  /** What the mirror must write for one article's noted changes. */
  private async planArticle(articleId: string, entry: PendingArticle, keys: KeyMap, plan: WritePlan): Promise<void> {
    const data = entry.deletedKey === undefined ? await this.ctx.store.article(articleId).catch(() => null) : null;
    if (!data) {
      const key = entry.deletedKey;
      if (!key) return;
      const stillHere = keys.idOf(key); // another local article with the same text keeps the document
      const ids = [...entry.claims].map((id) => claimDocId(key, id));
      plan.tombstone(key, stillHere ? ids : [articleDocId(key), ...ids]);
      return;
    }
    const key = data.article.textHash;
    // Once shared, an article stays shared (a sample whose claims were all deleted looks untouched again).
    const shared = entry.shared ?? (await this.shared(key));
    if (this.options.keepLocal(data) && !shared) return;
    if (entry.articleChanged || !shared) plan.upserts.push({ id: articleDocId(key), body: articleBody(data.article, keys) });
    const byId = new Map(data.claims.map((c) => [c.id, c]));
    const gone: string[] = [];
    for (const id of entry.claims) {
      const claim = byId.get(id);
      if (claim) plan.upserts.push({ id: claimDocId(key, id), body: claimBody(claim, key, keys) });
      else gone.push(claimDocId(key, id));
    }
    plan.tombstone(key, gone);
  }

  /** True when the team has the article of this key (its document is in the mirror, not deleted). */
  private async shared(key: string): Promise<boolean> {
    const row = (await this.db.allDocs({ keys: [articleDocId(key)] })).rows[0];
    return !!row?.value && !row.value.deleted;
  }

  /** Write a plan: what the mirror holds read once, then written in batches. */
  private async carryOut(plan: WritePlan): Promise<void> {
    const current = await readCurrent(this.db, [...plan.upserts.map((w) => w.id), ...[...plan.tombstones.values()].flat()]);
    for (let i = 0; i < plan.upserts.length; i += BATCH) await this.upsert(plan.upserts.slice(i, i + BATCH), current);
    for (const [key, ids] of plan.tombstones) await this.tombstone(ids, key, current);
  }

  /** Put each body unless its document already holds it (a deleted document is brought back). */
  private async upsert(writes: Array<{ id: string; body: ArticleBody | ClaimBody }>, current: Map<string, CurrentDoc>): Promise<void> {
    const docs: PouchDoc[] = [];
    const branches: PouchDoc[] = [];
    for (const { id, body } of writes) {
      const now = current.get(id);
      if (now?.doc && sameContent(now.doc, body)) {
        this.base.set(id, now.rev);
        continue;
      }
      const base = this.base.get(id);
      if (base && now && base !== now.rev) branches.push(await this.branchOff(id, base, body));
      else docs.push({ ...body, _id: id, ...(now ? { _rev: now.rev } : {}) } as PouchDoc);
    }
    await this.write(docs);
    await this.writeBranches(branches);
  }

  /** Delete documents that exist and are not deleted yet, recording who and when. */
  private async tombstone(ids: string[], key: string, current: Map<string, CurrentDoc>): Promise<void> {
    const { reviewer, at } = await this.options.stamp();
    const docs: PouchDoc[] = [];
    const branches: PouchDoc[] = [];
    for (const id of ids) {
      const now = current.get(id);
      if (!now || now.deleted) continue;
      const body = { _deleted: true, kind: id.startsWith('article:') ? 'article' : 'claim', article: key, deletedBy: reviewer, deletedAt: at };
      const base = this.base.get(id);
      // Deleted here while a teammate's edit arrived: the deletion branches off what we saw (a conflict, not a loss).
      if (base && base !== now.rev) branches.push(await this.branchOff(id, base, body));
      else docs.push({ ...body, _id: id, _rev: now.rev });
    }
    await this.write(docs);
    await this.writeBranches(branches);
  }

  /**
   * A local edit made on a revision a teammate's change has since replaced: written as a sibling
   * of that change (a child of the revision it was based on), so CouchDB records a conflict.
   */
  private async branchOff(id: string, baseRev: string, body: object): Promise<PouchDoc> {
    const base = await this.db.get(id, { rev: baseRev, revs: true });
    const history = base._revisions?.ids ?? [baseRev.slice(baseRev.indexOf('-') + 1)];
    const start = Number.parseInt(baseRev, 10) + 1;
    const hash = createHash('md5').update(`${baseRev}:${canonical(body)}`).digest('hex');
    return { ...body, _id: id, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...history] } } as PouchDoc;
  }

  private async writeBranches(docs: PouchDoc[]): Promise<void> {
    if (!docs.length) return;
    await this.db.bulkDocs(docs, { new_edits: false });
    for (const doc of docs) this.base.set(doc._id, doc._rev!);
  }

  private async write(docs: PouchDoc[]): Promise<void> {
    if (!docs.length) return;
    const results = await this.db.bulkDocs(docs);
    results.forEach((r, i) => {
      if (!r.ok || !r.id || !r.rev) return;
      this.base.set(r.id, r.rev);
      if (!docs[i]._rev) this.fresh.created(docs[i], r.rev);
    });
    const failed = results.filter((r) => r.error);
    // A replicated revision landed between our read and our write: note those again and retry.
    if (failed.some((r) => r.status !== 409)) throw new Error(`The local mirror refused a write: ${failed[0].message ?? failed[0].error}`);
    if (failed.length) {
      for (const r of failed) {
        const parsed = r.id ? parseDocId(r.id) : null;
        const articleId = parsed ? (await keyMapOf(this.ctx)).idOf(parsed.key) : undefined;
        if (!parsed || !articleId) continue;
        const entry = this.pending.get(articleId) ?? { articleChanged: false, claims: new Set<string>() };
        if (parsed.kind === 'article') entry.articleChanged = true;
        else entry.claims.add(parsed.claimId);
        this.pending.set(articleId, entry);
      }
    }
  }

  /**
   * Bring the mirror in line with the library: every article and claim written where it differs;
   * documents of articles and claims deleted here while the mirror was not watching are deleted
   * (only valid ones that the library once held: a teammate's document not applied yet is kept).
   * Articles `fromMirror` names (by key) came from the mirror during this set-up and are skipped.
   */
  async reconcile(options: { deleteOrphans: boolean; fromMirror?: ReadonlySet<string> }): Promise<void> {
    const keys = await keyMapOf(this.ctx);
    const local = new Map<string, ArticleData>();
    const rows = (await this.ctx.store.index()).articles;
    const known = await readCurrent(this.db, rows.map((row) => articleDocId(row.textHash)));
    const plan = new WritePlan();
    for (const row of rows) {
      const data = await this.ctx.store.article(row.id).catch(() => null);
      const held = known.get(articleDocId(row.textHash));
      const shared = !!held && !held.deleted;
      if (!data || (this.options.keepLocal(data) && !shared) || keys.idOf(data.article.textHash) !== row.id) continue;
      local.set(data.article.textHash, data);
      if (options.fromMirror?.has(row.textHash)) continue; // taken from the mirror just now: nothing to write back
      // The team's metadata of an article it already holds stands (it arrives with the next pass).
      await this.planArticle(row.id, { articleChanged: false, shared, claims: new Set(data.claims.map((c) => c.id)) }, keys, plan);
    }
    await this.carryOut(plan);
    if (!options.deleteOrphans) return;
    const all = await this.db.allDocs({ include_docs: true });
    const orphans: Array<{ id: string; key: string }> = [];
    for (const row of all.rows) {
      const parsed = parseDocId(row.id);
      if (!parsed || !row.doc) continue;
      const data = local.get(parsed.key);
      const orphan = parsed.kind === 'article' ? !data && !keys.idOf(parsed.key) : !!data && !data.claims.some((c) => c.id === parsed.claimId);
      if (orphan && wellFormed(row.doc, keys)) orphans.push({ id: row.id, key: parsed.key }); // a malformed teammate's document: never applied, never deleted by us
    }
    const gone = new WritePlan();
    for (const { id, key } of orphans) gone.tombstone(key, [id, ...(id.startsWith('article:') ? (await this.db.allDocs(claimRange(key))).rows.map((r) => r.id) : [])]);
    await this.carryOut(gone);
  }
}

