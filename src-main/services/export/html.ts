/**
 * The HTML report: one self-contained file (inline CSS, no scripts, no external requests, a CSP
 * that forbids both) with the article's metadata, a summary, the article text with every claim
 * highlighted and numbered, and then each claim with its evidence, note and status history.
 * Every piece of user content is escaped.
 */
import { countByStatus, type ClaimRecord } from '../../../src-shared/model';
import { STATUSES, statusInfo } from '../../../src-shared/statuses';
import { parseDoc } from '../documents';
import { formatTimestamp, numberClaims, reviewersOf, singleArticle, STANCE_LABELS, type NumberedClaim } from './common';
import { escapeHtml, safeHref } from './escape';
import { renderHighlightedDoc } from './highlight';
import type { ExportBundle, ExportedArticle } from './types';

/** The report's Content-Security-Policy: inline styles only; nothing may load or run. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STATUS_CSS = STATUSES.map(
  (s) =>
    `mark.s-${s.id}{background:${s.colour}}\n.chip.s-${s.id},.claim-num.s-${s.id}{background:${s.chipBackground};color:${s.chipText}}`,
).join('\n');

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:16px/1.6 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:48rem;padding:2rem 1.25rem}
h1,h2,h3,h4,h5,h6,.summary,.meta,.claim-head,table,.legend{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:1.8rem;line-height:1.25;margin:0 0 .5rem}
h2.section{font-size:1.3rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.5rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0;font-size:.9rem}
.meta dt{font-weight:600;color:#444}.meta dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.2rem .6rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
caption{text-align:left;font-size:.85rem}
.claim h4{font:600 .95rem system-ui,sans-serif;margin:.6rem 0 .2rem}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-size:.85em;font-weight:600;white-space:nowrap}
mark.claim{color:inherit;padding:.05em 0;border-bottom:2px solid rgba(0,0,0,.35);-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.claim mark.claim{border-bottom-style:double;border-bottom-width:3px}
.claim-num{font:700 .7em/1 system-ui,sans-serif;vertical-align:super;text-decoration:none;border-radius:.4em;padding:.05em .3em;margin-right:.1em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.chip{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.article-text{font-size:1.05rem}
.article-text blockquote{margin-left:1rem;padding-left:1rem;border-left:3px solid #ccc}
.legend{font-size:.85rem;display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 1rem}
.claim{border-top:1px solid #ccc;padding:.75rem 0;break-inside:avoid-page}
.claim-head{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap;margin:0 0 .4rem;font-size:1.05rem}
.claim-head .n{font-weight:700}
.claim blockquote.quote{margin:.3rem 0 .6rem;padding:.3rem .8rem;border-left:4px solid #888;background:#f6f6f6;white-space:pre-wrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.note{white-space:pre-wrap;margin:.3rem 0}
.orphan{color:#8a1c1c;font-style:italic}
.evidence{margin:.2rem 0;padding-left:1.2rem}
.evidence li{overflow-wrap:anywhere}
.stance{font:600 .8em system-ui,sans-serif;text-transform:uppercase;letter-spacing:.03em;margin-right:.3rem}
.muted{color:#555}
footer{margin-top:3rem;font-size:.8rem;color:#555;border-top:1px solid #ccc;padding-top:.5rem}
a{color:#0b4fa8}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  a{color:inherit}
  h2.section{break-after:avoid}
  .claim-head{break-after:avoid}
}
@page{margin:18mm 16mm}
${STATUS_CSS}
`;

/** A status as a coloured chip: glyph and label. */
function chip(status: ClaimRecord['status']): string {
  const info = statusInfo(status);
  return `<span class="chip s-${info.id}">${escapeHtml(info.glyph)} ${escapeHtml(info.label)}</span>`;
}

/** A link when the URL is safe, otherwise the URL as text. */
function link(url: string, text: string): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function metaList(item: ExportedArticle): string {
  const a = item.article;
  const rows: [string, string][] = [];
  if (a.byline) rows.push(['Byline', escapeHtml(a.byline)]);
  if (a.publisher) rows.push(['Publisher', escapeHtml(a.publisher)]);
  if (a.publishedAt) rows.push(['Published', escapeHtml(a.publishedAt)]);
  if (a.sourceUrl) rows.push(['Source', link(a.sourceUrl, a.sourceUrl)]);
  if (a.language) rows.push(['Language', escapeHtml(a.language)]);
  rows.push(['Imported', escapeHtml(formatTimestamp(a.importedAt))]);
  rows.push(['Article id', `<code>${escapeHtml(a.id)}</code>`]);
  return `<dl class="meta">\n${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;
}

function summary(item: ExportedArticle, bundle: ExportBundle): string {
  const counts = countByStatus(item.claims);
  const rows = STATUSES.map((s) => `<tr><td>${chip(s.id)}</td><td class="num">${counts[s.id]}</td></tr>`).join('\n');
  const reviewers = reviewersOf(item.claims);
  const org = bundle.prefs.organisation ? link(bundle.prefs.organisationUrl, bundle.prefs.organisation) : '';
  return `<section class="summary" aria-labelledby="summary-h">
<h2 class="section" id="summary-h">Summary</h2>
<table>
<thead><tr><th scope="col">Status</th><th scope="col">Claims</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Total</th><td class="num">${item.claims.length}</td></tr></tfoot>
</table>
<dl class="meta">
<dt>Reviewers</dt><dd>${reviewers.length ? reviewers.map(escapeHtml).join(', ') : '<span class="muted">none named</span>'}</dd>
${org ? `<dt>Organisation</dt><dd>${org}</dd>\n` : ''}<dt>Exported</dt><dd>${escapeHtml(formatTimestamp(bundle.exportedAt))}</dd>
</dl>
</section>`;
}

function evidenceList(c: ClaimRecord): string {
  if (c.evidence.length === 0) return '<p class="muted">No evidence recorded.</p>';
  const items = c.evidence.map((e) => {
    const note = e.note ? ` <span class="muted">— ${escapeHtml(e.note)}</span>` : '';
    return `<li><span class="stance">${STANCE_LABELS[e.stance]}</span>${link(e.url, e.title || e.url)}${e.title ? ` <span class="muted">(${escapeHtml(e.url)})</span>` : ''}${note}</li>`;
  });
  return `<ul class="evidence">\n${items.join('\n')}\n</ul>`;
}

function historyTable(c: ClaimRecord): string {
  const rows = c.history
    .map((h) => `<tr><td>${escapeHtml(formatTimestamp(h.at))}</td><td>${chip(h.status)}</td><td>${escapeHtml(h.reviewer) || '<span class="muted">—</span>'}</td></tr>`)
    .join('\n');
  return `<table class="history">
<caption class="muted">Status history</caption>
<thead><tr><th scope="col">When</th><th scope="col">Status</th><th scope="col">Reviewer</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function claimEntry(n: NumberedClaim): string {
  const c = n.claim;
  const where = n.range ? '' : '\n<p class="orphan">This quote was not found in the article text.</p>';
  return `<section class="claim" id="claim-${n.number}" data-claim="${escapeHtml(c.id)}" aria-label="Claim ${n.number}">
<h3 class="claim-head"><span class="n">Claim ${n.number}</span>${chip(c.status)}<span class="claimant">${c.claimant ? escapeHtml(c.claimant) : '<span class="muted">Claimant not recorded</span>'}</span></h3>
<blockquote class="quote">${escapeHtml(c.target.quote.exact)}</blockquote>${where}
<dl class="meta">
<dt>Claimant</dt><dd>${escapeHtml(c.claimant) || '<span class="muted">—</span>'}</dd>
<dt>Status</dt><dd>${escapeHtml(statusInfo(c.status).label)}</dd>
<dt>Reviewer</dt><dd>${escapeHtml(c.reviewer) || '<span class="muted">—</span>'}</dd>
<dt>Updated</dt><dd>${escapeHtml(formatTimestamp(c.updatedAt))} (revision ${c.revision})</dd>
</dl>
<h4>Evidence</h4>
${evidenceList(c)}
${c.note ? `<h4>Note</h4>\n<p class="note">${escapeHtml(c.note)}</p>\n` : ''}${historyTable(c)}
</section>`;
}

/** The report for one article as a complete HTML document. */
export function renderArticleReport(item: ExportedArticle, bundle: ExportBundle): string {
  const { article } = item;
  const numbered = numberClaims(item);
  const body = renderHighlightedDoc(parseDoc(article.doc), numbered);
  const legend = STATUSES.map((s) => chip(s.id)).join(' ');
  return `<!doctype html>
<html lang="${escapeHtml(article.language || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factmark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`Fact-check report: ${article.title}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="muted">Fact-check report</p>
<h1>${escapeHtml(article.title)}</h1>
${metaList(item)}
</header>
<main>
${summary(item, bundle)}
<section aria-labelledby="text-h">
<h2 class="section" id="text-h">Article text</h2>
<p class="legend" aria-label="Status key">${legend}</p>
<div class="article-text">
${body}
</div>
</section>
<section aria-labelledby="claims-h">
<h2 class="section" id="claims-h">Claims (${numbered.length})</h2>
${numbered.length ? numbered.map(claimEntry).join('\n') : '<p class="muted">No claims.</p>'}
</section>
</main>
<footer>Exported by Factmark on ${escapeHtml(formatTimestamp(bundle.exportedAt))}.</footer>
</body>
</html>
`;
}

/** The HTML format: the report for the bundle's one article. */
export function renderHtml(bundle: ExportBundle): string {
  return renderArticleReport(singleArticle(bundle), bundle);
}

