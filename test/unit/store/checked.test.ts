/**
 * Records vouched for as checked (checked.ts: team sync's teammate claims, parsed from their
 * documents just before) are saved without being parsed again; anything else in the same save is
 * still validated, so an invalid record is refused and nothing is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { vouchChecked } from '../../../src-main/store/checked';
import { checkArticleData, type ArticleData } from '../../../src-main/store/files';
import { Article, Claim } from '../../../src-shared/model';
import { openFactmark, type Factmark } from '../../../src-main/services/factmark';
import { unwrap } from '../../../src-shared/call';
import { makeTempDir, RESOURCES_DIR } from '../../support/temp-library';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let factmark: Factmark | null = null;
afterEach(async () => {
  await factmark?.close();
  factmark = null;
});

/** A library with one article of one claim; returns the store and a deep copy of the article's data. */
async function oneArticle() {
  const dataDir = await makeTempDir();
  factmark = await openFactmark({ dataDir, resourcesDir: RESOURCES_DIR, seed: false });
  const call = async (op: string, input: unknown) => unwrap(await factmark!.dispatcher.call(op as never, input as never)) as { id: string };
  const article = await call('library.create', { meta: { title: 'One' }, doc: doc('The agency said exports rose 2 percent last year.') });
  await call('claims.create', { articleId: article.id, range: { quote: 'exports rose 2 percent' } });
  const data = await factmark.ctx.store.article(article.id);
  return { store: factmark.ctx.store, data: structuredClone(data) as ArticleData, dataDir };
}

/** The article as a new one (another id and text), with fresh copies of its records. */
function asNew(data: ArticleData, id: string): ArticleData {
  const copy = structuredClone(data);
  copy.article.id = id;
  copy.article.textHash = `${copy.article.textHash}-${id}`;
  for (const claim of copy.claims) claim.articleId = id;
  return copy;
}

describe('records vouched for as checked', () => {
  it('are kept as they are (not parsed again); the same records not vouched for are parsed', async () => {
    const { data } = await oneArticle();
    const vouched = asNew(data, 'v1');
    vouchChecked(Article, vouched.article);
    vouchChecked(Claim, vouched.claims[0]);
    const kept = checkArticleData(vouched);
    expect(kept.article).toBe(vouched.article);
    expect(kept.claims[0]).toBe(vouched.claims[0]);
    const plain = asNew(data, 'v2');
    const parsed = checkArticleData(plain);
    expect(parsed.claims[0]).not.toBe(plain.claims[0]);
    expect(parsed.claims[0]).toEqual(plain.claims[0]);
  });

  it('do not let an invalid record beside them through: the save is refused and nothing is written', async () => {
    const { store, data } = await oneArticle();
    const next = asNew(data, 'v3');
    vouchChecked(Article, next.article);
    vouchChecked(Claim, next.claims[0]);
    const bad = { ...structuredClone(next.claims[0]), id: 'c-bad', revision: 0 };
    next.claims.push(bad);
    expect(() => checkArticleData(next)).toThrow();
    const before = await store.index();
    await expect(store.writeArticles([next])).rejects.toThrow();
    expect((await store.index()).articles).toEqual(before.articles);
    await expect(store.article('v3')).rejects.toThrow(/No article/);

    const badArticle = asNew(data, 'v4');
    vouchChecked(Claim, badArticle.claims[0]);
    (badArticle.article as { title: unknown }).title = 42;
    await expect(store.writeArticles([badArticle])).rejects.toThrow();
    await expect(store.article('v4')).rejects.toThrow(/No article/);
  });

  it('count as checked only for the schema they passed: a vouched article among claims is parsed as a claim and refused', async () => {
    const { store, data } = await oneArticle();
    const next = asNew(data, 'v6');
    vouchChecked(Article, next.article);
    vouchChecked(Claim, next.claims[0]);
    next.claims.push(next.article as never);
    expect(() => checkArticleData(next)).toThrow();
    await expect(store.writeArticles([next])).rejects.toThrow();
    await expect(store.article('v6')).rejects.toThrow(/No article/);

    const swapped = asNew(data, 'v7');
    vouchChecked(Claim, swapped.claims[0]);
    swapped.article = swapped.claims[0] as never; // a vouched claim in the article's place
    expect(() => checkArticleData(swapped)).toThrow();
  });

  it('are saved through writeArticles as given', async () => {
    const { store, data } = await oneArticle();
    const next = asNew(data, 'v5');
    vouchChecked(Article, next.article);
    vouchChecked(Claim, next.claims[0]);
    await store.writeArticles([next]);
    expect((await store.article('v5')).claims).toEqual(next.claims);
  });

  it('include every record the store read from disk: a save keeps them as they are and parses only a changed one', async () => {
    const { data, dataDir } = await oneArticle();
    await factmark!.close();
    factmark = await openFactmark({ dataDir, resourcesDir: RESOURCES_DIR, seed: false });
    const loaded = await factmark.ctx.store.article(data.article.id);
    const kept = checkArticleData({ ...loaded, claims: [...loaded.claims] });
    expect(kept.article).toBe(loaded.article);
    expect(kept.claims[0]).toBe(loaded.claims[0]);
    const changed = { ...loaded.claims[0], note: 'Checked with the agency.' };
    const saved = checkArticleData({ ...loaded, claims: [changed] });
    expect(saved.claims[0]).not.toBe(changed);
    expect(saved.claims[0]).toEqual(changed);
    expect(() => checkArticleData({ ...loaded, claims: [{ ...changed, status: 'maybe' as never }] })).toThrow(/status/);
  });
});
