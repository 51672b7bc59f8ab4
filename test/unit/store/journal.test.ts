/**
 * The article journal: an acknowledged save survives an article file damaged from outside (empty,
 * NUL-filled, truncated, garbled), because recovery replays the journal onto the newest good
 * backup. A failed save is never replayed, a torn record is skipped, and a long journal is compacted.
 */
import { appendFile, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FactmarkError, type OperationName, type RequestOf, type ResponseOf } from '../../../src-shared/contract';
import { openFactmark, type Factmark } from '../../../src-main/services/factmark';
import { makeTempDir, RESOURCES_DIR } from '../../support/temp-library';
import { FailingDisk } from '../../support/failing-disk';

const DOC = {
  type: 'doc' as const,
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The mayor said the new tram line carried 40,000 passengers a day in its first month.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Critics said the line cost twice its budget and opened a year late.' }] },
  ],
};

const DAMAGE: [string, (good: Buffer) => Buffer | string][] = [
  ['emptied', () => ''],
  ['NUL-filled', (good) => Buffer.alloc(good.length)],
  ['truncated', (good) => good.subarray(0, Math.floor(good.length * 0.6))],
  ['garbled', (good) => Buffer.from(good.toString('utf8').replace(/"claims"/, '"cl@ims').replace(/[{}]/g, ']'))],
];

/** Article files fail when synced, with an I/O error, while `disk.failing` matches them. */
const disk = Object.assign(new FailingDisk(), { step: 'sync' as const, code: 'EIO' });

const opened: Factmark[] = [];
afterEach(async () => {
  disk.failing = null;
  for (const f of opened.splice(0)) await f.close();
});

async function library(dir: string) {
  let tick = 0;
  const factmark = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false, io: disk.io, clock: () => new Date(Date.UTC(2026, 1, 1, 9, 0, 0, tick++)) });
  opened.push(factmark);
  async function call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
    const r = await factmark.dispatcher.call(name, req);
    if (!r.ok) throw new FactmarkError(r.error.code, r.error.message);
    return r.value as ResponseOf<N>;
  }
  return { factmark, call };
}

/** A library where an article had a few kinds of change; returns its last acknowledged state. */
async function editedArticle() {
  const dir = await makeTempDir();
  const lib = await library(dir);
  const article = await lib.call('library.create', { meta: { title: 'Tram' }, doc: DOC });
  const a = await lib.call('claims.create', { articleId: article.id, range: { quote: '40,000 passengers a day' }, claimant: 'the mayor' });
  const b = await lib.call('claims.create', { articleId: article.id, range: { quote: 'cost twice its budget' } });
  await lib.call('claims.update', { articleId: article.id, claimId: a.id, baseRevision: a.revision, patch: { status: 'disputed', note: 'ridership data says 31,000' } });
  await lib.call('claims.delete', { articleId: article.id, claimId: b.id });
  await lib.call('library.rename', { articleId: article.id, title: 'Tram ridership' });
  const last = await lib.call('claims.create', { articleId: article.id, range: { quote: 'opened a year late' }, status: 'verified' });
  const state = await lib.call('library.get', { articleId: article.id });
  await lib.factmark.close();
  opened.pop();
  return { dir, id: article.id, state, last, file: join(dir, 'articles', `${article.id}.json`) };
}

describe('the article journal', () => {
  for (const [how, damage] of DAMAGE) {
    it(`brings back the last acknowledged save when the article file was ${how} from outside`, async () => {
      const { dir, id, state, file } = await editedArticle();
      const good = await readFile(file);
      await writeFile(file, damage(good));
      const lib = await library(dir);
      expect(await lib.call('library.get', { articleId: id })).toEqual(state);
      expect(await readFile(file)).toEqual(good);
      expect((await lib.call('library.list', {})).map((r) => [r.title, r.claimCount])).toEqual([['Tram ridership', 2]]);
    });
  }

  it('brings back the last save of an article file deleted from outside while its row stayed', async () => {
    const { dir, id, state, file } = await editedArticle();
    await unlink(file);
    const lib = await library(dir);
    expect(await lib.call('library.get', { articleId: id })).toEqual(state);
  });

  it('never replays a save that failed', async () => {
    const { dir, id, state, last, file } = await editedArticle();
    const lib = await library(dir);
    disk.failing = /articles\//;
    const update = { articleId: id, claimId: last.id, baseRevision: last.revision, patch: { status: 'false' as const } };
    await expect(lib.call('claims.update', update)).rejects.toMatchObject({ message: expect.stringMatching(/input\/output error \(EIO\)/) });
    disk.failing = null;
    await lib.factmark.close();
    opened.pop();
    await writeFile(file, '');
    const again = await library(dir);
    expect(await again.call('library.get', { articleId: id })).toEqual(state);
  });

  it('skips a record torn by a crash in the middle of an append', async () => {
    const { dir, id, state, file } = await editedArticle();
    await appendFile(join(dir, 'journal', `${id}.jsonl`), '\n{"base":"abc","result":"de');
    await writeFile(file, '{"schemaVersion":1,');
    const lib = await library(dir);
    expect(await lib.call('library.get', { articleId: id })).toEqual(state);
    // Later saves append after the torn line and are still replayed.
    const claim = await lib.call('claims.create', { articleId: id, range: { quote: 'new tram line' } });
    await lib.factmark.close();
    opened.pop();
    await writeFile(file, '');
    const again = await library(dir);
    expect((await again.call('claims.list', { articleId: id })).map((c) => c.id)).toContain(claim.id);
  });

  it('stays small: a long journal is compacted and still recovers the last save', async () => {
    const { dir, id, last, file } = await editedArticle();
    const lib = await library(dir);
    let claim = last;
    for (let i = 0; i < 400; i++) {
      claim = await lib.call('claims.update', { articleId: id, claimId: claim.id, baseRevision: claim.revision, patch: { note: `${'checked against the transport authority figures '.repeat(8)}${i}` } });
    }
    const size = (await stat(join(dir, 'journal', `${id}.jsonl`))).size;
    expect(size).toBeLessThan(300 * 1024);
    await lib.factmark.close();
    opened.pop();
    await writeFile(file, Buffer.alloc(100));
    const again = await library(dir);
    expect((await again.call('claims.list', { articleId: id })).find((c) => c.id === claim.id)?.note).toMatch(/ 399$/);
  }, 60_000);
});
