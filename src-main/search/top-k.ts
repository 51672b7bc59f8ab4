/**
 * The first k items of a list in a given order without sorting all of it (a bounded heap):
 * a page of 50 out of a million claims costs about one comparison per claim.
 */

/** The first `k` of the numbers 0 .. count-1 in `compare` order (compare(a, b) < 0: a comes first; for items kept in parallel arrays), sorted. */
export function topKOfRange(count: number, k: number, compare: (a: number, b: number) => number): number[] {
  const heap = new TopK<number>(k, compare);
  for (let i = 0; i < count; i++) heap.offer(i);
  return heap.sorted();
}

/** A bounded heap keeping the k best items offered so far; its root is the worst of them. */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** The worst item kept, once k are kept (anything not better is not worth offering). */
  get worst(): T | undefined {
    return this.heap.length >= this.k ? this.heap[0] : undefined;
  }

  offer(item: T): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (this.compare(item, heap[0]) < 0) {
      heap[0] = item;
      this.down(0);
    }
  }

  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i], heap[parent]) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && this.compare(heap[l], heap[worst]) > 0) worst = l;
      if (r < heap.length && this.compare(heap[r], heap[worst]) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }
}
