/**
 * The Markdown report: readable in a plain editor and rendered by CommonMark/GFM tools. Metadata and
 * a summary table, then each claim with its quote as a block quote and its evidence as footnotes
 * (defined right after the claim, so they read in place in a plain editor).
 * User text is escaped so it cannot turn into headings, lists, links or HTML.
 */
import { countByStatus, type ClaimRecord, type EvidenceItem } from '../../../src-shared/model';
import { STATUSES, statusInfo } from '../../../src-shared/statuses';
import { formatTimestamp, numberClaims, oneLine, reviewersOf, singleArticle, STANCE_LABELS, type NumberedClaim } from './common';
import type { ExportBundle } from './types';

/** Escape characters that mean something inline (emphasis, code, links, HTML, tables, entities). */
export function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** Escape multi-line text: inline escapes, plus markers that would start a block at a line start. */
export function mdBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => mdInline(line).replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_m, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`)))
    .join('\n');
}

/** Prefix every line with "> " (blank lines with ">"). */
function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

/** A URL as a Markdown link destination (normalised, so it holds no spaces or angle brackets). */
function destination(url: string): string {
  try {
    return `<${new URL(url).href}>`;
  } catch {
    return `<${encodeURI(url)}>`;
  }
}

const footnoteId = (n: NumberedClaim, i: number): string => `${n.number}-${i + 1}`;

function footnote(n: NumberedClaim, e: EvidenceItem, i: number): string {
  const text = e.title ? `[${mdInline(oneLine(e.title))}](${destination(e.url)})` : destination(e.url);
  const note = e.note ? ` — ${mdInline(oneLine(e.note))}` : '';
  return `[^${footnoteId(n, i)}]: ${STANCE_LABELS[e.stance]}: ${text}${note}`;
}

function history(c: ClaimRecord): string {
  return c.history
    .map((h) => `${statusInfo(h.status).label} (${h.reviewer ? `${mdInline(oneLine(h.reviewer))}, ` : ''}${formatTimestamp(h.at)})`)
    .join(' → ');
}

function claimSection(n: NumberedClaim): string {
  const c = n.claim;
  const info = statusInfo(c.status);
  const lines = [`### Claim ${n.number} · ${info.glyph} ${info.label}`, '', blockQuote(mdBlock(c.target.quote.exact)), ''];
  if (!n.range) lines.push('*This quote was not found in the article text.*', '');
  lines.push(`- **Claimant:** ${c.claimant ? mdInline(oneLine(c.claimant)) : '—'}`);
  lines.push(`- **Status:** ${info.label}`);
  lines.push(`- **Reviewer:** ${c.reviewer ? mdInline(oneLine(c.reviewer)) : '—'}`);
  lines.push(`- **Updated:** ${formatTimestamp(c.updatedAt)} (revision ${c.revision})`);
  const refs = c.evidence.map((e, i) => `${STANCE_LABELS[e.stance]}[^${footnoteId(n, i)}]`);
  lines.push(`- **Evidence:** ${refs.length ? refs.join(', ') : 'none recorded'}`);
  lines.push(`- **History:** ${history(c)}`);
  if (c.note) lines.push('', '**Note:**', '', mdBlock(c.note));
  if (c.evidence.length) lines.push('', ...c.evidence.map((e, i) => footnote(n, e, i)));
  return lines.join('\n');
}

/** The Markdown report for the bundle's one article. */
export function renderMarkdown(bundle: ExportBundle): string {
  const item = singleArticle(bundle);
  const a = item.article;
  const numbered = numberClaims(item);
  const out: string[] = [`# Fact-check report: ${mdInline(oneLine(a.title))}`, ''];
  const meta: [string, string][] = [
    ['Byline', mdInline(oneLine(a.byline))],
    ['Publisher', mdInline(oneLine(a.publisher))],
    ['Published', mdInline(oneLine(a.publishedAt))],
    ['Source', a.sourceUrl ? destination(a.sourceUrl) : ''],
    ['Language', mdInline(a.language)],
    ['Imported', formatTimestamp(a.importedAt)],
    ['Article id', `\`${a.id}\``],
  ];
  for (const [k, v] of meta) if (v) out.push(`- **${k}:** ${v}`);
  const counts = countByStatus(item.claims);
  out.push('', '## Summary', '', '| Status | Claims |', '| --- | ---: |');
  for (const s of STATUSES) out.push(`| ${s.glyph} ${s.label} | ${counts[s.id]} |`);
  out.push(`| **Total** | **${item.claims.length}** |`, '');
  const reviewers = reviewersOf(item.claims);
  out.push(`- **Reviewers:** ${reviewers.length ? reviewers.map((r) => mdInline(oneLine(r))).join(', ') : 'none named'}`);
  if (bundle.prefs.organisation) out.push(`- **Organisation:** ${mdInline(oneLine(bundle.prefs.organisation))}`);
  out.push(`- **Exported:** ${formatTimestamp(bundle.exportedAt)}`, '', `## Claims (${numbered.length})`, '');
  if (numbered.length === 0) out.push('No claims.', '');
  for (const n of numbered) out.push(claimSection(n), '');
  return out.join('\n');
}
