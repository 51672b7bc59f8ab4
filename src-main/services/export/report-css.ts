/** The HTML report's stylesheet (inline in the report): reading layout on screen, clean A4 pages in print. */
import { createHash } from 'node:crypto';
import { STATUSES } from '../../../src-shared/statuses';

const STATUS_CSS = STATUSES.map(
  (s) =>
    `mark.s-${s.id}{background:${s.colour}}\n.chip.s-${s.id},.claim-num.s-${s.id}{background:${s.chipBackground};color:${s.chipText}}`,
).join('\n');

export const REPORT_CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:16px/1.6 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:48rem;padding:2rem 1.25rem}
h1,h2,h3,h4,.kicker,.dateline,.source-line,.claim-head,.attribution,.flag,.legend,.meta,.sources .stance,footer{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;font-weight:700;color:#8a1c1c;margin:0}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .4rem}
.dateline,.source-line{margin:.1rem 0;color:#444;font-size:.9rem;overflow-wrap:anywhere}
.overall{font-size:1.15rem;line-height:1.5;margin:1.2rem 0 0;padding:.8rem 1rem;background:#f4f1ea;border-left:4px solid #333;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2.section{font-size:1.35rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.5rem}
.finding{border-top:1px solid #ccc;padding:1rem 0;break-inside:avoid-page}
.finding:first-of-type{border-top:0}
.claim-head{display:flex;gap:.6rem;align-items:center;flex-wrap:wrap;margin:0 0 .3rem;font-size:.9rem}
.claim-head .n{font-weight:700;color:#1a1a1a;text-decoration:none;border:1px solid #999;border-radius:1rem;padding:0 .5rem}
.verdict-date{color:#555}
h3.checked{font-size:1.2rem;line-height:1.35;margin:.2rem 0 .5rem}
blockquote.quote{margin:.3rem 0 .3rem;padding:.3rem .8rem;border-left:4px solid #888;background:#f6f6f6;white-space:pre-wrap;font-style:italic;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.attribution{margin:0 0 .6rem;font-size:.9rem;color:#333}
.explanation{margin:.5rem 0;white-space:pre-wrap}
.flag{display:inline-block;margin:.4rem 0;padding:.1rem .6rem;border:2px solid #b00020;border-radius:.3rem;color:#b00020;font-weight:700;font-size:.85rem}
.finding h4{font:600 .85rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;color:#444;margin:.8rem 0 .2rem}
.sources{margin:.2rem 0;padding-left:1.6rem}
.sources li{overflow-wrap:anywhere;margin:.15rem 0}
.sources .stance{font-size:.75em;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#555;margin-left:.3rem}
.note{white-space:pre-wrap;margin:.3rem 0;padding:.3rem .6rem;border:1px dashed #999}
.orphan{color:#8a1c1c;font-style:italic}
.muted{color:#555}
.chip{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-size:.85em;font-weight:600;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.claim{color:inherit;padding:.05em 0;border-bottom:2px solid rgba(0,0,0,.35);-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.claim mark.claim{border-bottom-style:double;border-bottom-width:3px}
.claim-num{font:700 .7em/1 system-ui,sans-serif;vertical-align:super;text-decoration:none;border-radius:.4em;padding:.05em .3em;margin-right:.1em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.article-text{font-size:1.05rem}
.article-text blockquote{margin-left:1rem;padding-left:1rem;border-left:3px solid #ccc}
.legend{font-size:.85rem;display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 1rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0;font-size:.9rem}
.meta dt{font-weight:600;color:#444}.meta dd{margin:0;overflow-wrap:anywhere}
footer{margin-top:3rem;font-size:.8rem;color:#555;border-top:1px solid #ccc;padding-top:.5rem}
a{color:#0b4fa8}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  h2.section,.claim-head,h3.checked{break-after:avoid}
}
@page{size:A4;margin:16mm 16mm 20mm}
${STATUS_CSS}
`;

/** The CSP source for the report's <style> element ('sha256-…'), so a page that forbids inline styles can still show the report (the export preview). */
export const REPORT_STYLE_HASH = `sha256-${createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64')}`;
