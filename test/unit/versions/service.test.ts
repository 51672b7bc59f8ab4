/** Importing a new version of an article: claims carried with their fields and history, counts, the chain, changes, answers, refusals and the CLI. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../src-shared/model';
import { runCliIn } from '../../support/cli';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, importBytes } from '../import/helpers';
import { PORT_V1 as V1, PORT_V2 as V2 } from '../../support/port-versions';


let lib: TempLibrary;
beforeEach(async () => {
  lib = await openTempLibrary();
});
afterEach(async () => lib.cleanup());

/** V1 with four claims: a figure (Verified), a quote (False, with evidence), a sentence that goes away, and one that stays. */
async function firstVersion() {
  const v1 = (await lib.call('import.paste', { text: V1 })).article;
  const add = (quote: string, extra: object) => lib.call('claims.create', { articleId: v1.id, range: { quote }, ...extra });
  const figure = await add('£240 million expansion', { status: 'verified', claimant: 'City council', note: 'Checked against the budget.' });
  const jobs = await add('"at least 1,800 permanent jobs"', {
    status: 'false',
    claimant: 'Martin Osei',
    evidence: [{ id: 'e1', url: 'https://example.org/case', title: 'Business case', note: 'Says 1,150.', stance: 'refutes' }],
  });
  const lorries = await add('Residents near the estuary fear heavier lorry traffic', { status: 'in-review' });
  const berth = await add('due to start in the spring', {});
  lib.tick();
  return { v1, figure, jobs, lorries, berth };
}

const byOrigin = (claims: ClaimRecord[], from: ClaimRecord) => claims.find((c) => c.carried?.fromClaimId === from.id)!;

describe('importing a new version', () => {
  it('carries every claim with its fields, history and carried record, and reports the counts', async () => {
    const { v1, figure, jobs, lorries, berth } = await firstVersion();
    const result = await lib.call('import.paste', { text: V2, newVersionOf: v1.id });
    expect(result.duplicate).toBe(false);
    expect(result.article.previousVersionId).toBe(v1.id);
    expect(result.carried).toEqual({ exact: 1, moved: 1, changed: 1, orphaned: 1 });

    const { claims } = await lib.call('library.get', { articleId: result.article.id });
    expect(claims).toHaveLength(4);
    const text = V2;
    const f = byOrigin(claims, figure);
    expect(f.carried).toEqual({ fromArticleId: v1.id, fromClaimId: figure.id, state: 'changed', previousQuote: '£240 million expansion', needsReview: true });
    expect(f.target.quote.exact).toBe('£260 million expansion');
    expect(text.slice(f.target.position.start, f.target.position.end)).toBe('£260 million expansion');
    expect(f).toMatchObject({ status: 'verified', claimant: 'City council', note: 'Checked against the budget.', articleId: result.article.id, revision: 1 });
    expect(f.id).not.toBe(figure.id);
    expect(f.history.at(-1)).toMatchObject({ status: 'verified', note: 'carried from version 1' });
    expect(f.history.slice(0, -1)).toEqual(figure.history);

    // Two paragraphs swapped places: the diff keeps one in place (exact) and moves the other.
    const j = byOrigin(claims, jobs);
    expect([j.carried!.state, byOrigin(claims, berth).carried!.state].sort()).toEqual(['exact', 'moved']);
    expect(j.carried!.needsReview).toBeUndefined();
    expect(j.evidence).toEqual(jobs.evidence);
    expect(text.slice(j.target.position.start, j.target.position.end)).toBe('"at least 1,800 permanent jobs"');

    const l = byOrigin(claims, lorries);
    expect(l.carried).toMatchObject({ state: 'orphaned', previousQuote: lorries.target.quote.exact });
    expect(l.target).toEqual(lorries.target); // an orphan keeps its old selectors
    expect(text.slice(byOrigin(claims, berth).target.position.start, byOrigin(claims, berth).target.position.end)).toBe('due to start in the spring');

    // The previous version keeps its own claims, untouched.
    expect((await lib.call('library.get', { articleId: v1.id })).claims).toEqual(
      expect.arrayContaining([figure, jobs, lorries, berth].map((c) => expect.objectContaining({ id: c.id, revision: c.revision }))),
    );
  });

  it('carries claims when the same source URL is imported again with changed text', async () => {
    const page = (body: string) =>
      Buffer.from(`<!DOCTYPE html><html><head><title>Port</title><link rel="canonical" href="https://news.example/port"></head><body><article><h1>Port</h1>${body}</article></body></html>`);
    const v1 = await importBytes(lib, 'port.html', page('<p>The council approved the £240 million expansion of the terminal on Tuesday evening.</p><p>Work starts in spring.</p>'));
    await lib.call('claims.create', { articleId: v1.article.id, range: { quote: '£240 million expansion' }, status: 'verified' });
    lib.tick();
    const v2 = await importBytes(lib, 'port-updated.html', page('<p>The council approved the £260 million expansion of the terminal on Tuesday evening.</p><p>Work starts in spring.</p>'));
    expect(v2.article.previousVersionId).toBe(v1.article.id);
    expect(v2.carried).toEqual({ exact: 0, moved: 0, changed: 1, orphaned: 0 });
  });

  it('lists the versions, reports the text changes, and answers carried claims', async () => {
    const { v1, figure, lorries } = await firstVersion();
    const v2 = (await lib.call('import.paste', { text: V2, newVersionOf: v1.id })).article;
    expect((await lib.call('versions.list', { articleId: v1.id })).map((v) => [v.id, v.version, v.claimCount])).toEqual([
      [v1.id, 1, 4],
      [v2.id, 2, 4],
    ]);

    const { changes, previousArticleId, previousVersion } = await lib.call('versions.changes', { articleId: v2.id });
    expect([previousArticleId, previousVersion]).toEqual([v1.id, 1]);
    const figureChange = changes.find((c) => c.deleted === '240')!;
    expect(V2.slice(figureChange.start, figureChange.end)).toBe('260');
    expect(changes.some((c) => V2.slice(c.start, c.end).includes('Correction: an earlier version'))).toBe(true);
    expect((await lib.call('versions.changes', { articleId: v1.id })).previousArticleId).toBeNull();

    const { claims } = await lib.call('library.get', { articleId: v2.id });
    const f = byOrigin(claims, figure);
    const accepted = await lib.call('claims.acceptCarried', { articleId: v2.id, claimId: f.id, baseRevision: f.revision });
    expect(accepted.carried).toMatchObject({ state: 'changed', resolvedAt: expect.any(String) });
    expect(accepted.carried!.needsReview).toBeUndefined();
    expect(accepted.status).toBe('verified');

    const orphan = byOrigin(claims, lorries);
    await expect(lib.call('claims.acceptCarried', { articleId: v2.id, claimId: orphan.id, baseRevision: orphan.revision })).rejects.toThrow(/re-attach/);
    const start = V2.indexOf('Work on the new berth');
    const reattached = await lib.call('claims.reattach', { articleId: v2.id, claimId: orphan.id, baseRevision: orphan.revision, range: { start, end: start + 21 } });
    expect(reattached.target.quote.exact).toBe('Work on the new berth');
    expect(reattached.carried).toMatchObject({ state: 'changed', previousQuote: lorries.target.quote.exact });
    await expect(lib.call('claims.reattach', { articleId: v2.id, claimId: orphan.id, baseRevision: orphan.revision, range: { start, end: start + 5 } })).rejects.toThrow(
      /changed elsewhere/,
    );
  });
});

describe('refused new versions write nothing', () => {
  it('an unknown article, an identical text and an article that is not the newest version', async () => {
    const { v1 } = await firstVersion();
    await expectRejectedUnchanged(lib, () => lib.call('import.paste', { text: V2, newVersionOf: 'nosucharticle' }), /^No article with id nosucharticle/);
    await expectRejectedUnchanged(lib, () => lib.call('import.paste', { text: V1, newVersionOf: v1.id }), /same as .* not a new version/);
    const v2 = (await lib.call('import.paste', { text: V2, newVersionOf: v1.id })).article;
    await expectRejectedUnchanged(
      lib,
      () => lib.call('import.paste', { text: `${V2}\n\nA third version.`, newVersionOf: v1.id }),
      new RegExp(`is not the newest version: import a new version of ${v2.id} instead`),
    );
  });

  it('refuses a malformed newVersionOf before anything runs', async () => {
    await expectRejectedUnchanged(lib, () => lib.call('import.paste', { text: V2, newVersionOf: '../etc' }), /newVersionOf/);
  });
});

describe('CLI', () => {
  it('import FILE --new-version-of ARTICLE prints the counts; a bad one is a one-line error', async () => {
    const { v1 } = await firstVersion();
    await lib.factmark.close();
    const file = join(lib.dir, '..', `v2-${Date.now()}.txt`);
    await writeFile(file, V2);
    try {
      const ok = await runCliIn(lib.dir, 'import', file, '--new-version-of', v1.id);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(new RegExp(`a new version of ${v1.id}\\); claims carried: 1 exact, 1 moved, 1 changed, 1 orphaned$`));
      const again = await runCliIn(lib.dir, 'import', file, '--new-version-of', v1.id);
      expect(again.code).not.toBe(0);
      expect(again.err.split('\n')).toHaveLength(1);
      expect(again.err).toMatch(/^factmark: .* is not the newest version/);
    } finally {
      await rm(file, { force: true });
    }
  });
});
