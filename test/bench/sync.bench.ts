/**
 * Team sync speed against a real pouchdb-server on loopback (`npm run bench -- sync`). Not pass/fail.
 * 1. Initial sync of 100 articles × 100 claims: library A to an empty server, then into an empty
 *    library B; each time against plain PouchDB replicating the same documents from (or into) a
 *    PouchDB database, with the same replication options (target ≤ 1.5×): A against a one-way
 *    push and against PouchDB's two-way sync (which, like Factmark, pulls while it pushes); B
 *    against a one-way pull. Factmark's times include writing the library into its mirror (A) and
 *    the mirror into the library (B). PouchDB's module is loaded, and the server warmed up by an
 *    unrelated replication, and Factmark's code by a small initial sync, before either side is
 *    timed. SYNC_BENCH_ROUNDS rounds (3), each with new team databases and libraries (A a copy of
 *    one filled library), the two sides taking turns to go first; each round's ratios are
 *    printed, then their medians.
 * 2. Live propagation: a claim saved on A until it is in B's library (p50, p95; target p95 ≤ 2 s).
 * 3. Local save (claims.update) with sync on vs off, interleaved, medians (target ≤ 1.2).
 */
import { cp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newClaim } from '../../src-shared/claims';
import { describeRange } from '../../src-shared/anchoring/describe';
import { docText } from '../../src-shared/text';
import { parseDoc } from '../../src-main/services/documents';
import { SCHEMA_VERSION } from '../../src-main/store/files';
import { pouchdb, type PouchDatabase, type PouchDoc } from '../../src-main/sync/pouch';
import { PULL_BATCH, PUSH_BATCH } from '../../src-main/sync/replication';
import { PouchDatabases } from '../support/pouch-dbs';
import { makeTempDir } from '../support/temp-library';
import { DOC, openSyncLibrary, until, type SyncLibrary } from '../support/sync-library';
import { ADMIN, startTeamServer, type TeamServer } from '../support/team-server';
import { median, percentile } from './stats';
import { printMedians, printRound, type Round } from './sync-rounds';
import { timed } from './timed';

const ARTICLES = Number(process.env.SYNC_BENCH_ARTICLES ?? 100);
const CLAIMS = 100;
const LIVE_SAMPLES = 40;
const SAVES = 150;
/** The batch sizes Factmark replicates with (src-main/sync/replication.ts), given to plain PouchDB too. */
const PUSH = { batch_size: PUSH_BATCH };
const PULL = { batch_size: PULL_BATCH };
const SYNC = { push: PUSH, pull: PULL };

const sentence = (a: number, i: number) => `Article ${a}, sentence ${i}: the agency said exports rose ${i + 2} percent last year.`;

/** Fill a library with ARTICLES articles of CLAIMS claims each, written through the store. */
async function fill(lib: SyncLibrary, articles = ARTICLES): Promise<void> {
  const ctx = lib.factmark.ctx;
  for (let a = 0; a < articles; a++) {
    const doc = DOC(Array.from({ length: CLAIMS }, (_, i) => sentence(a, i)));
    const article = await lib.call('library.create', { meta: { title: `Article ${a}` }, doc });
    const text = docText(parseDoc(doc));
    const claims = Array.from({ length: CLAIMS }, (_, i) => {
      const quote = `exports rose ${i + 2} percent`;
      const start = text.indexOf(quote, text.indexOf(`sentence ${i}:`));
      return newClaim({ id: `c${a}x${i}`, articleId: article.id, target: describeRange(text, start, start + quote.length), stamp: { at: new Date().toISOString(), reviewer: 'bench' }, claimant: 'the agency', note: `note ${i}` });
    });
    await ctx.store.writeArticle({ schemaVersion: SCHEMA_VERSION, article, claims });
  }
}

/** With SYNC_BENCH_PROFILE=<dir>, `work`'s CPU profile of this process is written to <dir>/<name>.cpuprofile (open in Chrome DevTools): push-<round>, pull-<round>, and plain PouchDB's plain-push-, plain-pull-, plain-sync-<round>. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.SYNC_BENCH_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function synced(lib: SyncLibrary): Promise<void> {
  await until(async () => {
    const s = await lib.call('sync.status', {});
    return s.state === 'synced' && s.pending === 0;
  }, 600_000, 'synced');
}

/** Until `lib` holds `articles` articles of CLAIMS claims each. */
async function complete(lib: SyncLibrary, articles = ARTICLES): Promise<void> {
  await until(async () => {
    const rows = await lib.call('library.list', {});
    return rows.length === articles && rows.every((row) => row.claimCount === CLAIMS);
  }, 600_000, 'the library complete');
}

/** Articles of the untimed Factmark warm-up. */
const WARM_UP_ARTICLES = 10;

/**
 * An untimed initial sync of a small library, out and back in: V8 compiles Factmark's store and
 * sync code before timing, as the server warm-up does PouchDB's (without it, round 1's pull
 * measured 1.61 against 1.28 and 1.29 in rounds 2 and 3).
 */
async function warmUpFactmark(connect: (lib: SyncLibrary, db: string) => Promise<unknown>, createDb: (db: string) => Promise<void>): Promise<void> {
  const [out, back] = [await openSyncLibrary('wa'), await openSyncLibrary('wb')];
  try {
    await fill(out, WARM_UP_ARTICLES);
    await createDb('warm-up-factmark');
    await connect(out, 'warm-up-factmark');
    await synced(out);
    await connect(back, 'warm-up-factmark');
    await complete(back, WARM_UP_ARTICLES);
  } finally {
    await Promise.all([out.cleanup(), back.cleanup()]);
  }
}

/** Documents of the untimed warm-up replication. */
const WARM_UP_DOCS = 3_000;

async function warmUp(dbs: PouchDatabases, server: TeamServer): Promise<void> {
  const dir = await makeTempDir('factmark-bench-warm-');
  const local = await dbs.local(join(dir, 'warm'));
  const remote = await dbs.remote(server, 'warm-up');
  try {
    const docs = Array.from({ length: WARM_UP_DOCS }, (_, i) => ({ _id: `claim:warm:${i}`, kind: 'claim', note: sentence(0, i), claimant: 'the agency' }));
    for (let i = 0; i < docs.length; i += 1_000) await local.bulkDocs(docs.slice(i, i + 1_000));
    await local.sync(remote, SYNC);
    await local.replicate.from(remote, PULL);
  } finally {
    await Promise.all([local.close(), remote.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rounds of the initial sync, each a new team database and new libraries, each side timed once. */
const ROUNDS = Number(process.env.SYNC_BENCH_ROUNDS ?? 3);

/** A copy of a library's folder: the same library, another machine's copy of it. */
async function copyOf(dir: string): Promise<string> {
  const copy = await makeTempDir('factmark-bench-copy-');
  await cp(dir, copy, { recursive: true });
  return copy;
}

/** Plain PouchDB's source database: the mirror's documents (not its revisions), written anew. */
async function plainSource(dbs: PouchDatabases, mirrorPath: string, path: string): Promise<PouchDatabase> {
  const mirror = await dbs.local(mirrorPath);
  const docs = (await mirror.allDocs({ include_docs: true })).rows.map((row) => {
    const { _rev: _dropped, ...doc } = row.doc as PouchDoc;
    return doc as PouchDoc;
  });
  await mirror.close();
  const source = await dbs.local(path);
  for (let i = 0; i < docs.length; i += 1_000) await source.bulkDocs(docs.slice(i, i + 1_000));
  return source;
}

async function main(): Promise<void> {
  const server = await startTeamServer();
  const dirs: string[] = [];
  const libs: SyncLibrary[] = [];
  const dbs = new PouchDatabases();
  const connect = (lib: SyncLibrary, db: string) => lib.call('sync.connect', { server: server.url, db, user: ADMIN.user, password: ADMIN.password });
  try {
    // 1. Initial sync. PouchDB's module is loaded first, so neither side's time includes loading it
    // (a PouchDB app has it loaded; Factmark loads it on a library's first connect, a one-off).
    const loading = performance.now();
    await pouchdb();
    console.log(`PouchDB module loaded before timing (${(performance.now() - loading).toFixed(0)} ms, counted on neither side)`);
    // The server process warms up (its JIT, its heap) on its first large replication: without this,
    // that one would be Factmark's push, and every plain-PouchDB run after it would find it warm.
    const warming = performance.now();
    await warmUp(dbs, server);
    console.log(`server warmed up with a plain PouchDB sync of ${WARM_UP_DOCS} documents before timing (${(performance.now() - warming).toFixed(0)} ms, counted on neither side)`);
    const warmingFactmark = performance.now();
    await warmUpFactmark(connect, (db) => server.createDb(db));
    console.log(`Factmark warmed up with an initial sync of ${WARM_UP_ARTICLES} articles, out and back in, before timing (${(performance.now() - warmingFactmark).toFixed(0)} ms, counted on neither side)`);
    // Library A, filled once; each round's A is a copy of its folder (never connected).
    const filled = await openSyncLibrary('ba');
    libs.push(filled);
    await fill(filled);
    await filled.close();
    console.log(`library A: ${ARTICLES} articles × ${CLAIMS} claims (${ARTICLES * (CLAIMS + 1)} documents); ${ROUNDS} rounds, Factmark and plain PouchDB taking turns to go first`);
    const scratch = await makeTempDir('factmark-bench-pouch-');
    dirs.push(scratch);
    let source: PouchDatabase | null = null;
    const rounds: Round[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const round = {} as Round;
      const factmark = async () => {
        const a = await openSyncLibrary('ba', { dir: await copyOf(filled.dir) });
        const b = await openSyncLibrary('bb');
        try {
          await server.createDb(`team-${r}`);
          round.push = await timed(() => profiled(`push-${r}`, async () => {
            await connect(a, `team-${r}`);
            await synced(a);
          }));
          round.pull = await timed(() => profiled(`pull-${r}`, async () => {
            await connect(b, `team-${r}`);
            await complete(b);
          }));
          await a.call('sync.disconnect', {}); // closes A's mirror, so its documents can be read
          source ??= await plainSource(dbs, join(a.dir, 'sync', 'pouch'), join(scratch, 'source'));
        } finally {
          await Promise.all([a.cleanup(), b.cleanup()]);
        }
      };
      // Plain PouchDB replicating the same documents: from a local database to an empty server database, and back into an empty one.
      const plain = async () => {
        const from = source!;
        const remote = await dbs.remote(server, `plain-${r}`);
        round.plainPush = await timed(() => profiled(`plain-push-${r}`, async () => from.replicate.to(remote, PUSH)));
        const target = await dbs.local(join(scratch, `target-${r}`));
        round.plainPull = await timed(() => profiled(`plain-pull-${r}`, async () => target.replicate.from(remote, PULL)));
        // A two-way sync (what a PouchDB app keeps running, and what Factmark does): the push, and the pull that reads it all back.
        const twoWay = await dbs.remote(server, `plain-sync-${r}`);
        round.plainSync = await timed(() => profiled(`plain-sync-${r}`, async () => from.sync(twoWay, SYNC)));
        await Promise.all([target.destroy(), remote.close(), twoWay.close()]);
      };
      // The plain side needs Factmark's documents, so Factmark goes first in round 1.
      for (const side of r % 2 ? [factmark, plain] : [plain, factmark]) await side();
      rounds.push(round);
      printRound(r, round);
    }
    await source!.close();
    printMedians(rounds);
    // 2. Live propagation A → B.
    await server.createDb('live');
    const la = await openSyncLibrary('la');
    const lb = await openSyncLibrary('lb');
    libs.push(la, lb);
    const liveDoc = DOC(Array.from({ length: 20 }, (_, i) => sentence(0, i)));
    const article = await la.call('library.create', { meta: { title: 'Live' }, doc: liveDoc });
    const claim = await la.call('claims.create', { articleId: article.id, range: { quote: 'exports rose 2 percent' } });
    await connect(la, 'live');
    await connect(lb, 'live');
    await until(async () => (await lb.call('claims.list', { articleId: article.id }).catch(() => [])).length === 1, 60_000, 'live setup');
    const delays: number[] = [];
    let revision = claim.revision;
    for (let i = 0; i < LIVE_SAMPLES; i++) {
      const note = `live ${i}`;
      const t0 = performance.now();
      revision = (await la.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: revision, patch: { note } })).revision;
      await until(async () => (await lb.call('claims.list', { articleId: article.id }))[0]?.note === note, 60_000, 'propagation');
      delays.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`live propagation, claim saved on A → in B's library (${LIVE_SAMPLES} samples): p50 ${median(delays).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms  (target p95 <= 2000 ms)`);

    // 3. Local save with sync on vs off.
    const on = la;
    const off = await openSyncLibrary('off');
    libs.push(off);
    const offArticle = await off.call('library.create', { meta: { title: 'Live' }, doc: liveDoc });
    const offClaim = await off.call('claims.create', { articleId: offArticle.id, range: { quote: 'exports rose 2 percent' } });
    const times = { on: [] as number[], off: [] as number[] };
    let offRevision = offClaim.revision;
    for (let i = 0; i < SAVES; i++) {
      let t0 = performance.now();
      revision = (await on.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: revision, patch: { note: `save ${i}` } })).revision;
      times.on.push(performance.now() - t0);
      t0 = performance.now();
      offRevision = (await off.call('claims.update', { articleId: offArticle.id, claimId: offClaim.id, baseRevision: offRevision, patch: { note: `save ${i}` } })).revision;
      times.off.push(performance.now() - t0);
    }
    console.log(`local save (claims.update), median of ${SAVES}: sync on ${median(times.on).toFixed(2)} ms, off ${median(times.off).toFixed(2)} ms, ratio ${(median(times.on) / median(times.off)).toFixed(2)}  (target <= 1.2)`);
    console.log('(a shared, loaded 2-core machine: compare the ratios, not the times)');
  } finally {
    await dbs.closeAll();
    for (const lib of libs) await lib.cleanup().catch(() => undefined);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    await server.stop();
  }
}

await main();
