/**
 * The documents a pull into a new, empty mirror has written, as its 'change' events hand them
 * over, until the applier takes them: which are ready (their article's documents are all here)
 * and which wait, and which are known to be their document's only leaf.
 */
import { soleLeaf, type DocLeaves } from './conflicts';
import { ARTICLE_PREFIX, parseDocId } from './documents';
import type { PouchDoc } from './pouch';

const keyOf = (doc: PouchDoc) => parseDocId(doc._id)?.key;

export class Arrivals {
  /** Handed over and not looked at yet. */
  private incoming: PouchDoc[] = [];
  /** The latest batch: its keys may have more documents in the next one. */
  private lastBatch: PouchDoc[] = [];
  /** Looked at and kept back. */
  private waiting: PouchDoc[] = [];
  /** How many revisions of each document the pull brought (one, into an empty mirror: its only leaf). */
  private readonly revisions = new Map<string, number>();
  /** Keys whose article document the pull has brought. */
  private readonly articles = new Set<string>();

  /** A batch the pull has just written into the mirror. */
  add(docs: PouchDoc[]): void {
    for (const doc of docs) this.revisions.set(doc._id, (this.revisions.get(doc._id) ?? 0) + 1);
    this.incoming.push(...docs);
    this.lastBatch = docs;
  }

  /**
   * The documents ready to apply; the rest wait. A key in the last batch waits, and so do the
   * claims of an article whose document has not come yet, unless `met` has the key already.
   * With `final` (the pull has ended), everything is ready.
   */
  take(final: boolean, met: ReadonlySet<string>): PouchDoc[] {
    for (const doc of this.incoming) if (doc._id.startsWith(ARTICLE_PREFIX)) this.articles.add(doc._id.slice(ARTICLE_PREFIX.length));
    const all = [...this.waiting, ...this.incoming];
    this.incoming = [];
    const lastKeys = new Set(final ? [] : this.lastBatch.map(keyOf));
    const waits = (key: string | undefined) => !final && (lastKeys.has(key) || (key !== undefined && !this.articles.has(key) && !met.has(key)));
    this.waiting = all.filter((doc) => waits(keyOf(doc)));
    return all.filter((doc) => !waits(keyOf(doc)));
  }

  /** The document's leaves when it arrived only once (then it is its only leaf); null where they must be read. */
  leavesOf(doc: PouchDoc): DocLeaves | null {
    return this.revisions.get(doc._id) === 1 ? soleLeaf(doc) : null;
  }

  clear(): void {
    this.incoming = [];
    this.lastBatch = [];
    this.waiting = [];
    this.revisions.clear();
    this.articles.clear();
  }
}
