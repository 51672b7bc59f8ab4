/**
 * claims.restore (the undo of a delete) checks a claim like a new one (issue 17, item 8): the quote
 * must be at its position in the article, the range trimmed, the revision sane; a refused restore
 * writes nothing, and a good one can be updated afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../src-shared/model';
import { snapshotFolder } from '../../support/folder-snapshot';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

let lib: TempLibrary;
let articleId: string;
let deleted: ClaimRecord;

beforeAll(async () => {
  lib = await openTempLibrary();
  const article = await lib.call('library.create', {
    meta: { title: 'Port talks' },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council approved the expansion. The minister said it would create 1,800 jobs.' }] }] },
  });
  articleId = article.id;
  const claim = await lib.call('claims.create', { articleId, range: { quote: 'create 1,800 jobs' }, claimant: 'Minister' });
  deleted = await lib.call('claims.delete', { articleId, claimId: claim.id });
});
afterAll(async () => lib.cleanup());

async function expectRefused(claim: ClaimRecord, message: RegExp): Promise<void> {
  await lib.factmark.flush();
  const before = await snapshotFolder(lib.dir);
  await expect(lib.call('claims.restore', { claim })).rejects.toThrow(message);
  await lib.factmark.flush();
  expect(await snapshotFolder(lib.dir)).toEqual(before);
}

describe('claims.restore', () => {
  it('refuses a quote that is not at its position', async () => {
    const moved = { ...deleted, target: { ...deleted.target, position: { start: 4, end: 4 + deleted.target.quote.exact.length } } };
    await expectRefused(moved, /quote is not at its place/);
  });

  it('refuses a quote whose text was changed', async () => {
    await expectRefused({ ...deleted, target: { ...deleted.target, quote: { ...deleted.target.quote, exact: 'create 9,999 jobs' } } }, /quote is not at its place/);
  });

  it('refuses a range that starts with blank space', async () => {
    const { start, end } = deleted.target.position;
    await expectRefused({ ...deleted, target: { quote: { ...deleted.target.quote, exact: ` ${deleted.target.quote.exact}` }, position: { start: start - 1, end } } }, /blank space/);
  });

  it('refuses a revision of 2^53 − 2, after which every update would fail', async () => {
    await expectRefused({ ...deleted, revision: 2 ** 53 - 2 }, /revision .* is not a real one/);
  });

  it('restores a good claim, which can then be updated', async () => {
    const restored = await lib.call('claims.restore', { claim: { ...deleted, target: { ...deleted.target, quote: { ...deleted.target.quote, prefix: 'wrong context' } } } });
    expect(restored.revision).toBe(deleted.revision + 1);
    expect(restored.target.quote.prefix).toBe(deleted.target.quote.prefix); // rebuilt from the text
    const updated = await lib.call('claims.update', { articleId, claimId: restored.id, baseRevision: restored.revision, patch: { status: 'false' } });
    expect(updated.status).toBe('false');
  });
});
