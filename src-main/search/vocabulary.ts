/**
 * The index's term dictionary: every indexed term gets a small number (postings are keyed by
 * it), and terms can be listed by prefix (the last word of a search is a prefix) through a sorted
 * list plus an unsorted tail of terms added since, merged in (sorted tail, one linear merge) only
 * when a prefix lookup finds the tail long: adding terms never sorts.
 */
import { Dictionary } from './dictionary';

/** A prefix lookup scans a tail up to this long; a longer one is merged into the sorted list first. */
const TAIL_LIMIT = 512;
/** Terms sorted in one step of settle(). */
const SETTLE_CHUNK = 16_384;

export class Vocabulary {
  private readonly dictionary = new Dictionary();
  private readonly terms = this.dictionary.values;
  /** Term ids in term order, and ids added since (not yet in order). */
  private sorted: number[] = [];
  private tail: number[] = [];

  get size(): number {
    return this.terms.length;
  }

  /** The id of a term, added when new. */
  intern(term: string): number {
    const size = this.terms.length;
    const id = this.dictionary.of(term);
    if (id === size) this.tail.push(id);
    return id;
  }

  /** The id of a known term. */
  idOf(term: string): number | undefined {
    return this.dictionary.numberOf(term);
  }

  term(id: number): string {
    return this.terms[id];
  }

  private order = (a: number, b: number): number => {
    const x = this.terms[a];
    const y = this.terms[b];
    return x < y ? -1 : x > y ? 1 : 0;
  };

  /** Two runs of ids in term order, merged into one. */
  private merge(a: readonly number[], b: readonly number[]): number[] {
    const merged: number[] = new Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) merged[k++] = this.order(a[i], b[j]) <= 0 ? a[i++] : b[j++];
    while (i < a.length) merged[k++] = a[i++];
    while (j < b.length) merged[k++] = b[j++];
    return merged;
  }

  private mergeTail(): void {
    this.sorted = this.merge(this.sorted, this.tail.sort(this.order));
    this.tail = [];
  }

  /**
   * Put every term added so far in order now (after a load), so the next prefix lookup does not
   * pay for it: runs of SETTLE_CHUNK terms sorted, then merged pairwise, awaiting `pause` between
   * steps so a large vocabulary never blocks the event loop for long.
   */
  async settle(pause: () => Promise<void>): Promise<void> {
    const start = this.sorted;
    const count = this.tail.length;
    if (!count) return;
    let runs: number[][] = [start];
    for (let i = 0; i < count; i += SETTLE_CHUNK) {
      runs.push(this.tail.slice(i, Math.min(count, i + SETTLE_CHUNK)).sort(this.order));
      await pause();
    }
    while (runs.length > 1) {
      const next: number[][] = [];
      for (let i = 0; i < runs.length; i += 2) {
        next.push(i + 1 < runs.length ? this.merge(runs[i], runs[i + 1]) : runs[i]);
        await pause();
      }
      runs = next;
    }
    if (this.sorted !== start) return; // a prefix lookup merged the tail meanwhile
    this.sorted = runs[0];
    this.tail = this.tail.slice(count); // terms added meanwhile stay in the tail
  }

  /** Ids of every term that starts with `prefix` (the term itself included), at most `cap` of them. */
  withPrefix(prefix: string, cap: number): number[] {
    if (this.tail.length > TAIL_LIMIT) this.mergeTail();
    const terms = this.terms;
    const out: number[] = [];
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[this.sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && out.length < cap; i++) {
      const id = this.sorted[i];
      if (!terms[id].startsWith(prefix)) break;
      out.push(id);
    }
    for (const id of this.tail) if (out.length < cap && terms[id].startsWith(prefix)) out.push(id);
    return out;
  }
}
