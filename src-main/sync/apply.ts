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
import { SCHEMA_VERSION, type ArticleData } from '../store/files';
import { closeLeaves, conflictVersionOf, readLeaves, type DocLeaves } from './conflicts';
import { articleBody, articleDocId, articleFromDoc, canonical, claimDocId, claimFromDoc, claimRange, parseDocId, sameContent, type KeyMap } from './documents';
import { keyMapOf, type Mirror } from './mirror';
import type { PouchDatabase, PouchDoc } from './pouch';

const APPLIED_DOC = '_local/factmark-applied';

export interface ApplyHooks {
  /** A teammate's change reached this article. */
  applied(articleId: string): void;
  /** A document was refused (malformed); said once per document revision. */
  refused(docId: string, reason: string): void;
  /** A claim's conflict appeared or cleared. */
  conflict(docId: string, conflicted: boolean): void;
}

interface Touched {
  article: boolean;
  claims: Set<string>;
}

export class Applier {
  private running: Promise<number> = Promise.resolve(0);

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

  /** Record that the library already matches the mirror up to `seq` (after the mirror was written from it). */
  async markApplied(seq: number | string): Promise<void> {
    const { rev } = await this.appliedSeq();
    await this.db.put({ _id: APPLIED_DOC, ...(rev ? { _rev: rev } : {}), seq });
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
    let changed = 0;
    for (;;) {
      const feed = await this.db.changes({ since: seq, limit: 2_000, return_docs: true });
      if (until !== undefined) feed.results = feed.results.filter((row) => row.seq <= until);
      if (!feed.results.length) {
        if (!rev) rev = (await this.db.put({ _id: APPLIED_DOC, seq })).rev;
        break;
      }
      const touched = new Map<string, Touched>();
      for (const row of feed.results) {
        const parsed = parseDocId(row.id);
        if (!parsed) continue;
        const entry = touched.get(parsed.key) ?? { article: false, claims: new Set<string>() };
        touched.set(parsed.key, entry);
        if (parsed.kind === 'article') entry.article = true;
        else entry.claims.add(parsed.claimId);
      }
      for (const [key, entry] of touched) if (await this.ctx.exclusive(() => this.applyKey(key, entry))) changed++;
      seq = feed.last_seq;
      rev = (await this.db.put({ _id: APPLIED_DOC, ...(rev ? { _rev: rev } : {}), seq })).rev;
    }
    return changed;
  }

  private async applyKey(key: string, touched: Touched): Promise<boolean> {
    await this.mirror.drain(); // our own unsent edits go in first, so a race becomes a conflict, never an overwrite
    const keys = await keyMapOf(this.ctx);
    const localId = keys.idOf(key);
    let article: DocLeaves | null = null;
    if (touched.article || !localId) {
      article = await readLeaves(this.db, articleDocId(key));
      // Article documents hold metadata only (the text never changes): the winner stands.
      if (article.conflicts.length) await closeLeaves(this.db, article.conflicts);
    }
    const articleDoc = article?.winner ?? null;
    if (!localId) {
      if (!articleDoc || articleDoc._deleted) return false;
      return this.addArticle(key, articleDoc, keys);
    }
    if (articleDoc?._deleted && touched.article) {
      await this.mirror.fromMirror(() => this.ctx.store.deleteArticle(localId));
      this.hooks.applied(localId);
      return true;
    }
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
    if (nextArticle === data.article && claims === data.claims) return false;
    await this.mirror.fromMirror(() => this.ctx.store.writeArticle({ ...data, article: nextArticle, claims }));
    this.hooks.applied(localId);
    return true;
  }

  private async addArticle(key: string, doc: PouchDoc, keys: KeyMap): Promise<boolean> {
    const wanted = (doc.article as { id?: unknown } | undefined)?.id;
    const taken = typeof wanted !== 'string' || (await this.ctx.store.index()).articles.some((row) => row.id === wanted);
    let data: ArticleData;
    try {
      data = { schemaVersion: SCHEMA_VERSION, article: articleFromDoc(doc, taken ? this.ctx.newId() : (wanted as string), keys), claims: [] };
    } catch (error) {
      this.refuse(doc, error);
      return false;
    }
    const ids = (await this.db.allDocs(claimRange(key))).rows.map((row) => parseDocId(row.id)).flatMap((p) => (p?.kind === 'claim' ? [p.claimId] : []));
    data.claims = await this.mergeClaims(key, data, data.article.id, new Set(ids), keys);
    await this.mirror.fromMirror(() => this.ctx.store.writeArticle(data));
    this.hooks.applied(data.article.id);
    return true;
  }

  /** The article's claims with the given claim documents applied; the same array when nothing changed. */
  private async mergeClaims(key: string, data: ArticleData, articleId: string, ids: Set<string>, keys: KeyMap): Promise<ClaimRecord[]> {
    if (!ids.size) return data.claims;
    const text = this.ctx.texts.of(data.article);
    const claims = [...data.claims];
    let changed = false;
    for (const [claimId, leaves] of await this.leavesOf(key, [...ids])) {
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
      if (local) claims[at] = claim;
      else claims.push(claim);
      changed = true;
    }
    return changed ? claims : data.claims;
  }

  /** Leaves of claim documents: one allDocs read, and the full tree only where there can be more than one leaf. */
  private async leavesOf(key: string, claimIds: string[]): Promise<Map<string, DocLeaves>> {
    const ids = claimIds.map((id) => claimDocId(key, id));
    const rows = (await this.db.allDocs({ keys: ids, include_docs: true, conflicts: true })).rows;
    const out = new Map<string, DocLeaves>();
    for (const [i, row] of rows.entries()) {
      const claimId = claimIds[i];
      if (!row.value) out.set(claimId, { winner: null, conflicts: [], losers: [] });
      else if (row.doc && Number.parseInt(row.value.rev, 10) === 1 && !row.doc._conflicts) out.set(claimId, { winner: row.doc, conflicts: [], losers: [] });
      else out.set(claimId, await readLeaves(this.db, ids[i]));
    }
    return out;
  }

  private refuse(doc: PouchDoc, error: unknown): void {
    const reason = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0] : (error as Error).message;
    this.hooks.refused(`${doc._id}@${doc._rev}`, reason ?? 'malformed');
  }
}
