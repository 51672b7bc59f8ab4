/**
 * The claim index loads in the background after a host opens the library: the library list is
 * answered while it loads, the first search then finds it ready, and closing the library while it
 * loads stops the load and leaves the index on disk as it was.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src-shared/call';
import { libraryIndex } from '../../../src-main/search/library-index';
import { openFactmark, type Factmark } from '../../../src-main/services/factmark';
import { openTempLibrary, RESOURCES_DIR } from '../../support/temp-library';
import { addArticleWithClaims } from './library-helpers';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A closed library of a few articles whose index was written to search/. */
async function libraryWithIndex(): Promise<string> {
  const lib = await openTempLibrary();
  dirs.push(lib.dir);
  for (let a = 0; a < 6; a++) {
    await addArticleWithClaims(lib, `Report ${a}`, [
      { quote: `The harbour moved ${a * 100} tonnes of grain.`, status: 'disputed', claimant: 'Port authority' },
      { quote: `Ferry traffic doubled in ${2010 + a}.`, status: 'verified', claimant: 'Mayor' },
    ]);
  }
  await lib.call('claims.search', { text: 'harbour' });
  await lib.factmark.close();
  return lib.dir;
}

const open = (dir: string, preloadIndexAfterMs?: number) => openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false, preloadIndexAfterMs });
const call = async (f: Factmark, name: 'library.list' | 'claims.search', req: object) => unwrap(await f.dispatcher.call(name, req as never));

describe('loading the claim index in the background', () => {
  it('starts after the library opens, without a query, and the first search finds it ready', async () => {
    const dir = await libraryWithIndex();
    const f = await open(dir, 5);
    const index = libraryIndex(f.ctx);
    expect(index.lastLoad).toBeNull();
    expect(await call(f, 'library.list', {})).toHaveLength(6); // answered at once, before the index
    for (let i = 0; i < 200 && !index.lastLoad; i++) await new Promise((r) => setTimeout(r, 10));
    expect(index.lastLoad).toMatchObject({ reindexed: 0, dropped: 0 });
    expect(index.lastLoad!.loadedShards).toBeGreaterThan(0);
    expect(((await call(f, 'claims.search', { text: 'harbour', status: 'disputed' })) as { total: number }).total).toBe(6);
    await f.close();
  });

  it('is not started by hosts that do not ask (the CLI), and a query loads it on demand', async () => {
    const dir = await libraryWithIndex();
    const f = await open(dir);
    await new Promise((r) => setTimeout(r, 50));
    expect(libraryIndex(f.ctx).lastLoad).toBeNull();
    expect(((await call(f, 'claims.search', { text: 'ferry' })) as { total: number }).total).toBe(6);
    await f.close();
  });

  it('stops when the library closes mid-load, leaving search/ as it was', async () => {
    const dir = await libraryWithIndex();
    const shards = await readdir(join(dir, 'search'));
    const before = await Promise.all(shards.map((s) => stat(join(dir, 'search', s))));
    const f = await open(dir, 0);
    await new Promise((r) => setTimeout(r, 1)); // the load has started, not finished
    await f.close();
    expect(libraryIndex(f.ctx).lastLoad).toBeNull();
    const after = await Promise.all(shards.map((s) => stat(join(dir, 'search', s))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    // The next session loads it normally.
    const again = await open(dir);
    expect(((await call(again, 'claims.search', { text: 'harbour' })) as { total: number }).total).toBe(6);
    await again.close();
  });
});
