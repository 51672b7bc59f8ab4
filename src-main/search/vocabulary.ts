/**
 * The index's term dictionary: every indexed term gets a small number (postings are keyed by
 * it), and terms can be listed by prefix (the last word of a search is a prefix) through a sorted
 * list plus an unsorted tail of terms added since, merged in (sorted tail, one linear merge) only
 * when a prefix lookup finds the tail long: adding terms never sorts.
 */

/** A prefix lookup scans a tail up to this long; a longer one is merged into the sorted list first. */
const TAIL_LIMIT = 512;

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Term ids in term order, and ids added since (not yet in order). */
  private sorted: number[] = [];
  private tail: number[] = [];

  get size(): number {
    return this.terms.length;
  }

  /** The id of a term, added when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.tail.push(id);
    }
    return id;
  }

  /** The id of a known term. */
  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id];
  }

  private mergeTail(): void {
    const terms = this.terms;
    const order = (a: number, b: number) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0);
    const tail = this.tail.sort(order);
    const merged: number[] = new Array(this.sorted.length + tail.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < tail.length) merged[k++] = order(this.sorted[i], tail[j]) <= 0 ? this.sorted[i++] : tail[j++];
    while (i < this.sorted.length) merged[k++] = this.sorted[i++];
    while (j < tail.length) merged[k++] = tail[j++];
    this.sorted = merged;
    this.tail = [];
  }

  /** Put every term added so far in order now (after a load), so the next prefix lookup does not pay for it. */
  settle(): void {
    if (this.tail.length) this.mergeTail();
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
