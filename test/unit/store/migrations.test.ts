import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src-main/store/files';
import { fileVersion, migrateToCurrent, MIGRATIONS } from '../../../src-main/store/migrations';
import { makeTempDir, openTempLibrary, type TempLibrary } from '../../support/temp-library';

const FIXTURES = join(import.meta.dirname, 'fixtures');

let lib: TempLibrary | null = null;
afterEach(async () => {
  await lib?.cleanup();
  lib = null;
});

/** A copy of the fixture folder of one schema version, opened as a library. */
async function openFixture(version: number): Promise<TempLibrary> {
  const dir = await makeTempDir();
  await cp(join(FIXTURES, `v${version}`), dir, { recursive: true });
  lib = await openTempLibrary({ dir });
  return lib;
}

describe('schema migrations', () => {
  it('has one step for every version from 0 up to the current one, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i));
  });

  it('reads a file without schemaVersion as version 0 and refuses non-numbers', () => {
    expect(fileVersion({ articles: [] })).toBe(0);
    expect(fileVersion({ schemaVersion: 1 })).toBe(1);
    expect(fileVersion({ schemaVersion: '1' })).toBeNull();
    expect(fileVersion([])).toBeNull();
    expect(fileVersion(null)).toBeNull();
  });

  it('gives a version-0 claim a first revision and a status history from its last change', () => {
    const migrated = migrateToCurrent('article', { article: {}, claims: [{ id: 'c', status: 'false', updatedAt: '2025-01-01T00:00:00.000Z', createdAt: '2024-12-01T00:00:00.000Z' }] }, 0);
    expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
    expect((migrated.claims as unknown[])[0]).toMatchObject({
      revision: 1,
      reviewer: '',
      history: [{ status: 'false', at: '2025-01-01T00:00:00.000Z', reviewer: '' }],
    });
  });

  for (const version of MIGRATIONS.map((m) => m.from)) {
    it(`opens a library of schema version ${version} from its fixture with every article, claim and preference`, async () => {
      const { call, factmark } = await openFixture(version);
      const rows = await call('library.list', {});
      expect(rows.map((r) => [r.id, r.claimCount])).toEqual([['v0article', 2]]);
      const { claims } = await call('library.get', { articleId: 'v0article' });
      expect(claims.map((c) => [c.id, c.revision, c.history.length, c.status])).toEqual([
        ['c1', 1, 1, 'verified'],
        ['c2', 1, 1, 'unverified'],
      ]);
      expect((await call('prefs.get', {})).reviewer).toBe('Old Reviewer');
      expect(factmark.ctx.store.notices()).toEqual([]);
    });
  }

  it('writes the current version on the next save and keeps the old file as a backup', async () => {
    const { call, dir } = await openFixture(0);
    const claim = (await call('claims.list', { articleId: 'v0article' }))[0];
    await call('claims.update', { articleId: 'v0article', claimId: claim.id, baseRevision: claim.revision, patch: { note: 'rechecked' } });
    const saved = JSON.parse(await readFile(join(dir, 'articles', 'v0article.json'), 'utf8'));
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.claims[0]).toMatchObject({ note: 'rechecked', revision: 2 });
    const backups = await readdir(join(dir, 'backups', 'articles', 'v0article'));
    expect(backups).toHaveLength(1);
    const old = JSON.parse(await readFile(join(dir, 'backups', 'articles', 'v0article', backups[0]), 'utf8'));
    expect(old.schemaVersion).toBeUndefined();
    const versions = await call('backups.list', { articleId: 'v0article' });
    expect(versions[0].claimCount).toBe(2);
  });
});
