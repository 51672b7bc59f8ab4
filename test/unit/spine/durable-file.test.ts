/** The durable lowdb adapter: whole files only, and the last of many concurrent writes wins. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../src-main/store/durable-file';
import { makeTempDir } from '../../support/temp-library';
import { rm } from 'node:fs/promises';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips data through lowdb', async () => {
    const adapter = new DurableJsonFile<{ n: number }>(join(dir, 'a.json'));
    expect(await adapter.read()).toBeNull();
    const db = new Low(adapter, { n: 0 });
    db.data.n = 7;
    await db.write();
    expect(JSON.parse(await readFile(join(dir, 'a.json'), 'utf8'))).toEqual({ n: 7 });
  });

  it('lets the last of many concurrent writes win and leaves no temp file', async () => {
    const adapter = new DurableJsonFile<{ n: number }>(join(dir, 'race.json'));
    await Promise.all(Array.from({ length: 100 }, (_, i) => adapter.write({ n: i })));
    expect(JSON.parse(await readFile(join(dir, 'race.json'), 'utf8'))).toEqual({ n: 99 });
    expect(await readdir(dir)).toEqual(['race.json']);
  });
});
