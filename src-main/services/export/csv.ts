/**
 * CSV: one row a claim with a header row, RFC 4180 (CRLF, quoted where needed), UTF-8 with a BOM
 * so spreadsheet programs read non-Latin text. Cells that start with = + - @ (or a tab / CR) get a
 * leading single quote, so a spreadsheet never runs them as formulas.
 */
import Papa from 'papaparse';
import { statusInfo } from '../../../src-shared/statuses';
import type { ExportBundle } from './types';

/** A cell a spreadsheet could take as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The columns, in order. */
export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'article_url',
  'claim_number',
  'claim_id',
  'quote',
  'claimant',
  'status',
  'status_label',
  'rating',
  'evidence',
  'evidence_count',
  'note',
  'reviewer',
  'created_at',
  'updated_at',
  'revision',
  'start',
  'end',
] as const;

/** Render every article's claims as CSV text (beginning with a BOM). */
export function renderCsv(bundle: ExportBundle): string {
  const rows: (string | number)[][] = [];
  for (const item of bundle.articles) {
    const { article } = item;
    // Claims come in document order, so a claim's number is its place in the list (as in the reports).
    item.claims.forEach((c, i) => {
      const info = statusInfo(c.status);
      const evidence = c.evidence.map((e) => `${e.stance}: ${e.url}${e.title ? ` (${e.title})` : ''}${e.note ? ` — ${e.note}` : ''}`).join('\n');
      rows.push([
        article.id,
        article.title,
        article.sourceUrl,
        i + 1,
        c.id,
        c.target.quote.exact,
        c.claimant,
        c.status,
        info.label,
        info.rating ?? '',
        evidence,
        c.evidence.length,
        c.note,
        c.reviewer,
        c.createdAt,
        c.updatedAt,
        c.revision,
        c.target.position.start,
        c.target.position.end,
      ]);
    });
  }
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START, header: true },
  );
  return `\uFEFF${csv}\r\n`;
}
