/**
 * `npm run bench -- library`: the whole library at work on a generated library of 10,000
 * articles x 100 claims (1,000,000 claims) against 1,000 and 100 articles. Reports: building the
 * claim index from the article files and loading it back from search/; library-wide search (text
 * plus a filter) p95; "checked before" p95; opening the library (first screen = library.list)
 * with memory; saving one claim with the index on vs off; importing a 100-page PDF. Query
 * figures follow a short warm-up and give CPU time beside wall time, as the machine may be shared.
 * Re-runs itself with a larger heap. Reports figures; never fails on them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactmarkError, type OperationName, type RequestOf, type ResponseOf } from '../../src-shared/contract';
import { openFactmark, type Factmark } from '../../src-main/services/factmark';
import { libraryIndex } from '../../src-main/search/library-index';
import { makeTextPdf } from '../unit/library/pdf-fixtures';
import { claimantNames, generateLibrary, seeded } from './library-generate';
import { median, percentile } from './stats';

if (!process.env.FACTMARK_LIBRARY_BENCH_CHILD) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--max-old-space-size=12288', '--expose-gc', '--import', 'tsx', self], {
    stdio: 'inherit',
    env: { ...process.env, FACTMARK_LIBRARY_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const BIG = Number(process.env.FACTMARK_BENCH_ARTICLES ?? 10_000);
const CLAIMS_PER = 100;
const RUNS = 200;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function open(dir: string): Promise<Factmark> {
  return openFactmark({ dataDir: dir, resourcesDir: resolve('resources'), seed: false });
}

function caller(f: Factmark) {
  return async <N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> => {
    const r = await f.dispatcher.call(name, req);
    if (!r.ok) throw new FactmarkError(r.error.code, r.error.message);
    return r.value as ResponseOf<N>;
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const WORDS = ['ceasefire', 'unemployment', 'grain exports', 'troops Kyiv', 'inflation rose', 'budget', 'refugees Odesa', 'wheat', 'sanctions 2022', 'pensions fell'];
const STATUSES = ['disputed', 'false', 'verified', 'misleading'] as const;

/** Wall and CPU milliseconds of one call (CPU time is what the machine's other load cannot inflate). */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function summary(runs: { wall: number; cpu: number }[]): string {
  const wall = runs.map((r) => r.wall);
  const cpu = runs.map((r) => r.cpu);
  return `p50 ${ms(median(wall))}, p95 ${ms(percentile(wall, 95))} (CPU p50 ${ms(median(cpu))}, p95 ${ms(percentile(cpu, 95))})`;
}

const WARM_UP = 20;

/** Search p95 (text plus a status or claimant filter), checked-before p95 and the All claims first page over one library, after a short warm-up. */
async function queryFigures(f: Factmark, label: string, articles: number): Promise<{ search: number; similar: number; searchCpu: number; similarCpu: number }> {
  const call = caller(f);
  const rand = seeded(11);
  const names = claimantNames();
  const searchRuns: { wall: number; cpu: number }[] = [];
  let hits = 0;
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const text = WORDS[i % WORDS.length];
    const filter = i % 2 ? { status: STATUSES[i % STATUSES.length] } : { claimant: names[Math.floor(rand() * 40)].split(' ').at(-1)! };
    const run = await timed(async () => (hits += (await call('claims.search', { text, ...filter, limit: 50 })).total));
    if (i >= WARM_UP) searchRuns.push(run);
  }
  const similarRuns: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const a = Math.floor(rand() * articles);
    const articleId = `art${String(a).padStart(6, '0')}`;
    const claimId = `c${a.toString(36)}x${Math.floor(rand() * CLAIMS_PER)}`;
    const run = await timed(() => call('claims.similar', { articleId, claimId, limit: 10 }));
    if (i >= WARM_UP) similarRuns.push(run);
  }
  const allClaims = await timed(() => call('claims.search', { limit: 200 }));
  const nextPage = await timed(async () => {
    const first = await call('claims.search', { status: 'disputed', limit: 200 });
    await call('claims.search', { status: 'disputed', limit: 200, after: first.next! });
  });
  console.log(
    `${label}: search (text + filter) ${summary(searchRuns)}, ${Math.round(hits / (WARM_UP + RUNS))} hits on average; ` +
      `checked before ${summary(similarRuns)}; All claims first page (every claim, newest first) ${ms(allClaims.wall)}, status filter + next page ${ms(nextPage.wall)}`,
  );
  return {
    search: percentile(searchRuns.map((r) => r.wall), 95),
    similar: percentile(similarRuns.map((r) => r.wall), 95),
    searchCpu: percentile(searchRuns.map((r) => r.cpu), 95),
    similarCpu: percentile(similarRuns.map((r) => r.cpu), 95),
  };
}

/** Open a library as the app does: time to the first screen (library.list) and to a ready claim index, with memory. */
async function openFigures(dir: string, label: string) {
  gc();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const f = await open(dir);
  const rows = await caller(f)('library.list', {});
  const firstScreen = performance.now() - started;
  gc();
  const afterList = process.memoryUsage();
  const indexMs = await time(() => libraryIndex(f.ctx).current());
  gc();
  const afterIndex = process.memoryUsage();
  const stats = libraryIndex(f.ctx).lastLoad;
  console.log(
    `${label}: first screen (open + library.list of ${rows.length}) ${ms(firstScreen)}, heap ${mb(afterList.heapUsed)}; ` +
      `claim index ready ${ms(indexMs)} (${stats?.loadedShards} shards read, ${stats?.reindexed} articles reindexed), heap ${mb(afterIndex.heapUsed)}, rss +${mb(afterIndex.rss - rssBefore)}`,
  );
  return { f, firstScreen, indexMs, heap: afterIndex.heapUsed };
}

/**
 * Median time to save one claim (claims.update): with the index off (never loaded), on (loaded;
 * the save only notes the article, the index takes it in after), and on with the index brought
 * current after each save (the save plus its whole indexing cost).
 */
async function saveFigures(dir: string, mode: 'off' | 'on' | 'on+catch-up'): Promise<number> {
  const f = await open(dir);
  const call = caller(f);
  if (mode !== 'off') await libraryIndex(f.ctx).current();
  gc(); // what loading left behind is collected before the clock starts
  const articleId = 'art000042';
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const [claim] = await call('claims.list', { articleId });
    if (mode !== 'off') await libraryIndex(f.ctx).current(); // the previous save taken in, off the clock
    times.push(
      await time(async () => {
        await call('claims.update', { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { note: `edit ${i}` } });
        if (mode === 'on+catch-up') await libraryIndex(f.ctx).current();
      }),
    );
  }
  await f.close({ persistIndex: false });
  return median(times.slice(10));
}

/** Open a library, time its queries (unless `articles` is 0) and close it, keeping only the figures (so its index can be collected). */
async function measureLibrary(dir: string, label: string, articles: number) {
  const { f, firstScreen, heap } = await openFigures(dir, label);
  const queries = articles ? await queryFigures(f, label, articles) : null;
  await f.close();
  return { firstScreen, heap, queries };
}

async function pdfFigure(): Promise<void> {
  const para = (p: number, i: number) => `Paragraph ${i} of page ${p}: the ministry said unemployment fell to ${p}.${i}% while wages rose, according to the quarterly survey of ${1000 + p} households across the country.`;
  const bytes = await makeTextPdf({
    title: 'A hundred pages',
    furniture: { header: 'Bench report' },
    pages: Array.from({ length: 100 }, (_, p) => ({ blocks: [{ heading: `Section ${p + 1}`, size: 14 }, ...Array.from({ length: 6 }, (_, i) => ({ paragraph: para(p, i) }))] })),
  });
  const dir = await mkdtemp(join(tmpdir(), 'fm-bench-pdf-'));
  try {
    const f = await open(dir);
    const t = await time(() => caller(f)('import.file', { fileName: 'hundred-pages.pdf', dataBase64: bytes.toString('base64') }));
    const t2dir = await mkdtemp(join(tmpdir(), 'fm-bench-pdf2-'));
    const f2 = await open(t2dir);
    const t2 = await time(() => caller(f2)('import.file', { fileName: 'hundred-pages.pdf', dataBase64: bytes.toString('base64') }));
    await f.close();
    await f2.close();
    await rm(t2dir, { recursive: true, force: true });
    console.log(`100-page PDF import (${(bytes.length / 1024).toFixed(0)} KB, 700 blocks): ${ms(t)} first (loads pdf.js), ${ms(t2)} second`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'fm-bench-library-'));
  try {
    const dirs: Record<string, string> = {};
    for (const n of [100, 1_000, BIG]) {
      const g = await generateLibrary(join(root, String(n)), n, CLAIMS_PER);
      dirs[n] = g.dir;
      console.log(`generated ${n} articles x ${CLAIMS_PER} claims (${g.claims.toLocaleString('en')} claims) in ${ms(g.ms)}`);
    }
    // Build each index from the article files, then write it to search/.
    for (const n of [1_000, BIG]) {
      const f = await open(dirs[n]);
      const build = await time(() => libraryIndex(f.ctx).current());
      const persist = await time(() => f.close());
      console.log(`${n} articles: index built from the article files in ${ms(build)}, written to search/ in ${ms(persist)}`);
    }
    const small = await measureLibrary(dirs[100], '100 articles', 0);
    const midQ = (await measureLibrary(dirs[1_000], '1,000 articles', 1_000)).queries!;
    const big = await measureLibrary(dirs[BIG], `${BIG.toLocaleString('en')} articles`, BIG);
    const bigQ = big.queries!;
    console.log(
      `ratio ${BIG} / 1,000 articles: search p95 ${(bigQ.search / midQ.search).toFixed(2)} (CPU ${(bigQ.searchCpu / midQ.searchCpu).toFixed(2)}), ` +
        `checked before p95 ${(bigQ.similar / midQ.similar).toFixed(2)} (CPU ${(bigQ.similarCpu / midQ.similarCpu).toFixed(2)})`,
    );
    console.log(`ratio ${BIG} / 100 articles: first screen ${(big.firstScreen / small.firstScreen).toFixed(2)}, heap with index ${(big.heap / small.heap).toFixed(1)}`);
    const off = await saveFigures(dirs[BIG], 'off');
    const on = await saveFigures(dirs[BIG], 'on');
    const caughtUp = await saveFigures(dirs[BIG], 'on+catch-up');
    console.log(
      `save one claim (${BIG} articles): index off ${ms(off)}, index on ${ms(on)} (ratio ${(on / off).toFixed(2)}), ` +
        `index on and brought current after each save ${ms(caughtUp)} (ratio ${(caughtUp / off).toFixed(2)}) (medians)`,
    );
    console.log(`load average during the run: ${loadavg().map((n) => n.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
    await pdfFigure();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
