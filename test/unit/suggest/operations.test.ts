/** suggest.* operations and the `suggest` CLI command on a real data folder. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGLISH_ONLY_NOTE } from '../../../src-shared/contract-suggest';
import { plainTextToDoc } from '../../../src-main/services/import/plain-text';
import { runCliIn } from '../../support/cli';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

let lib: TempLibrary;
let articleId: string;
const SAMPLE = await readFile('resources/samples/antalya-talks.txt', 'utf8');

beforeEach(async () => {
  lib = await openTempLibrary();
  articleId = (await lib.call('library.create', { meta: { title: 'Antalya talks', language: 'en' }, doc: plainTextToDoc(SAMPLE) })).id;
});
afterEach(async () => {
  await lib.cleanup();
});

describe('suggest.claims', () => {
  it('lists check-worthy sentences in document order with text positions and claimants', async () => {
    const suggestions = await lib.call('suggest.claims', { articleId });
    expect(suggestions.length).toBeGreaterThan(3);
    const { article } = await lib.call('library.get', { articleId });
    for (const s of suggestions) {
      expect(s.checkworthy).toBe(true);
      expect(s.quote).toBe(SAMPLE.replace(/\n/g, '\n\n').slice(s.start, s.end));
    }
    expect(suggestions.map((s) => s.start)).toEqual([...suggestions.map((s) => s.start)].sort((a, b) => a - b));
    // At most the model's share of the article: the sample's 21 sentences nearly all pass the threshold.
    expect(suggestions.length).toBeLessThanOrEqual(Math.ceil(21 * 0.5));
    const putin = suggestions.find((s) => s.quote.startsWith('On February 24'));
    expect(putin).toMatchObject({ claimant: 'Vladimir Putin', claimantSource: { cue: 'announced', text: 'Russian President Vladimir Putin' } });
    const all = await lib.call('suggest.claims', { articleId, all: true });
    const kuleba = all.find((s) => s.quote.startsWith('Kuleba said'));
    expect(kuleba).toMatchObject({ claimant: 'Dmytro Kuleba', claimantSource: { cue: 'said', text: 'Kuleba' } });
    expect(article.title).toBe('Antalya talks');
  });

  it('with all: every sentence, the ones under the threshold too', async () => {
    const all = await lib.call('suggest.claims', { articleId, all: true });
    const some = await lib.call('suggest.claims', { articleId });
    expect(all.length).toBeGreaterThan(some.length);
    expect(all.filter((s) => s.checkworthy).length).toBe(some.length);
  });

  it('leaves out dismissed and already claimed sentences, and remembers dismissals on disk', async () => {
    const [first, second] = await lib.call('suggest.claims', { articleId });
    await lib.call('suggest.dismiss', { articleId, start: first.start, end: first.end });
    await lib.call('claims.create', { articleId, range: { start: second.start, end: second.end } });
    const after = await lib.call('suggest.claims', { articleId });
    expect(after.map((s) => s.start)).not.toContain(first.start);
    expect(after.map((s) => s.start)).not.toContain(second.start);
    const all = await lib.call('suggest.claims', { articleId, all: true });
    expect(all.find((s) => s.start === first.start)).toMatchObject({ dismissed: true, claimed: false });
    expect(all.find((s) => s.start === second.start)).toMatchObject({ dismissed: false, claimed: true });
    const file = JSON.parse(await readFile(join(lib.dir, 'suggestions', `${articleId}.json`), 'utf8'));
    expect(file.dismissed).toEqual([{ start: first.start, end: first.end, quote: first.quote }]);
    await lib.call('suggest.dismiss', { articleId, start: first.start, end: first.end, dismissed: false });
    expect((await lib.call('suggest.claims', { articleId })).map((s) => s.start)).toContain(first.start);
  });

  it('gives no suggestions for an article in another language', async () => {
    const fr = await lib.call('library.create', {
      meta: { title: 'Pourparlers', language: 'fr' },
      doc: plainTextToDoc('Le ministre a déclaré que le chômage avait baissé de 5 % en 2021.'),
    });
    expect(await lib.call('suggest.claims', { articleId: fr.id })).toEqual([]);
    expect(await lib.call('suggest.claimant', { articleId: fr.id, start: 0, end: 10 })).toEqual({ claimant: '', confidence: 0 });
  });

  it('refuses an unknown article and changes nothing', async () => {
    await expect(lib.call('suggest.claims', { articleId: 'nosucharticle' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(lib.call('suggest.dismiss', { articleId: 'nosucharticle', start: 0, end: 4 })).rejects.toMatchObject({ code: 'not-found' });
    expect(await readdir(lib.dir)).not.toContain('suggestions');
  });
});

describe('suggest.claimant', () => {
  it('suggests the claimant of a range with its cue and source span', async () => {
    const text = SAMPLE.replace(/\n/g, '\n\n');
    const start = text.indexOf('Kiev appeared to want meetings');
    const result = await lib.call('suggest.claimant', { articleId, start, end: start + 30 });
    expect(result).toMatchObject({ claimant: 'Sergei Lavrov', cue: 'said', kind: 'pronoun' });
    expect(text.slice(result.sourceStart!, result.sourceEnd!)).toBe('He');
    expect(text.slice(result.cueStart!, result.cueEnd!)).toBe('said');
  });

  it('refuses a range outside the text with one line', async () => {
    await expect(lib.call('suggest.claimant', { articleId, start: 10, end: 1_000_000 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^Range 10-1000000 is not inside the article's text \(length \d+\)$/),
    });
    await expect(lib.call('suggest.claimant', { articleId, start: 5, end: 5 })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('suggest CLI', () => {
  it('lists suggestions, and with --json returns them', async () => {
    await lib.factmark.close();
    const text = await runCliIn(lib.dir, 'suggest', 'Antalya');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Vladimir Putin: “On February 24, Russian President Vladimir Putin announced');
    const json = await runCliIn(lib.dir, 'suggest', 'Antalya', '--all', '--json');
    expect(JSON.parse(json.out).length).toBeGreaterThan(15);
  });

  it('names the claimant of a quote', async () => {
    await lib.factmark.close();
    const run = await runCliIn(lib.dir, 'suggest', 'Antalya', '--claimant', '--quote', 'Ukraine was seeking a ceasefire', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ claimant: 'Dmytro Kuleba', cue: 'said' });
    const plain = await runCliIn(lib.dir, 'suggest', 'Antalya', '--claimant', '--quote', 'Ukraine was seeking a ceasefire');
    expect(plain.out).toMatch(/^Dmytro Kuleba \(cue “said”, pronoun source/);
  });

  it('fails with one line on a quote not in the article, a missing quote, or an unknown article', async () => {
    await lib.factmark.close();
    const missing = await runCliIn(lib.dir, 'suggest', 'Antalya', '--claimant', '--quote', 'no such words');
    expect(missing.code).not.toBe(0);
    expect(missing.err.split('\n')).toHaveLength(1);
    expect(missing.err).toContain('The quote was not found in the article');
    expect((await runCliIn(lib.dir, 'suggest', 'Antalya', '--claimant')).err).toContain('--claimant needs --quote');
    expect((await runCliIn(lib.dir, 'suggest', 'Nothing like this')).err).toContain('No article with id or title starting');
  });

  it('says suggestions are English-only for an article in another language', async () => {
    await lib.call('library.create', { meta: { title: 'Pourparlers', language: 'fr' }, doc: plainTextToDoc('Le ministre a déclaré que le chômage a baissé.') });
    await lib.factmark.close();
    const run = await runCliIn(lib.dir, 'suggest', 'Pourparlers');
    expect(run.code).toBe(0);
    expect(run.out).toBe(ENGLISH_ONLY_NOTE);
    expect(JSON.parse((await runCliIn(lib.dir, 'suggest', 'Pourparlers', '--json')).out)).toEqual({ suggestions: [], note: ENGLISH_ONLY_NOTE });
  });
});
