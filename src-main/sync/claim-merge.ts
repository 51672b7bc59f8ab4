/**
 * Teammates' claim documents merged into an article's claims: each claim shows CouchDB's winner,
 * its other leaves become its conflictVersions, and a malformed document (or one whose quote is not
 * at its place in the article) is refused through the hooks and never merged.
 */
import { z } from 'zod';
import { Claim, type ClaimRecord } from '../../src-shared/model';
import type { ServiceContext } from '../services/context';
import { vouchChecked } from '../store/checked';
import type { ArticleData } from '../store/files';
import { conflictVersionOf, readLeaves, soleLeaf, type DocLeaves } from './conflicts';
import { canonical, claimDocId, claimFromDoc, claimIdOf, claimRange, type KeyMap } from './documents';
import type { Mirror } from './mirror';
import type { PouchDatabase, PouchDoc } from './pouch';

/** From how many claims of one article a read of all its claims (one index range) beats reading them by id. */
const RANGE_FROM = 16;

export interface MergeHooks {
  /** A document was refused (malformed); said once per document revision. */
  refused(docId: string, reason: string): void;
  /** A claim's conflict appeared or cleared. */
  conflict(docId: string, conflicted: boolean): void;
}

/** A document's leaves when a read of its winner shows they can only be that one: a live first revision with no conflicts (anything else may have more, e.g. a losing deletion). */
const onlyLeaf = (doc: PouchDoc | null | undefined): DocLeaves | null =>
  doc && !doc._deleted && Number.parseInt(doc._rev ?? '', 10) === 1 && !doc._conflicts ? soleLeaf(doc) : null;

/** Claim documents as they arrived, by document id: each with its leaves when the arrival shows them, null where they must be read. */
export type ArrivedClaims = Map<string, DocLeaves | null>;

export class ClaimMerger {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly db: PouchDatabase,
    private readonly mirror: Mirror,
    private readonly hooks: MergeHooks,
  ) {}

  /** The article's claims with the given claim documents (by claim id, as they arrived, or all) applied; the same array when nothing changed. */
  async merge(key: string, data: ArticleData, articleId: string, ids: Set<string> | ArrivedClaims | 'all', keys: KeyMap): Promise<ClaimRecord[]> {
    if (ids instanceof Set && !ids.size) return data.claims;
    const text = this.ctx.texts.of(data.article);
    const claims = [...data.claims];
    let changed = false;
    const leavesById = ids instanceof Map ? await this.arrivedLeaves(ids) : await this.leavesOf(key, ids instanceof Set ? [...ids] : ids);
    for (const [claimId, leaves] of leavesById) {
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
        claim = claimFromDoc(leaves.winner, articleId, local ? local.revision + 1 : 1, keys);
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
      // Parsed by claimFromDoc: the store need not parse it again (one with conflict versions,
      // whose count the schema bounds, it still checks).
      if (!versions.length) vouchChecked(Claim, claim);
      if (local) claims[at] = claim;
      else claims.push(claim);
      changed = true;
    }
    return changed ? claims : data.claims;
  }

  /**
   * Leaves of claim documents (the given ones, or all of the article's live ones): one read of the
   * winners (a range over the article's claims when many are asked), then the full tree, in
   * parallel, only where there can be more than one leaf.
   */
  private async leavesOf(key: string, wanted: string[] | 'all'): Promise<Map<string, DocLeaves>> {
    const winners = new Map<string, PouchDoc | null | undefined>();
    if (wanted === 'all' || wanted.length >= RANGE_FROM) {
      for (const row of (await this.db.allDocs({ ...claimRange(key), include_docs: true, conflicts: true })).rows) winners.set(row.id, row.doc);
    } else {
      for (const row of (await this.db.allDocs({ keys: wanted.map((id) => claimDocId(key, id)), include_docs: true, conflicts: true })).rows) if (row.value && !row.value.deleted) winners.set(row.id, row.doc);
    }
    const claimIds = wanted === 'all' ? [...winners.keys()].flatMap((id) => claimIdOf(id) ?? []) : wanted;
    const out = new Map<string, DocLeaves>();
    await Promise.all(
      claimIds.map(async (claimId) => {
        const docId = claimDocId(key, claimId);
        out.set(claimId, onlyLeaf(winners.get(docId)) ?? (await readLeaves(this.db, docId)));
      }),
    );
    return new Map(claimIds.map((id) => [id, out.get(id)!]));
  }

  /** Leaves of claim documents as they arrived, by claim id: read (in parallel) only where the arrival does not show them. */
  private async arrivedLeaves(arrived: ArrivedClaims): Promise<Map<string, DocLeaves>> {
    const entries = await Promise.all(
      [...arrived].flatMap(([docId, leaves]) => {
        const claimId = claimIdOf(docId);
        return claimId === undefined ? [] : [(async () => [claimId, leaves ?? (await readLeaves(this.db, docId))] as const)()];
      }),
    );
    return new Map(entries);
  }

  /** Tell the hooks a document was refused, with the first reason. */
  refuse(doc: PouchDoc, error: unknown): void {
    const reason = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0] : (error as Error).message;
    this.hooks.refused(`${doc._id}@${doc._rev}`, reason ?? 'malformed');
  }
}
