/**
 * `npm run bench -- library`: the whole library at work on a generated library of 10,000
 * articles x 100 claims (1,000,000 claims) against 1,000 and 100 articles. Reports: building the
 * claim index from the article files and loading it back from search/; library-wide search (text
 * plus a filter) p95; "checked before" p95; opening the library as a host does (first screen =
 * library.list, the index then loading in the background) with memory; saving one claim with the
 * index on vs off, alternated in one process; importing a 100-page PDF. Query figures follow a
 * short warm-up and split wall time into CPU time, time spent waiting for a CPU (the run queue,
 * from /proc: the machine is shared) and garbage collection. Re-runs itself with a larger heap.
 * Reports figures; never fails on them.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactmarkError, type OperationName, type RequestOf, type ResponseOf } from '../../src-shared/contract';
import { openFactmark, type Factmark } from '../../src-main/services/factmark';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { libraryIndex, PRELOAD_AFTER_MS } from '../../src-main/search/library-index';
import { makeTextPdf } from '../unit/library/pdf-fixtures';
import { claimantNames, generateLibrary } from './library-generate';
import { seeded } from '../../src-shared/seeded';
import { median, percentile } from './stats';
import { timed, type Run } from './timed';

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

async function open(dir: string, preloadIndexAfterMs?: number): Promise<Factmark> {
  return openFactmark({ dataDir: dir, resourcesDir: resolve('resources'), seed: false, preloadIndexAfterMs });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** Garbage collection pauses so far, in milliseconds (reported a little after they happen). */
let gcPauseMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauseMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

/** Time `count` calls of `fn(i)` after a warm-up, with the GC pauses of the timed calls. */
async function timeRuns(count: number, fn: (i: number) => Promise<unknown>): Promise<{ runs: Run[]; gc: number }> {
  const runs: Run[] = [];
  let gc0 = gcPauseMs;
  for (let i = 0; i < WARM_UP + count; i++) {
    if (i === WARM_UP) {
      await sleep(20); // the warm-up's GC reports arrive
      gc0 = gcPauseMs;
    }
    const run = await timed(() => fn(i));
    if (i >= WARM_UP) runs.push(run);
  }
  await sleep(20);
  return { runs, gc: gcPauseMs - gc0 };
}

function summary({ runs, gc }: { runs: Run[]; gc: number }): string {
  const wall = runs.map((r) => r.wall);
  const cpu = runs.map((r) => r.cpu);
  const unqueued = runs.map((r) => r.wall - r.queued);
  const sum = (k: keyof Run) => runs.reduce((n, r) => n + r[k], 0);
  return (
    `p50 ${ms(median(wall))}, p95 ${ms(percentile(wall, 95))} (CPU p50 ${ms(median(cpu))}, p95 ${ms(percentile(cpu, 95))}; ` +
    `wall less run-queue wait p95 ${ms(percentile(unqueued, 95))}; of all ${ms(sum('wall'))} wall: ${ms(sum('queued'))} waiting for a CPU, ${ms(gc)} in GC pauses)`
  );
}

const WARM_UP = 20;

/** Search p95 (text plus a status or claimant filter), checked-before p95 and the All claims first page over one library, after a short warm-up. */
async function queryFigures(f: Factmark, label: string, articles: number): Promise<{ search: number; similar: number; searchCpu: number; similarCpu: number }> {
  await libraryIndex(f.ctx).current();
  const call = caller(f);
  const rand = seeded(11);
  const names = claimantNames();
  let hits = 0;
  const searches = await timeRuns(RUNS, async (i) => {
    const text = WORDS[i % WORDS.length];
    const filter = i % 2 ? { status: STATUSES[i % STATUSES.length] } : { claimant: names[Math.floor(rand() * 40)].split(' ').at(-1)! };
    hits += (await call('claims.search', { text, ...filter, limit: 50 })).total;
  });
  const similars = await timeRuns(RUNS, (i) => {
    const a = Math.floor(rand() * articles);
    const articleId = `art${String(a).padStart(6, '0')}`;
    const claimId = `c${a.toString(36)}x${Math.floor(rand() * CLAIMS_PER)}`;
    return call('claims.similar', { articleId, claimId, limit: 10 });
  });
  const allClaims = await timed(() => call('claims.search', { limit: 200 }));
  const nextPage = await timed(async () => {
    const first = await call('claims.search', { status: 'disputed', limit: 200 });
    await call('claims.search', { status: 'disputed', limit: 200, after: first.next! });
  });
  console.log(
    `${label}: search (text + filter) ${summary(searches)}, ${Math.round(hits / (WARM_UP + RUNS))} hits on average; ` +
      `checked before ${summary(similars)}; All claims first page (every claim, newest first) ${ms(allClaims.wall)}, status filter + next page ${ms(nextPage.wall)}`,
  );
  return {
    search: percentile(searches.runs.map((r) => r.wall), 95),
    similar: percentile(similars.runs.map((r) => r.wall), 95),
    searchCpu: percentile(searches.runs.map((r) => r.cpu), 95),
    similarCpu: percentile(similars.runs.map((r) => r.cpu), 95),
  };
}

/**
 * Open a library as the hosts do: time to the first screen (open + library.list), then the claim
 * index loading in the background: when it is ready, how long library.list takes meanwhile and the
 * longest event-loop stall, and memory once it is loaded.
 */
async function openFigures(dir: string, label: string) {
  gc();
  const started = performance.now();
  const f = await open(dir, PRELOAD_AFTER_MS);
  const call = caller(f);
  const rows = await call('library.list', {});
  const firstScreen = performance.now() - started;
  gc();
  const afterList = process.memoryUsage();
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const listing: number[] = [];
  const index = libraryIndex(f.ctx);
  while (!index.lastLoad) {
    // A call due every 50 ms, timed from when it was due: an event-loop stall delays it.
    const due = performance.now() + 50;
    await sleep(50);
    await call('library.list', {});
    listing.push(performance.now() - due);
  }
  const ready = performance.now() - started;
  stalls.disable();
  gc();
  const afterIndex = process.memoryUsage();
  const stats = index.lastLoad;
  console.log(
    `${label}: first screen (open + library.list of ${rows.length}) ${ms(firstScreen)}, heap ${mb(afterList.heapUsed)}; ` +
      `claim index loaded in the background from ${PRELOAD_AFTER_MS} ms after opening, ready ${ms(ready)} after opening ` +
      `(${stats.loadedShards} shards read, ${stats.reindexed} articles reindexed); meanwhile library.list answered p50 ${ms(median(listing))}, max ${ms(Math.max(...listing))} after it was due ` +
      `(${listing.length} calls), longest event-loop stall ${ms(stalls.max / 1e6)}; heap with the index ${mb(afterIndex.heapUsed)}`,
  );
  return { f, firstScreen, ready, heap: afterIndex.heapUsed };
}

const SAVES = 150;

/**
 * Saving one claim (claims.update) with the index on vs off, alternated in one process so the
 * machine's load and the heap are the same for both: "on" saves article art000042 of the large
 * library, whose claim index is loaded and follows every save; "off" saves the same article of
 * a copy of that library (its article files and list, not its index), whose index is never
 * loaded. Also timed: the "on" save plus taking it into the index. Medians.
 */
async function saveFigures(onDir: string): Promise<{ on: number; off: number; caughtUp: number }> {
  const offDir = `${onDir}-copy`;
  await cp(onDir, offDir, { recursive: true, filter: (src) => !src.startsWith(join(onDir, 'search')) });
  const on = await open(onDir);
  const off = await open(offDir);
  await libraryIndex(on.ctx).current();
  const articleId = 'art000042';
  const save = async (f: Factmark, i: number, catchUp: boolean) => {
    const call = caller(f);
    const [claim] = await call('claims.list', { articleId });
    if (f === on) await libraryIndex(on.ctx).current(); // the previous save taken in, off the clock
    return time(async () => {
      await call('claims.update', { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { note: `edit ${i}` } });
      if (catchUp) await libraryIndex(on.ctx).current();
    });
  };
  const times = { on: [] as number[], off: [] as number[], caughtUp: [] as number[] };
  for (let i = 0; i < WARM_UP + SAVES; i++) {
    const order: ('on' | 'off' | 'caughtUp')[] = i % 2 ? ['on', 'off', 'caughtUp'] : ['off', 'caughtUp', 'on'];
    for (const arm of order) {
      const t = await save(arm === 'off' ? off : on, i * 3 + order.indexOf(arm), arm === 'caughtUp');
      if (i >= WARM_UP) times[arm].push(t);
    }
  }
  await on.close({ persistIndex: false });
  await off.close({ persistIndex: false });
  await rm(offDir, { recursive: true, force: true });
  return { on: median(times.on), off: median(times.off), caughtUp: median(times.caughtUp) };
}

/** Open a library, time its queries (unless `articles` is 0) and close it, keeping only the figures (so its index can be collected). */
async function measureLibrary(dir: string, label: string, articles: number) {
  const { f, firstScreen, ready, heap } = await openFigures(dir, label);
  const queries = articles ? await queryFigures(f, label, articles) : null;
  await f.close();
  return { firstScreen, ready, heap, queries };
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
    console.log(
      `ratio ${BIG} / 100 articles: first screen ${(big.firstScreen / small.firstScreen).toFixed(2)}, index ready after opening ${(big.ready / small.ready).toFixed(1)}, heap with index ${(big.heap / small.heap).toFixed(1)}`,
    );
    const { on, off, caughtUp } = await saveFigures(dirs[BIG]);
    console.log(
      `save one claim (${BIG} articles, ${SAVES} saves per arm, alternated): index off ${ms(off)}, index on ${ms(on)} (ratio ${(on / off).toFixed(2)}), ` +
        `index on and brought current inside the timed save ${ms(caughtUp)} (ratio ${(caughtUp / off).toFixed(2)}) (medians)`,
    );
    console.log(`load average during the run: ${loadavg().map((n) => n.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
    await pdfFigure();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
