/** Helpers every format shares: claim numbering and placement, stance labels, reviewers, timestamps, file names. */
import { anchorClaim } from '../../../src-shared/anchoring/anchor';
import type { ClaimRecord } from '../../../src-shared/model';
import type { ExportBundle, ExportedArticle } from './types';

/** Labels for evidence stances, as the reports show them. */
export const STANCE_LABELS = { supports: 'Supports', refutes: 'Refutes', context: 'Context' } as const;

/** A claim with its number in the report (1-based, document order) and its range in the text, or null (orphan). */
export interface NumberedClaim {
  claim: ClaimRecord;
  number: number;
  range: { start: number; end: number } | null;
}

/** Number an article's claims in document order and anchor each in the text (null when it anchors nowhere). */
export function numberClaims(item: ExportedArticle): NumberedClaim[] {
  return item.claims.map((claim, i) => {
    const anchored = anchorClaim(item.text, claim);
    return { claim, number: i + 1, range: anchored ? { start: anchored.start, end: anchored.end } : null };
  });
}

/** Every reviewer named on the claims or their status history, sorted, without blanks. */
export function reviewersOf(claims: readonly ClaimRecord[]): string[] {
  const names = new Set<string>();
  for (const c of claims) {
    if (c.reviewer.trim()) names.add(c.reviewer.trim());
    for (const h of c.history) if (h.reviewer.trim()) names.add(h.reviewer.trim());
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** "2026-01-15 10:00 UTC" for an ISO timestamp; the input unchanged when it does not parse. */
export function formatTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Collapse runs of whitespace (line and block breaks included) into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A file-name stem from a title: letters and digits of any script, joined by '-', at most 80 characters. */
export function fileStem(title: string, fallback: string): string {
  const stem = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem || fallback;
}

/** The one article of a per-article bundle. */
export function singleArticle(bundle: ExportBundle): ExportedArticle {
  if (bundle.articles.length !== 1) throw new Error(`A per-article format needs exactly one article, got ${bundle.articles.length}`);
  return bundle.articles[0];
}
