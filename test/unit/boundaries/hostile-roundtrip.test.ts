/**
 * Hostile text at the service level: notes, claimants, evidence titles and article metadata are
 * stored and returned as the exact plain strings given (a source URL must be a web address, so there
 * the hostile text rides in its query) (trimmed where the field trims), never
 * escaped, stripped or interpreted, both from memory and after reopening the folder from disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { HOSTILE_STRINGS } from './hostile-values';

/** A source URL must be a web address; the hostile text rides in its query and comes back as given (trimmed). */
const urlWith = (value: string) => `https://example.org/page?v=${value}`;

const TEXT = 'The mayor promised 500 new homes by 2027. The council disagreed.';
let lib: TempLibrary;
const created: { value: string; articleId: string; claimId: string }[] = [];

beforeAll(async () => {
  lib = await openTempLibrary();
  for (const value of HOSTILE_STRINGS) {
    const article = await lib.call('library.create', {
      meta: { title: value, byline: value, publisher: value, sourceUrl: urlWith(value), publishedAt: value.slice(0, 100), language: value.slice(0, 35) },
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
    });
    const claim = await lib.call('claims.create', {
      articleId: article.id,
      range: { quote: '500 new homes' },
      claimant: value,
      note: value,
      evidence: [{ id: 'ev1', url: 'https://example.org/source', title: value, note: value, stance: 'refutes' }],
    });
    created.push({ value, articleId: article.id, claimId: claim.id });
  }
});
afterAll(async () => lib?.cleanup());

function expectPlain(record: { article: Record<string, unknown>; claims: Record<string, unknown>[] }, value: string): void {
  expect(record.article).toMatchObject({ title: value.trim(), byline: value, publisher: value, sourceUrl: urlWith(value).trim(), publishedAt: value.slice(0, 100), language: value.slice(0, 35) });
  expect(record.claims[0]).toMatchObject({ claimant: value.trim(), note: value });
  expect((record.claims[0].evidence as Record<string, unknown>[])[0]).toMatchObject({ title: value, note: value });
}

describe('hostile text round-trips as plain strings', () => {
  it('through library.get and claims.list', async () => {
    for (const { value, articleId } of created) {
      const record = await lib.call('library.get', { articleId });
      expectPlain(record as never, value);
      expect((await lib.call('claims.list', { articleId }))[0].claimant).toBe(value.trim());
    }
  });

  it('through the library list', async () => {
    const rows = await lib.call('library.list', {});
    expect(rows.map((r) => r.title).sort()).toEqual(HOSTILE_STRINGS.map((s) => s.trim()).sort());
  });

  it('after reopening the folder from disk', async () => {
    await lib.factmark.close();
    const again = await openTempLibrary({ dir: lib.dir });
    for (const { value, articleId } of created) expectPlain((await again.call('library.get', { articleId })) as never, value);
    await again.factmark.close();
  });

  it('in preferences', async () => {
    for (const value of HOSTILE_STRINGS.filter((s) => s.length <= 200)) {
      const saved = await lib.call('prefs.set', { reviewer: value, organisation: value });
      expect(saved).toMatchObject({ reviewer: value.trim(), organisation: value.trim() });
      expect(await lib.call('prefs.get', {})).toEqual(saved);
    }
  });
});
