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

  it('gives version-1 claims their publication fields: the quote as checked, the verdict date from the history, the claimant kind from the name', async () => {
    const { call } = await openFixture(1);
    const { article, claims } = await call('library.get', { articleId: 'v0article' });
    expect(article).toMatchObject({ factCheckUrl: '', reportSummary: '' });
    const [verified, unverified] = claims;
    expect(verified).toMatchObject({
      claimAsChecked: 'The harbour reopened on Monday',
      explanation: '',
      verdictDate: '2025-03-02',
      claimantKind: 'person',
      note: 'Checked with the port authority.',
      evidence: [{ id: 'ev1', url: 'https://example.org/port-authority/notice', title: 'Port authority notice', date: '', citation: '', note: 'Page 2', stance: 'supports' }],
    });
    expect(unverified).toMatchObject({ claimAsChecked: 'Repairs cost 2 million euros.', verdictDate: '', claimantKind: 'organisation', claimant: 'Coast City Council' });
  });

  it('migrates a version-1 claim in memory without inventing values it can read', () => {
    const claim = { id: 'c', status: 'false', claimant: 'Ministry of Health', target: { quote: { exact: 'Cases  fell\nby half' } }, evidence: [{ id: 'e', url: 'https://x.example/' }], history: [{ status: 'in-review', at: '2025-01-01T00:00:00.000Z' }, { status: 'false', at: '2025-02-03T10:00:00.000Z' }], updatedAt: '2025-02-04T00:00:00.000Z' };
    const migrated = migrateToCurrent('article', { article: { sourceUrl: '' }, claims: [claim] }, 1);
    expect((migrated.claims as unknown[])[0]).toMatchObject({ claimAsChecked: 'Cases fell by half', verdictDate: '2025-02-03', claimantKind: 'organisation', evidence: [{ id: 'e', date: '', citation: '' }] });
    expect(migrated.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('empties a version-2 source URL or organisation URL that is not http(s), in the article, its index row and the preferences', async () => {
    const { call } = await openFixture(2);
    expect((await call('library.get', { articleId: 'v0article' })).article.sourceUrl).toBe('');
    expect((await call('library.list', {}))[0].sourceUrl).toBe('');
    expect(await call('prefs.get', {})).toMatchObject({ organisation: 'Old Org', organisationUrl: '' });
    const kept = migrateToCurrent('article', { article: { sourceUrl: 'https://example.org/a' }, claims: [] }, 2);
    expect((kept.article as { sourceUrl: string }).sourceUrl).toBe('https://example.org/a');
  });

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
