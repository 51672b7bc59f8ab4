/**
 * One-to-one assignment of re-anchored claims: the surest claims choose first, and a claim may not
 * take a place another claim already holds unless the two claims overlapped there before, so two
 * claims of different text never land on the same passage.
 */

export interface Span {
  start: number;
  end: number;
}

/** A claim's old range and its acceptable new places, best first. */
export interface Contender<C extends Span> {
  old: Span;
  candidates: readonly C[];
  /** Decided by the diff alone (text unchanged where it was): placed first, never displaced. */
  certain: boolean;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** How much of the shorter of a and b lies inside the other, 0..1. */
function overlapShare(a: Span, b: Span): number {
  return overlap(a, b) / Math.max(1, Math.min(a.end - a.start, b.end - b.start));
}

/** A new place clashes with a placed claim when it mostly covers it and the two did not overlap about as much before. */
function clashes(candidate: Span, placed: Span, oldOfCandidate: Span, oldOfPlaced: Span): boolean {
  const now = overlapShare(candidate, placed);
  return now > 0.5 && now > overlapShare(oldOfCandidate, oldOfPlaced) + 0.25;
}

/** The chosen candidate for each contender (null: none could be placed), in input order. */
export function assignOneToOne<C extends Span>(contenders: readonly Contender<C>[]): (C | null)[] {
  const chosen: (C | null)[] = contenders.map(() => null);
  const placed: number[] = [];
  const order = contenders
    .map((c, i) => i)
    .sort((a, b) => {
      const x = contenders[a];
      const y = contenders[b];
      if (x.certain !== y.certain) return x.certain ? -1 : 1;
      return scoreOf(y) - scoreOf(x);
    });
  for (const i of order) {
    const c = contenders[i];
    if (c.certain) {
      chosen[i] = c.candidates[0] ?? null;
      if (chosen[i]) placed.push(i);
      continue;
    }
    const free = c.candidates.find((cand) => placed.every((j) => !clashes(cand, chosen[j]!, c.old, contenders[j].old)));
    if (free) {
      chosen[i] = free;
      placed.push(i);
    }
  }
  return chosen;
}

function scoreOf(c: Contender<Span>): number {
  const first = c.candidates[0] as (Span & { score?: number }) | undefined;
  return first?.score ?? -Infinity;
}
