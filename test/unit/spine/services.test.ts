/** The library and claims services on a real data folder, through the validating dispatcher. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainTextToDoc } from '../../../src-main/services/import/plain-text';
import { SCHEMA_VERSION } from '../../../src-main/store/files';
import { snapshotFolder } from '../../support/folder-snapshot';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

let lib: TempLibrary;
const DOC = plainTextToDoc('Alpha said the economy grew by 5%.\n\nBeta replied that unemployment fell.\n\nAlpha said the economy grew.');

beforeEach(async () => {
  lib = await openTempLibrary();
});
afterEach(async () => {
  await lib.cleanup();
});

describe('library service', () => {
  it('creates an article with its text hash and lists it in the index file', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    expect(article.textHash).toMatch(/^[0-9a-f]{64}$/);
    await lib.factmark.flush();
    const index = JSON.parse(await readFile(join(lib.dir, 'index.json'), 'utf8'));
    expect(index.schemaVersion).toBe(SCHEMA_VERSION);
    expect(index.articles.map((a: { id: string }) => a.id)).toEqual([article.id]);
    const file = JSON.parse(await readFile(join(lib.dir, 'articles', `${article.id}.json`), 'utf8'));
    expect(file.schemaVersion).toBe(SCHEMA_VERSION);
    expect(file.article.title).toBe('Economy');
  });

  it('renames and deletes articles', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    lib.tick();
    expect((await lib.call('library.rename', { articleId: article.id, title: 'Economy, revised' })).title).toBe('Economy, revised');
    expect((await lib.call('library.list', {}))[0].title).toBe('Economy, revised');
    await lib.call('library.delete', { articleId: article.id });
    expect(await lib.call('library.list', {})).toEqual([]);
    await expect(stat(join(lib.dir, 'articles', `${article.id}.json`))).rejects.toThrow();
  });

  it('rejects a document that does not fit the schema and writes nothing', async () => {
    await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    await lib.factmark.flush();
    const before = await snapshotFolder(lib.dir);
    const bad = await lib.factmark.dispatcher.call('library.create', { meta: { title: 'X' }, doc: { type: 'doc', content: [{ type: 'image' }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const empty = await lib.factmark.dispatcher.call('library.create', { meta: { title: '  ' }, doc: DOC });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await lib.factmark.flush();
    expect(await snapshotFolder(lib.dir)).toEqual(before);
  });
});

describe('claims service', () => {
  it('opens an article with only its first claims when asked, and lists the rest after the last of them', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    // Created out of document order: every list is in document order regardless.
    for (const quote of ['unemployment fell', 'the economy grew by 5%', 'Beta replied']) await lib.call('claims.create', { articleId: article.id, range: { quote } });
    const all = await lib.call('claims.list', { articleId: article.id });
    expect(all.map((c) => c.target.quote.exact)).toEqual(['the economy grew by 5%', 'Beta replied', 'unemployment fell']);

    const opened = await lib.call('library.get', { articleId: article.id, claimLimit: 2 });
    expect(opened.claims).toEqual(all.slice(0, 2));
    expect(opened.claimCount).toBe(3);
    expect(await lib.call('claims.list', { articleId: article.id, after: all[1].id })).toEqual(all.slice(2));
    expect(await lib.call('library.get', { articleId: article.id })).toMatchObject({ claims: all, claimCount: 3 });

    // The claim named by `after` was deleted meanwhile (in another window): every claim is listed.
    await lib.call('claims.delete', { articleId: article.id, claimId: all[1].id });
    expect(await lib.call('claims.list', { articleId: article.id, after: all[1].id })).toEqual([all[0], all[2]]);
    const refused = await lib.factmark.dispatcher.call('library.get', { articleId: article.id, claimLimit: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('claims a quote, describes it with both selectors, and records the first status', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    await lib.call('prefs.set', { reviewer: 'R. Viewer' });
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'Alpha said the economy grew', occurrence: 2 }, status: 'disputed', claimant: 'Alpha' });
    expect(claim.target.quote.exact).toBe('Alpha said the economy grew');
    expect(claim.target.position.start).toBeGreaterThan(40);
    expect(claim.history).toEqual([{ status: 'disputed', at: '2026-01-15T10:00:00.000Z', reviewer: 'R. Viewer' }]);
    expect((await lib.call('library.list', {}))[0].claimCount).toBe(1);
  });

  it('trims a selection of surrounding whitespace and refuses an empty one', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    const text = 'Alpha said the economy grew by 5%.\n\nBeta';
    const claim = await lib.call('claims.create', { articleId: article.id, range: { start: 33, end: text.length } });
    expect(claim.target.quote.exact).toBe('.\n\nBeta');
    const blank = await lib.factmark.dispatcher.call('claims.create', { articleId: article.id, range: { start: 34, end: 36 } });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('updates with a revision check, keeps the status history, and reports conflicts', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'unemployment fell' } });
    lib.tick();
    const verified = await lib.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: 1, patch: { status: 'verified', claimant: 'Beta' } });
    expect(verified.revision).toBe(2);
    expect(verified.history.map((h) => h.status)).toEqual(['unverified', 'verified']);
    const stale = await lib.factmark.dispatcher.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: 1, patch: { status: 'false' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await lib.call('claims.list', { articleId: article.id }))[0].status).toBe('verified');
  });

  it('deletes a claim and restores it exactly (undo)', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'Beta replied' }, note: 'check' });
    const deleted = await lib.call('claims.delete', { articleId: article.id, claimId: claim.id });
    expect(await lib.call('claims.list', { articleId: article.id })).toEqual([]);
    const restored = await lib.call('claims.restore', { claim: deleted });
    expect({ ...restored, revision: 0, updatedAt: '' }).toEqual({ ...claim, revision: 0, updatedAt: '' });
  });

  it('saving a claim change rewrites the article file only', async () => {
    const article = await lib.call('library.create', { meta: { title: 'Economy' }, doc: DOC });
    const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'Beta replied' } });
    await lib.factmark.flush();
    const indexBefore = await readFile(join(lib.dir, 'index.json'), 'utf8');
    await lib.call('claims.update', { articleId: article.id, claimId: claim.id, baseRevision: 1, patch: { note: 'new note' } });
    await lib.factmark.flush();
    expect(await readFile(join(lib.dir, 'index.json'), 'utf8')).toBe(indexBefore);
    expect(await readFile(join(lib.dir, 'articles', `${article.id}.json`), 'utf8')).toContain('new note');
  });

  it('rejects malformed requests with a one-line message', async () => {
    const bad = await lib.factmark.dispatcher.call('claims.create', { articleId: '../etc', range: { start: 'a' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-request');
      expect(bad.error.message).not.toContain('\n');
    }
    expect(await lib.factmark.dispatcher.call('nope.op', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('first run', () => {
  it('seeds the bundled sample into a new library only', async () => {
    const seeded = await openTempLibrary({ seed: true });
    try {
      const rows = await seeded.call('library.list', {});
      expect(rows).toHaveLength(1);
      expect(rows[0].title).toMatch(/Antalya/);
      await seeded.factmark.flush();
      const again = await openTempLibrary({ seed: true, dir: seeded.dir });
      expect(await again.call('library.list', {})).toHaveLength(1);
    } finally {
      await seeded.cleanup();
    }
  });
});
