/** The claims panel's logic, kept pure: filtering, claimant suggestions, neighbours, snippets, and merging claims fetched later. */
import type { ClaimRecord, StatusId } from '../../src-shared/model';

export { claimantsOf } from '../../src-shared/model';

/** What the panel shows: statuses (empty = all), one claimant (null = any) and free text. */
export interface ClaimFilter {
  statuses: readonly StatusId[];
  claimant: string | null;
  text: string;
}

export const NO_FILTER: ClaimFilter = { statuses: [], claimant: null, text: '' };

/** Whether a filter hides anything. */
export function isFiltering(filter: ClaimFilter): boolean {
  return filter.statuses.length > 0 || filter.claimant !== null || filter.text.trim() !== '';
}

/** Lower-case and collapse spaces, so searches ignore case and spacing. */
function fold(s: string): string {
  return s.toLocaleLowerCase().replace(/\s+/g, ' ');
}

/** The claims a filter lets through, in the order given. Free text matches quote, claimant, note and evidence. */
export function filterClaims<T extends ClaimRecord>(claims: readonly T[], filter: ClaimFilter): T[] {
  if (!isFiltering(filter)) return claims as T[];
  const statuses = new Set(filter.statuses);
  const words = fold(filter.text).trim().split(' ').filter(Boolean);
  return claims.filter((c) => {
    if (statuses.size > 0 && !statuses.has(c.status)) return false;
    if (filter.claimant !== null && c.claimant !== filter.claimant) return false;
    if (words.length === 0) return true;
    const hay = fold([c.target.quote.exact, c.claimant, c.note, ...c.evidence.flatMap((e) => [e.title, e.url, e.note])].join(' '));
    return words.every((w) => hay.includes(w));
  });
}


/** Merge suggestion lists, keeping the first spelling of each name and the order given. */
export function mergeSuggestions(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of lists.flat()) {
    const key = name.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/**
 * The id `step` places from `currentId` in `ids`; from nothing, the first (forward) or last (back).
 * Stays put at either end; null when the list is empty.
 */
export function neighbourId(ids: readonly string[], currentId: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = currentId === null ? -1 : ids.indexOf(currentId);
  if (at < 0) return step > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))];
}

/** The claim to select after deleting `deletedId`: the next one, else the previous, else none. */
export function afterDeletion(ids: readonly string[], deletedId: string): string | null {
  const at = ids.indexOf(deletedId);
  if (at < 0) return null;
  return ids[at + 1] ?? ids[at - 1] ?? null;
}

/** A quote shortened to `max` characters on a word boundary, with an ellipsis. */
export function snippet(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const OPENING_MARKS = '“‘"\'«„‚‹「『';
const CLOSING_MARKS = '”’"\'»“›」』';

/**
 * A quote as the panel shows it, in quotation marks: a quote that starts or ends with marks of its
 * own (“We made no progress,” he said) keeps them and gets none added, so it never reads ““…””.
 */
export function quoted(text: string, max = 140): string {
  const flat = snippet(text, max);
  const own = OPENING_MARKS.includes(flat[0] ?? '') || CLOSING_MARKS.includes(flat.replace(/…$/, '').at(-1) ?? '');
  return own ? flat : `“${flat}”`;
}

/** "No evidence", "1 evidence item", "3 evidence items". */
export function evidenceLabel(count: number): string {
  if (count === 0) return 'No evidence';
  return `${count} evidence item${count === 1 ? '' : 's'}`;
}

/** The claims fetched after opening that are not shown yet: not among the first ones (even if deleted since), nor shown already. */
export function unseenClaims(fetched: readonly ClaimRecord[], initial: readonly ClaimRecord[], shown: readonly ClaimRecord[]): ClaimRecord[] {
  const seen = new Set([...initial, ...shown].map((c) => c.id));
  return fetched.filter((c) => !seen.has(c.id));
}
