/**
 * Import speed on the CLI path: a generated 2 MB news page and a generated 100-page .docx (and a
 * 200 KB page for comparison),
 * imported (a) through the service in-process, (b) through runCli in-process, and (c) once each
 * as a real `npx tsx src-main/cli/main.ts import` process. Prints figures; not pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, ExternalHyperlink, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { runCli } from '../../src-main/cli/run';
import { openFactmark } from '../../src-main/services/factmark';
import { median } from './stats';

const WORDS = 'council port expansion terminal dredging traffic jobs harbour ferry estuary minister budget report vote residents berth freight tunnel bridge levy'.split(' ');

/** Deterministic pseudo-random words. */
function sentence(seed: number, length = 18): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13 + ((seed * i) % 5)) % WORDS.length]);
  return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
}

/** A news page of about `bytes` bytes: site chrome, metadata, and a long article with marks and links. */
function newsPage(bytes: number): string {
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long read | The Harbour Courier</title>
<meta property="og:title" content="The long read: a year at the port"><meta property="og:site_name" content="The Harbour Courier">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"The long read: a year at the port","author":{"name":"Amira Haddad"},"datePublished":"2026-03-01"}</script>
<script>${'var x = 1;'.repeat(2000)}</script><style>${'.a{color:red}'.repeat(2000)}</style></head><body>
<header><nav>${Array.from({ length: 200 }, (_, i) => `<a href="/section/${i}">Section ${i}</a>`).join(' ')}</nav></header><main><article><h1>The long read: a year at the port</h1>`;
  const tail = `</article><aside>${Array.from({ length: 50 }, (_, i) => `<p><a href="/related/${i}">Related story ${i}</a></p>`).join('')}</aside></main><footer>© The Harbour Courier</footer></body></html>`;
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const block =
      i % 25 === 0
        ? `<h2>Part ${i / 25 + 1}: ${sentence(i, 5)}</h2>`
        : `<p>${sentence(i)} <strong>${sentence(i + 1, 4)}</strong> ${sentence(i + 2)} <a href="https://example.org/source/${i}">${sentence(i + 3, 3)}</a> <em>${sentence(i + 4, 6)}</em> ${sentence(i + 5)}</p>`;
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  parts.push(tail);
  return parts.join('\n');
}

/** A Word document of `pages` pages (a heading and about 500 words each, with a page break between). */
async function longDocx(pages: number): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: 'A year at the port', heading: HeadingLevel.TITLE })];
  for (let p = 0; p < pages; p++) {
    children.push(new Paragraph({ text: `Chapter ${p + 1}`, heading: HeadingLevel.HEADING_1, pageBreakBefore: p > 0 }));
    for (let i = 0; i < 9; i++) {
      const seed = p * 100 + i;
      children.push(
        new Paragraph({
          children: [
            new TextRun(`${sentence(seed)} ${sentence(seed + 1)} `),
            new TextRun({ text: sentence(seed + 2, 6), bold: true }),
            new TextRun(` ${sentence(seed + 3)} `),
            new ExternalHyperlink({ link: `https://example.org/doc/${seed}`, children: [new TextRun({ text: 'source', style: 'Hyperlink' })] }),
            new TextRun({ text: ` ${sentence(seed + 4, 10)}`, italics: true }),
          ],
        }),
      );
    }
    if (p === pages - 1) children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  return Packer.toBuffer(new Document({ title: 'A year at the port', creator: 'Bench', sections: [{ children }] }));
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'factmark-bench-import-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Time one import through the dispatcher (validation, conversion, store write) in a fresh library. */
async function timeService(fileName: string, bytes: Buffer): Promise<{ ms: number; chars: number }> {
  return withTempDir(async (dir) => {
    const factmark = await openFactmark({ dataDir: dir, resourcesDir: 'resources', seed: false });
    const start = performance.now();
    const result = await factmark.dispatcher.call('import.file', { fileName, dataBase64: bytes.toString('base64') });
    await factmark.flush();
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(result.error.message);
    return { ms, chars: JSON.stringify((result.value as { article: { doc: unknown } }).article.doc).length };
  });
}

/** Time `runCli(['import', file])` in-process, in a fresh library. */
async function timeRunCli(file: string): Promise<number> {
  return withTempDir(async (dir) => {
    const start = performance.now();
    const errors: string[] = [];
    const code = await runCli(['import', file, '--data-dir', dir], { out: () => {}, err: (l) => errors.push(l), env: {} });
    const ms = performance.now() - start;
    if (code !== 0) throw new Error(errors.join('\n'));
    return ms;
  });
}

/** Time one `npx tsx src-main/cli/main.ts import FILE` process, and a `list` process for the start-up cost. */
async function timeProcess(args: string[]): Promise<number> {
  return withTempDir(async (dir) => {
    const start = performance.now();
    const r = spawnSync('npx', ['tsx', 'src-main/cli/main.ts', ...args, '--data-dir', dir], { encoding: 'utf8' });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(r.stderr);
    return ms;
  });
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function main(): Promise<void> {
  const RUNS = 3;
  await withTempDir(async (work) => {
    const html = Buffer.from(newsPage(2 * 1024 * 1024));
    const typical = Buffer.from(newsPage(200 * 1024));
    const typicalFile = join(work, 'typical.html');
    await writeFile(typicalFile, typical);
    const docx = await longDocx(100);
    const htmlFile = join(work, 'long-read.html');
    const docxFile = join(work, 'long-read.docx');
    await writeFile(htmlFile, html);
    await writeFile(docxFile, docx);
    console.log(`inputs: news page ${(html.length / 1024 / 1024).toFixed(2)} MB; .docx ${(docx.length / 1024).toFixed(0)} KB, 100 pages`);

    const inputs = [
      ['200 KB news page (.html), for comparison', typicalFile, typical],
      ['2 MB news page (.html)', htmlFile, html],
      ['100-page Word file (.docx)', docxFile, docx],
    ] as const;
    for (const [label, file, bytes] of inputs) {
      await timeService(file, bytes); // warm-up: module loading, JIT
      const service: number[] = [];
      let chars = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await timeService(file, bytes);
        service.push(r.ms);
        chars = r.chars;
      }
      const cli: number[] = [];
      for (let i = 0; i < RUNS; i++) cli.push(await timeRunCli(file));
      console.log(`${label}`);
      console.log(`  service in-process (median of ${RUNS}): ${fmt(median(service))}   stored document ${(chars / 1024).toFixed(0)} KB of JSON`);
      console.log(`  runCli in-process  (median of ${RUNS}): ${fmt(median(cli))}`);
    }

    const startup = await timeProcess(['list']);
    const htmlProcess = await timeProcess(['import', htmlFile]);
    const docxProcess = await timeProcess(['import', docxFile]);
    console.log('one `npx tsx src-main/cli/main.ts` process each:');
    console.log(`  list (start-up cost):     ${fmt(startup)}`);
    console.log(`  import 2 MB news page:    ${fmt(htmlProcess)}   (${(htmlProcess / startup).toFixed(1)}x start-up)`);
    console.log(`  import 100-page .docx:    ${fmt(docxProcess)}   (${(docxProcess / startup).toFixed(1)}x start-up)`);
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
