/**
 * The HTML report, as an editor publishes a fact-check: the article's title, publisher, date and
 * link with an overall summary; the Findings (worst verdict first: the claim as checked, the quote,
 * the claimant, the verdict, the public explanation and numbered sources); the article with numbered
 * highlights linking to their findings and back; and the method (reviewers, organisation, dates).
 * One self-contained file: inline CSS, no scripts, no outside requests, a CSP that forbids both.
 * Every piece of user content is escaped; internal notes appear only when the reviewer includes them.
 */
import { claimAsCheckedOf } from '../../../src-shared/claim-publication';
import type { ClaimRecord, EvidenceItem } from '../../../src-shared/model';
import { STATUSES, statusInfo } from '../../../src-shared/statuses';
import { parseDoc } from '../documents';
import {
  FINDINGS_ORDER,
  formatTimestamp,
  inFindingsOrder,
  isolateBidi,
  lacksSource,
  NO_SOURCE,
  numberClaims,
  reviewersOf,
  singleArticle,
  pageLabel,
  STANCE_LABELS,
  summaryOf,
  type NumberedClaim,
} from './common';
import { escapeHtml, htmlText, safeHref } from './escape';
import { renderHighlightedDoc } from './highlight';
import { REPORT_CSS } from './report-css';
import type { ExportBundle, ExportedArticle, ExportOptions } from './types';

/** The report's Content-Security-Policy: inline styles only; nothing may load or run. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** A status as a coloured chip: glyph and label. */
function chip(status: ClaimRecord['status']): string {
  const info = statusInfo(status);
  return `<span class="chip s-${info.id}">${escapeHtml(info.glyph)} ${escapeHtml(info.label)}</span>`;
}

/** A link when the URL is safe, otherwise the text alone. */
function link(url: string, text: string): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${htmlText(text)}</a>` : htmlText(text);
}

/** The report's running title (also the PDF footer's). */
export function reportTitle(item: ExportedArticle): string {
  return `Fact-check: ${item.article.title}`;
}

function masthead(item: ExportedArticle): string {
  const a = item.article;
  const dateline = [a.publisher, a.publishedAt, a.byline ? `by ${a.byline}` : ''].filter(Boolean).map(htmlText).join(' · ');
  const lines = [`<p class="kicker">Fact-check</p>`, `<h1>${htmlText(a.title)}</h1>`];
  if (dateline) lines.push(`<p class="dateline">${dateline}</p>`);
  if (safeHref(a.sourceUrl)) lines.push(`<p class="source-line">Article: ${link(a.sourceUrl, a.sourceUrl)}</p>`);
  if (a.factCheckUrl && safeHref(a.factCheckUrl)) lines.push(`<p class="source-line">This fact-check: ${link(a.factCheckUrl, a.factCheckUrl)}</p>`);
  lines.push(`<p class="overall" id="summary">${htmlText(summaryOf(a, item.claims))}</p>`);
  return `<header>\n${lines.join('\n')}\n</header>`;
}

/** One numbered source: title (linked when it has a URL), date, citation, stance; its note only when notes are included. */
function source(e: EvidenceItem, options: ExportOptions): string {
  const name = e.title.trim() ? link(e.url, e.title) : e.url ? link(e.url, e.url) : '';
  const parts = [name, e.date ? htmlText(e.date) : '', e.citation ? `<span class="citation">${htmlText(e.citation)}</span>` : ''].filter(Boolean);
  const url = e.url && e.title.trim() ? ` <span class="muted url">${htmlText(e.url)}</span>` : '';
  const note = options.includeNotes && e.note ? ` <span class="muted">— ${htmlText(e.note)}</span>` : '';
  return `<li>${parts.join(', ')}${url}<span class="stance">${STANCE_LABELS[e.stance]}</span>${note}</li>`;
}

function finding(n: NumberedClaim, options: ExportOptions): string {
  const c = n.claim;
  const date = c.verdictDate && statusInfo(c.status).rating !== null ? `<span class="verdict-date">${escapeHtml(c.verdictDate)}</span>` : '';
  const number = n.range ? `<a class="n" href="#mark-${n.number}" aria-label="Claim ${n.number}: show it in the article">${n.number}</a>` : `<span class="n">${n.number}</span>`;
  const kind = c.claimantKind === 'organisation' ? 'organisation' : 'person';
  const claimant = c.claimant
    ? `<p class="attribution">Claimed by <span class="claimant">${htmlText(c.claimant)}</span> <span class="muted">(${kind})</span></p>`
    : '<p class="attribution muted">Claimant not recorded</p>';
  const page = n.page ? `<span class="page">${htmlText(pageLabel(n.page))}</span>` : '';
  const parts = [
    `<section class="claim finding" id="claim-${n.number}" data-claim="${escapeHtml(c.id)}" aria-labelledby="claim-${n.number}-h">`,
    `<p class="claim-head">${number}${chip(c.status)}${date}${page}</p>`,
    `<h3 class="checked" id="claim-${n.number}-h">${htmlText(claimAsCheckedOf(c))}</h3>`,
    `<blockquote class="quote">${htmlText(c.target.quote.exact)}</blockquote>`,
    claimant,
  ];
  if (!n.range) parts.push('<p class="orphan">This quote was not found in the article text.</p>');
  if (lacksSource(c)) parts.push(`<p class="flag no-source" role="note">⚠ ${NO_SOURCE}</p>`);
  if (c.explanation.trim()) parts.push(`<p class="explanation">${htmlText(c.explanation)}</p>`);
  if (c.evidence.length) parts.push('<h4>Sources</h4>', `<ol class="sources">\n${c.evidence.map((e) => source(e, options)).join('\n')}\n</ol>`);
  if (options.includeNotes && c.note) parts.push('<h4>Internal note</h4>', `<p class="note">${htmlText(c.note)}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function findings(numbered: NumberedClaim[], options: ExportOptions): string {
  const body = numbered.length ? inFindingsOrder(numbered).map((n) => finding(n, options)).join('\n') : '<p class="muted">No claims were checked.</p>';
  return `<section class="findings" aria-labelledby="findings-h">\n<h2 class="section" id="findings-h">Findings</h2>\n${body}\n</section>`;
}

function annotatedArticle(item: ExportedArticle, numbered: NumberedClaim[]): string {
  const legend = STATUSES.map((s) => chip(s.id)).join(' ');
  return `<section aria-labelledby="text-h">
<h2 class="section" id="text-h">The article, annotated</h2>
<p class="legend" aria-label="Status key">${legend}</p>
<div class="article-text">
${renderHighlightedDoc(parseDoc(item.article.doc), numbered)}
</div>
</section>`;
}

/** "2026-01-15" to "2026-03-02" from a list of ISO dates or timestamps (empty when there are none). */
function dateSpan(values: string[]): string {
  const days = values.filter(Boolean).map((v) => v.slice(0, 10)).sort();
  if (days.length === 0) return '';
  return days[0] === days[days.length - 1] ? days[0] : `${days[0]} to ${days[days.length - 1]}`;
}

function method(item: ExportedArticle, bundle: ExportBundle): string {
  const reviewers = reviewersOf(item.claims);
  const { organisation, organisationUrl } = bundle.prefs;
  const rows: [string, string][] = [['Reviewers', reviewers.length ? reviewers.map(htmlText).join(', ') : '<span class="muted">none named</span>']];
  if (organisation) rows.push(['Organisation', link(organisationUrl, organisation)]);
  const recorded = dateSpan(item.claims.flatMap((c) => [c.createdAt, c.updatedAt]));
  if (recorded) rows.push(['Claims recorded', escapeHtml(recorded)]);
  const verdicts = dateSpan(item.claims.filter((c) => statusInfo(c.status).rating !== null).map((c) => c.verdictDate));
  if (verdicts) rows.push(['Verdicts given', escapeHtml(verdicts)]);
  rows.push(['Article imported', escapeHtml(formatTimestamp(item.article.importedAt))]);
  rows.push(['Report made', escapeHtml(formatTimestamp(bundle.exportedAt))]);
  const scale = FINDINGS_ORDER.map(chip).join(' ');
  return `<section class="method" aria-labelledby="method-h">
<h2 class="section" id="method-h">Method</h2>
<p>Each claim was highlighted in the article, attributed to its claimant and checked against the sources listed with it. Verdicts, worst first: False, Misleading, Disputed, Verified; claims without one are still in review.</p>
<p class="legend" aria-label="Verdicts">${scale}</p>
<dl class="meta">
${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}
</dl>
</section>`;
}

/** The report for one article as a complete HTML document. */
export function renderArticleReport(item: ExportedArticle, bundle: ExportBundle): string {
  const numbered = numberClaims(item);
  return `<!doctype html>
<html lang="${escapeHtml(item.article.language || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factmark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(isolateBidi(reportTitle(item)))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${masthead(item)}
<main>
${findings(numbered, bundle.options)}
${annotatedArticle(item, numbered)}
${method(item, bundle)}
</main>
<footer>Made with Factmark on ${escapeHtml(formatTimestamp(bundle.exportedAt))}.</footer>
</body>
</html>
`;
}

/** The HTML format: the report for the bundle's one article. */
export function renderHtml(bundle: ExportBundle): string {
  return renderArticleReport(singleArticle(bundle), bundle);
}
