/**
 * The Markdown report, in the HTML report's order (without the annotated article): title, dateline,
 * links and overall summary; the Findings worst first, each with the claim as checked, the quote,
 * claimant, verdict, public explanation and numbered sources; then the method. Readable in a plain
 * editor and rendered by CommonMark/GFM tools. Every field is escaped for Markdown so it cannot turn
 * into headings, lists, links or HTML; only http(s) URLs become links; bidi controls are isolated.
 */
import { claimAsCheckedOf } from '../../../src-shared/claim-publication';
import type { ClaimRecord, EvidenceItem } from '../../../src-shared/model';
import { statusInfo } from '../../../src-shared/statuses';
import {
  formatTimestamp,
  inFindingsOrder,
  isolateBidi,
  lacksSource,
  NO_SOURCE,
  numberClaims,
  oneLine,
  reviewersOf,
  singleArticle,
  pageLabel,
  STANCE_LABELS,
  summaryOf,
  type NumberedClaim,
} from './common';
import { isHttpUrl } from './escape';
import type { ExportBundle, ExportOptions } from './types';

/** Escape characters that mean something inline (emphasis, code, links, HTML, tables, entities); isolate bidi controls. */
export function mdInline(text: string): string {
  return isolateBidi(text)
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** Escape a marker at the start of an (already inline-escaped) line that would open a heading, quote, list or setext underline. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_m, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}

/** Escape multi-line text: inline escapes, plus markers that would start a block at a line start. */
export function mdBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeLineStart(mdInline(line)))
    .join('\n');
}

/** One line of user text escaped for the start of a line, a list item or a heading (a closing "#" run kept as text). */
function mdLine(text: string): string {
  return mdBlock(oneLine(text)).replace(/(#+)$/, '\\$1');
}

/** Prefix every line with "> " (blank lines with ">"). */
function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

/** A URL as a Markdown link when it is http(s) (normalised, so it holds no spaces or angle brackets); any other value as escaped text. */
export function mdLink(url: string, text = url): string {
  if (!isHttpUrl(url)) return mdInline(oneLine(text));
  const href = new URL(url).href;
  return text === url ? `<${href}>` : `[${mdInline(oneLine(text))}](<${href}>)`;
}

function source(e: EvidenceItem, options: ExportOptions): string {
  const name = e.title.trim() ? mdLink(e.url, e.title) : e.url ? mdLink(e.url) : '';
  const parts = [name, e.date ? mdInline(oneLine(e.date)) : '', e.citation ? mdInline(oneLine(e.citation)) : ''].filter(Boolean);
  const note = options.includeNotes && e.note ? ` — ${mdInline(oneLine(e.note))}` : '';
  return `${escapeLineStart(parts.join(', '))} (${STANCE_LABELS[e.stance]})${note}`;
}

function finding(n: NumberedClaim, options: ExportOptions): string {
  const c: ClaimRecord = n.claim;
  const info = statusInfo(c.status);
  const lines = [`### ${n.number} · ${info.glyph} ${info.label}: ${mdLine(claimAsCheckedOf(c))}`, '', blockQuote(mdBlock(c.target.quote.exact)), ''];
  if (!n.range) lines.push('*This quote was not found in the article text.*', '');
  lines.push(`- **Claimed by:** ${c.claimant ? `${mdInline(oneLine(c.claimant))} (${c.claimantKind})` : 'not recorded'}`);
  if (n.page) lines.push(`- **In the source:** ${mdInline(pageLabel(n.page))}`);
  lines.push(info.rating !== null ? `- **Verdict:** ${info.label}${c.verdictDate ? `, ${c.verdictDate}` : ''}` : `- **Status:** ${info.label} (no verdict yet)`);
  if (lacksSource(c)) lines.push(`- **⚠ ${NO_SOURCE}**`);
  if (c.explanation.trim()) lines.push('', mdBlock(c.explanation.trim()));
  if (c.evidence.length) lines.push('', '**Sources**', '', ...c.evidence.map((e, i) => `${i + 1}. ${source(e, options)}`));
  if (options.includeNotes && c.note) lines.push('', '**Internal note:**', '', mdBlock(c.note));
  return lines.join('\n');
}

/** The Markdown report for the bundle's one article. */
export function renderMarkdown(bundle: ExportBundle): string {
  const item = singleArticle(bundle);
  const a = item.article;
  const numbered = numberClaims(item);
  const out: string[] = [`# Fact-check: ${mdLine(a.title)}`, ''];
  const dateline = [a.publisher, a.publishedAt, a.byline ? `by ${a.byline}` : ''].filter(Boolean).map((t) => mdInline(oneLine(t)));
  if (dateline.length) out.push(`${dateline.join(' · ')}  `);
  if (isHttpUrl(a.sourceUrl)) out.push(`Article: ${mdLink(a.sourceUrl)}  `);
  if (a.factCheckUrl && isHttpUrl(a.factCheckUrl)) out.push(`This fact-check: ${mdLink(a.factCheckUrl)}  `);
  out.push('', `**Summary:** ${mdInline(oneLine(summaryOf(a, item.claims)))}`, '', '## Findings', '');
  if (numbered.length === 0) out.push('No claims were checked.', '');
  for (const n of inFindingsOrder(numbered)) out.push(finding(n, bundle.options), '');
  const reviewers = reviewersOf(item.claims);
  out.push('## Method', '');
  out.push(`- **Reviewers:** ${reviewers.length ? reviewers.map((r) => mdInline(oneLine(r))).join(', ') : 'none named'}`);
  if (bundle.prefs.organisation) out.push(`- **Organisation:** ${mdInline(oneLine(bundle.prefs.organisation))}`);
  out.push(`- **Article imported:** ${formatTimestamp(a.importedAt)}`, `- **Report made:** ${formatTimestamp(bundle.exportedAt)}`, '');
  return out.join('\n');
}
