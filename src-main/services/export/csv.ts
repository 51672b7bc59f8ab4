/**
 * CSV: one row a claim with a header row, RFC 4180 (CRLF, quoted where needed), UTF-8 with a BOM
 * so spreadsheet programs read non-Latin text. Cells that start with = + - @ (or a tab / CR) get a
 * leading single quote, so a spreadsheet never runs them as formulas; text with bidi controls is
 * isolated (U+2068 … U+2069). A claim from a PDF has its page label in `page`. Internal notes are written only when the reviewer includes them.
 */
import Papa from 'papaparse';
import { claimAsCheckedOf } from '../../../src-shared/claim-publication';
import type { EvidenceItem } from '../../../src-shared/model';
import { statusInfo } from '../../../src-shared/statuses';
import { claimPage, isolateBidi } from './common';
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
  'claim_as_checked',
  'quote',
  'claimant',
  'claimant_kind',
  'status',
  'status_label',
  'rating',
  'verdict_date',
  'explanation',
  'evidence',
  'evidence_count',
  'note',
  'reviewer',
  'created_at',
  'updated_at',
  'revision',
  'start',
  'end',
  'page',
] as const;

/** One piece of evidence on one line: "refutes: Title, date, citation <url> — note". */
function evidenceLine(e: EvidenceItem, includeNotes: boolean): string {
  const named = [e.title, e.date, e.citation].filter(Boolean).join(', ');
  const parts = [named, e.url ? (named ? `<${e.url}>` : e.url) : ''].filter(Boolean).join(' ');
  return `${e.stance}: ${parts}${includeNotes && e.note ? ` — ${e.note}` : ''}`;
}

/** Render every article's claims as CSV text (beginning with a BOM). */
export function renderCsv(bundle: ExportBundle): string {
  const rows: (string | number)[][] = [];
  for (const item of bundle.articles) {
    const { article } = item;
    // Claims come in document order, so a claim's number is its place in the list (as in the reports).
    item.claims.forEach((c, i) => {
      const info = statusInfo(c.status);
      const { includeNotes } = bundle.options;
      const evidence = c.evidence.map((e) => evidenceLine(e, includeNotes)).join('\n');
      const row: (string | number)[] = [
        article.id,
        article.title,
        article.sourceUrl,
        i + 1,
        c.id,
        claimAsCheckedOf(c),
        c.target.quote.exact,
        c.claimant,
        c.claimantKind,
        c.status,
        info.label,
        info.rating ?? '',
        info.rating !== null ? c.verdictDate : '',
        c.explanation,
        evidence,
        c.evidence.length,
        includeNotes ? c.note : '',
        c.reviewer,
        c.createdAt,
        c.updatedAt,
        c.revision,
        c.target.position.start,
        c.target.position.end,
        claimPage(article, c),
      ];
      rows.push(row.map((cell) => (typeof cell === 'string' ? isolateBidi(cell) : cell)));
    });
  }
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START, header: true },
  );
  return `\uFEFF${csv}\r\n`;
}
