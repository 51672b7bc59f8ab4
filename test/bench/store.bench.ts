/**
 * Save speed of the store: one claim change (claims.update through the Dispatcher: validation,
 * backup of the previous version, durable write) in a library of 1,000 other articles vs an empty
 * one, vs a bare durable write-and-rename of the same JSON, and with backups on vs off. Runs are
 * interleaved so background load hits every variant alike; figures are medians. Not pass/fail.
 */
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../../src-main/services/context';
import { Dispatcher } from '../../src-main/services/dispatch';
import { createHandlers } from '../../src-main/services/handlers';
import { SCHEMA_VERSION, summarise, type ArticleData } from '../../src-main/store/files';
import { makeTempDir } from '../support/temp-library';
import { median } from './stats';

const OTHER_ARTICLES = 1_000;
const CLAIMS = 40;
const SAVES = 200;
const WARMUP = 15;

const PARAGRAPH = 'The ministry said on Tuesday that exports rose 12 percent last year, the fastest growth since 2010, while imports fell. ';

/** Temp folders made by this run; main() removes them when it ends. */
const tempDirs: string[] = [];

/** A new temp folder, recorded for removal. */
async function tempDir(prefix: string): Promise<string> {
  const dir = await makeTempDir(prefix);
  tempDirs.push(dir);
  return dir;
}

/** One article of ~30 paragraphs with CLAIMS claims, made through the services. */
async function seedArticle(dispatcher: Dispatcher): Promise<{ articleId: string; claimId: string }> {
  const content = Array.from({ length: 30 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `${i + 1}. ${PARAGRAPH.repeat(3)}` }] }));
  const created = await dispatcher.call('library.create', { meta: { title: 'Benchmark article' }, doc: { type: 'doc', content } });
  if (!created.ok) throw new Error(created.error.message);
  const articleId = (created.value as { id: string }).id;
  let claimId = '';
  for (let i = 0; i < CLAIMS; i++) {
    const claim = await dispatcher.call('claims.create', { articleId, range: { quote: 'exports rose 12 percent', occurrence: i + 1 }, claimant: 'the ministry', note: 'checked against the statistics office' });
    if (!claim.ok) throw new Error(claim.error.message);
    claimId ||= (claim.value as { id: string }).id;
  }
  return { articleId, claimId };
}

/** A library folder; with `others`, 1,000 more article files (copies under new ids) and their index rows. */
async function makeLibrary(others: number, backups = true) {
  const dir = await tempDir('factmark-bench-');
  let ctx = createContext(dir, { backups });
  let dispatcher = new Dispatcher(createHandlers(ctx), ctx.exclusive);
  const { articleId, claimId } = await seedArticle(dispatcher);
  if (others > 0) {
    const base = await ctx.store.article(articleId);
    const index = await ctx.store.index();
    const rows = [...index.articles];
    for (let i = 0; i < others; i++) {
      const id = `other${String(i).padStart(5, '0')}`;
      const copy: ArticleData = { ...base, article: { ...base.article, id, title: `Other article ${i}` }, claims: base.claims.map((c) => ({ ...c, articleId: id })) };
      await writeFile(join(dir, 'articles', `${id}.json`), JSON.stringify(copy, null, 1));
      rows.push(summarise(copy));
    }
    await ctx.store.flush();
    await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, articles: rows }, null, 1));
    ctx = createContext(dir, { backups }); // reopen, as the app would
    dispatcher = new Dispatcher(createHandlers(ctx), ctx.exclusive);
  }
  const claims = await dispatcher.call('claims.list', { articleId });
  if (!claims.ok) throw new Error(claims.error.message);
  let revision = (claims.value as { id: string; revision: number }[]).find((c) => c.id === claimId)!.revision;
  let n = 0;
  return {
    dir,
    file: join(dir, 'articles', `${articleId}.json`),
    data: () => ctx.store.article(articleId),
    flush: () => ctx.store.flush(),
    async save(): Promise<number> {
      const start = performance.now();
      const r = await dispatcher.call('claims.update', { articleId, claimId, baseRevision: revision, patch: { note: `note ${++n}` } });
      const took = performance.now() - start;
      if (!r.ok) throw new Error(r.error.message);
      revision = (r.value as { revision: number }).revision;
      return took;
    },
  };
}

/** The bare baseline: write the same JSON to a temp file, fsync, rename over, fsync the folder. */
async function bareWrite(file: string, text: string): Promise<number> {
  const start = performance.now();
  const temp = `${file}.bare.tmp`;
  const handle = await open(temp, 'w');
  await handle.writeFile(text, 'utf8');
  await handle.sync();
  await handle.close();
  await rename(temp, file);
  const folder = await open(dirname(file), 'r');
  await folder.sync();
  await folder.close();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const libraries: Awaited<ReturnType<typeof makeLibrary>>[] = [];
  try {
    const setupStart = performance.now();
    const empty = await makeLibrary(0);
    libraries.push(empty);
    const full = await makeLibrary(OTHER_ARTICLES);
    libraries.push(full);
    const noBackups = await makeLibrary(0, false);
    libraries.push(noBackups);
    const bareDir = await tempDir('factmark-bench-bare-');
    const bareFile = join(bareDir, 'article.json');
    const text = JSON.stringify(await empty.data(), null, 1);
    console.log(`setup: ${OTHER_ARTICLES} other articles, ${CLAIMS} claims in the saved article (${(text.length / 1024).toFixed(0)} KB), ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

    const times = { empty: [] as number[], full: [] as number[], noBackups: [] as number[], bare: [] as number[] };
    for (let i = 0; i < WARMUP + SAVES; i++) {
      const round = { empty: await empty.save(), full: await full.save(), noBackups: await noBackups.save(), bare: await bareWrite(bareFile, text) };
      if (i < WARMUP) continue;
      for (const key of Object.keys(round) as (keyof typeof round)[]) times[key].push(round[key]);
    }
    const m = { empty: median(times.empty), full: median(times.full), noBackups: median(times.noBackups), bare: median(times.bare) };
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    console.log(`median of ${SAVES} saves (claims.update, one article file rewritten):`);
    console.log(`  empty library (backups on)      ${ms(m.empty)}`);
    console.log(`  1,000 other articles            ${ms(m.full)}`);
    console.log(`  empty library, backups off      ${ms(m.noBackups)}`);
    console.log(`  bare write+fsync+rename+fsync   ${ms(m.bare)}`);
    console.log(`ratios:`);
    console.log(`  1,000 articles / empty          ${(m.full / m.empty).toFixed(2)}  (target <= 1.2)`);
    console.log(`  save / bare write               ${(m.empty / m.bare).toFixed(2)}  (target <= 2)`);
    console.log(`  backups + journal on / off      ${(m.empty / m.noBackups).toFixed(2)}`);
  } finally {
    await Promise.all(libraries.map((library) => library.flush()));
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

await main();
