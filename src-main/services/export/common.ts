/**
 * Helpers every format shares: claim numbering and placement, the findings order, the overall
 * summary, the "no source recorded" rule, stance labels, reviewers, timestamps, file names.
 */
import { anchorClaim } from '../../../src-shared/anchoring/anchor';
import { lacksSource } from '../../../src-shared/claim-publication';
import { pageAtOffset, type ArticleRecord, type ClaimRecord } from '../../../src-shared/model';
import { statusInfo, type StatusId } from '../../../src-shared/statuses';
import type { ExportBundle, ExportedArticle } from './types';

/** Labels for evidence stances, as the reports show them. */
export const STANCE_LABELS = { supports: 'Supports', refutes: 'Refutes', context: 'Context' } as const;

/** A claim with its number in the report (1-based, document order), its range in the text or null (orphan), and its page in a paged source (a PDF). */
export interface NumberedClaim {
  claim: ClaimRecord;
  number: number;
  range: { start: number; end: number } | null;
  page?: string;
}

/** The label of the page a claim starts on in a paged source ("12"), or '' when the article has no pages. */
export function claimPage(article: Pick<ArticleRecord, 'pages'>, claim: ClaimRecord, start = claim.target.position.start): string {
  return pageAtOffset(article.pages, start) ?? '';
}

/** "p. 12", as the reports show a claim's page. */
export const pageLabel = (page: string): string => `p. ${page}`;

/** Number an article's claims in document order and anchor each in the text (null when it anchors nowhere). */
export function numberClaims(item: ExportedArticle): NumberedClaim[] {
  return item.claims.map((claim, i) => {
    const anchored = anchorClaim(item.text, claim);
    const page = claimPage(item.article, claim, anchored?.start);
    return { claim, number: i + 1, range: anchored ? { start: anchored.start, end: anchored.end } : null, ...(page ? { page } : {}) };
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

/** The order of findings: the worst verdicts first, then Verified, then claims still without a verdict. */
export const FINDINGS_ORDER: readonly StatusId[] = ['false', 'misleading', 'disputed', 'verified', 'in-review', 'unverified'];

/** Claims in findings order; claims of one status keep their document order. */
export function inFindingsOrder(claims: readonly NumberedClaim[]): NumberedClaim[] {
  const rank = (n: NumberedClaim) => FINDINGS_ORDER.indexOf(n.claim.status);
  return [...claims].sort((a, b) => rank(a) - rank(b) || a.number - b.number);
}

export { lacksSource };

/** The flag written beside a claim marked Verified or False without evidence (see lacksSource). */
export const NO_SOURCE = 'No source recorded';

/** One line per claim the report flags, for the export preview: "Claim 3 (False): no source recorded". */
export function sourceWarnings(claims: readonly NumberedClaim[]): string[] {
  return claims.filter((n) => lacksSource(n.claim)).map((n) => `Claim ${n.number} (${statusInfo(n.claim.status).label}): no source recorded`);
}

/**
 * The generated overall summary, from the counts: "3 claims checked: 1 false, 1 verified, 1 still in
 * review" (verdicts worst first; Unverified and In review count as still in review).
 */
export function defaultSummary(claims: readonly Pick<ClaimRecord, 'status'>[]): string {
  if (claims.length === 0) return 'No claims checked yet.';
  const parts: string[] = [];
  for (const status of FINDINGS_ORDER) {
    if (status === 'in-review' || status === 'unverified') continue;
    const n = claims.filter((c) => c.status === status).length;
    if (n) parts.push(`${n} ${statusInfo(status).label.toLowerCase()}`);
  }
  const pending = claims.filter((c) => statusInfo(c.status).rating === null).length;
  if (pending) parts.push(`${pending} still in review`);
  return `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} checked: ${parts.join(', ')}.`;
}

/** The report's overall summary: the reviewer's own, else the generated one. */
export function summaryOf(article: Pick<ArticleRecord, 'reportSummary'>, claims: readonly Pick<ClaimRecord, 'status'>[]): string {
  return article.reportSummary?.trim() || defaultSummary(claims);
}

/** Unicode bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** True when text holds a bidirectional control character. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/**
 * Text with bidi controls wrapped in a first-strong isolate (U+2068 … U+2069), so none of them reaches
 * past it ("\u202Etxt.exe" cannot turn the text after it around): embeddings, overrides and isolates
 * the text leaves open are closed inside, and a stray U+2069 that would close the wrapper is dropped.
 * Text without bidi controls comes back unchanged.
 */
export function isolateBidi(text: string): string {
  if (!hasBidiControls(text)) return text;
  const open: string[] = [];
  let out = '';
  for (const ch of text) {
    if (/[\u202A\u202B\u202D\u202E]/.test(ch)) open.push('\u202C');
    else if (/[\u2066-\u2068]/.test(ch)) open.push('\u2069');
    else if (ch === '\u202C' && open.at(-1) === '\u202C') open.pop();
    else if (ch === '\u2069') {
      const at = open.lastIndexOf('\u2069');
      if (at < 0) continue; // closes nothing of this text's own: it would close the wrapper
      open.length = at; // a PDI closes its isolate and every embedding opened inside it
    }
    out += ch;
  }
  return `\u2068${out}${open.reverse().join('')}\u2069`;
}
