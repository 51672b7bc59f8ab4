/**
 * Export speed for a large article: 5,000 claims (nested and overlapping) over ~1,000 paragraphs.
 * Times each format's render (median of several runs), the same through the contract operation
 * (store load included), restores of the JSON and W3C exports, and one Chromium PDF when available.
 * Prints figures; not pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { describeRange } from '../../src-shared/anchoring/describe';
import { Article, Claim, inDocumentOrder, type ClaimRecord } from '../../src-shared/model';
import { STATUS_IDS } from '../../src-shared/statuses';
import { docText } from '../../src-shared/text';
import { hashText, parseDoc } from '../../src-main/services/documents';
import { paragraphsDoc } from '../../src-main/services/import/doc-json';
import { findChromium } from '../../src-main/services/export/chromium-printer';
import { EXPORT_FORMATS } from '../../src-main/services/export/registry';
import type { ExportBundle, ExportFormatId } from '../../src-main/services/export/types';
import { SCHEMA_VERSION } from '../../src-main/store/files';
import { openTempLibrary } from '../support/temp-library';
import { median } from './stats';
import { seeded } from '../../src-shared/seeded';

const CLAIMS = 5_000;
const PARAGRAPHS = 1_000;

const random = seeded(42);
const words = 'the minister said talks would continue despite reports of shelling near the port while aid convoys waited at checkpoints'.split(' ');
const paragraphs = Array.from({ length: PARAGRAPHS }, () => Array.from({ length: 40 + Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(' ') + '.');
const doc = paragraphsDoc(paragraphs);
const text = docText(parseDoc(doc));
const at = '2026-01-15T10:00:00.000Z';
const article = Article.parse({ id: 'bench', title: 'Benchmark article', byline: '', publisher: 'Bench', sourceUrl: 'https://news.example/bench', publishedAt: '2026-01-01', language: 'en', importedAt: at, updatedAt: at, doc, textHash: hashText(text) });
const claims: ClaimRecord[] = inDocumentOrder(
  Array.from({ length: CLAIMS }, (_, i) => {
    const start = Math.floor(random() * (text.length - 400));
    const end = start + 5 + Math.floor(random() * 300);
    const status = STATUS_IDS[i % STATUS_IDS.length];
    return Claim.parse({
      id: `c${i}`,
      articleId: article.id,
      target: describeRange(text, start, end),
      claimant: `Claimant ${i % 37}`,
      status,
      evidence: i % 3 === 0 ? [{ id: `e${i}`, url: `https://evidence.example/${i}`, title: `Source ${i}`, note: 'checked', stance: 'refutes' }] : [],
      note: i % 2 ? `Note for claim ${i}, with "quotes", commas and a line\nbreak.` : '',
      reviewer: 'Bench Reviewer',
      createdAt: at,
      updatedAt: at,
      revision: 1 + (i % 4),
      history: [{ status, at, reviewer: 'Bench Reviewer' }],
    });
  }),
);
const bundle: ExportBundle = { articles: [{ article, claims, text }], prefs: { reviewer: 'Bench', organisation: 'Bench Checks', organisationUrl: 'https://bench.example/' }, exportedAt: at, options: { includeNotes: true } };

async function time(run: () => unknown, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const row = (label: string, ms: number, extra = '') => console.log(`${label.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms  ${(((ms * 1000) / CLAIMS)).toFixed(1).padStart(7)} µs/claim  ${extra}`);

console.log(`Article: ${PARAGRAPHS} paragraphs, ${text.length.toLocaleString('en')} characters, ${CLAIMS.toLocaleString('en')} claims (nested and overlapping)`);
console.log('\nRender only (median of 5 runs):');
const sizes = new Map<ExportFormatId, number>();
for (const id of ['html', 'md', 'csv', 'json', 'w3c', 'claimreview'] as const) {
  const spec = EXPORT_FORMATS[id];
  let size = 0;
  const ms = await time(() => {
    size = (spec.render(bundle, { printer: () => { throw new Error('no PDF here'); } }) as string).length;
  }, 5);
  sizes.set(id, size);
  row(id, ms, `${(size / 1024 / 1024).toFixed(2)} MB`);
}

const lib = await openTempLibrary();
try {
  await lib.factmark.ctx.store.writeArticle({ schemaVersion: SCHEMA_VERSION, article, claims });
  console.log('\nThrough export.article (store read + validation + render, median of 3):');
  for (const id of ['html', 'csv', 'json', 'w3c'] as const) row(`export.article ${id}`, await time(() => lib.call('export.article', { articleId: article.id, format: id }), 3));

  const json = EXPORT_FORMATS.json.render(bundle, { printer: () => { throw new Error(); } }) as string;
  const w3c = EXPORT_FORMATS.w3c.render(bundle, { printer: () => { throw new Error(); } }) as string;
  console.log('\nRestore into an empty library (one run each, includes the durable write):');
  for (const [label, req] of [
    ['export.restore json', { format: 'json' as const, content: json }],
    ['export.restore w3c + article', { format: 'w3c' as const, content: w3c, article: JSON.stringify(article) }],
  ] as const) {
    const target = await openTempLibrary();
    try {
      row(label, await time(async () => {
        await target.call('export.restore', req);
        await target.factmark.flush();
      }, 1));
    } finally {
      await target.cleanup();
    }
  }

  if (findChromium()) {
    console.log('\nPDF via Chromium (one run; launch + layout + print):');
    let bytes = 0;
    const ms = await time(async () => {
      const file = await lib.call('export.article', { articleId: article.id, format: 'pdf' });
      bytes = 'dataBase64' in file ? Buffer.from(file.dataBase64, 'base64').length : 0;
    }, 1);
    row('export.article pdf', ms, `${(bytes / 1024 / 1024).toFixed(2)} MB`);
  } else console.log('\nPDF: skipped (no Chromium; set CHROMIUM_PATH)');
} finally {
  await lib.cleanup();
}
