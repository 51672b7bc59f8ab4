/**
 * writeArticles, the store's batched save (a teammate's changes arrive many articles at a time):
 * one write of index.json for the batch, each article file as durable as a single save, nothing
 * written when one article is invalid, and an article whose file fails keeps its old row and file
 * while the others are saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleData } from '../../../src-main/store/files';
import { openFactmark, type Factmark } from '../../../src-main/services/factmark';
import { unwrap } from '../../../src-shared/call';
import { makeTempDir, RESOURCES_DIR } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';
import { FailingDisk } from '../../support/failing-disk';

const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let factmark: Factmark | null = null;
afterEach(async () => {
  await factmark?.close();
  factmark = null;
});

async function library(articles: number) {
  const disk = new FailingDisk();
  const dir = await makeTempDir();
  let counter = 0;
  factmark = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false, io: disk.io, newId: () => `art${++counter}` });
  const f = factmark;
  const datas: ArticleData[] = [];
  for (let i = 0; i < articles; i++) {
    const row = unwrap(await f.dispatcher.call('library.create', { meta: { title: `Article ${i}` }, doc: doc(`Article ${i} says exports rose ${i} percent.`) })) as { id: string };
    datas.push(await f.ctx.store.article(row.id));
  }
  disk.written.length = 0;
  return { dir, disk, store: f.ctx.store, datas };
}

const retitled = (data: ArticleData, title: string): ArticleData => ({ ...data, article: { ...data.article, title } });
const titles = async (store: Factmark['ctx']['store']) => (await store.index()).articles.map((row) => row.title).sort();

describe('a batched save (writeArticles)', () => {
  it('writes index.json once for the whole batch and every article file durably, and tells each save', async () => {
    const { dir, disk, store, datas } = await library(3);
    const told: string[] = [];
    store.onArticleSaved(({ articleId, previous }) => told.push(`${articleId}${previous ? '' : ' (new)'}`));
    const added: ArticleData = { ...retitled(datas[0], 'Added'), article: { ...datas[0].article, id: 'added1', title: 'Added' } };
    await store.writeArticles([retitled(datas[0], 'First'), retitled(datas[2], 'Third'), added]);
    expect(disk.written.filter((path) => path.includes('index.json'))).toHaveLength(1);
    expect(disk.written.filter((path) => path.includes('articles/'))).toHaveLength(3);
    expect(told.sort()).toEqual(['added1 (new)', 'art1', 'art3']);
    expect(await titles(store)).toEqual(['Added', 'Article 1', 'First', 'Third']);
    // On disk, as a reopened library reads it.
    await factmark!.close();
    factmark = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false });
    expect(await titles(factmark.ctx.store)).toEqual(['Added', 'Article 1', 'First', 'Third']);
    expect((await factmark.ctx.store.article('added1')).article.title).toBe('Added');
  });

  it('writes nothing when one article of the batch is invalid', async () => {
    const { dir, disk, store, datas } = await library(2);
    const before = await snapshotFolder(dir);
    const invalid = { ...datas[1], claims: [{ id: 'broken' }] } as unknown as ArticleData;
    await expect(store.writeArticles([retitled(datas[0], 'First'), invalid])).rejects.toThrow();
    expect(disk.written).toEqual([]);
    expect(await snapshotFolder(dir)).toEqual(before);
    expect(await titles(store)).toEqual(['Article 0', 'Article 1']);
  });

  it('keeps the old row and file of an article whose file fails, saves the others, and says why in one line', async () => {
    const { dir, disk, store, datas } = await library(3);
    const failingFile = `${datas[1].article.id}.json`;
    disk.failing = new RegExp(`\\.${failingFile.replace('.', '\\.')}\\.`);
    const failed = store.writeArticles(datas.map((data, i) => retitled(data, `New ${i}`)));
    await expect(failed).rejects.toMatchObject({ message: expect.stringMatching(/^Could not save articles\/art2\.json: the disk is full \(ENOSPC\)/) });
    await failed.catch((error: Error) => expect(error.message).not.toMatch(/\n/));
    expect(await titles(store)).toEqual(['Article 1', 'New 0', 'New 2']);
    expect((await store.article(datas[1].article.id)).article.title).toBe('Article 1');
    disk.failing = null;
    await factmark!.close();
    factmark = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false });
    expect(await titles(factmark.ctx.store)).toEqual(['Article 1', 'New 0', 'New 2']);
  });
});
