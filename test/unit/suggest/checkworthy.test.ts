/** Check-worthiness: the shipped model file loads offline, scores sentences, and applies its threshold. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, loadCheckworthyModel, ModelFile, scoreTokens } from '../../../src-main/services/suggest/checkworthy-model';
import { featureNames } from '../../../src-main/services/suggest/features';
import { fnv1a32 } from '../../../src-shared/fnv1a';
import { tag } from '../../../src-main/services/suggest/nlp';
import { scoreSentences } from '../../../src-main/services/suggest/suggester';
import { highestShare, MIN_SUGGESTIONS, suggestedFlags, suggestionLimit } from '../../../src-main/services/suggest/suggestion-share';

/** A news report written for this test: figures, quotes, a disputed claim and colour. */
const NEWS = [
  'The city council voted on Tuesday to raise the minimum wage for municipal workers to $18 an hour by 2026.',
  'The measure passed 7 to 2 after a debate that lasted more than four hours.',
  'Supporters packed the chamber, some holding signs that read "Fair pay now."',
  'Mayor Linda Ortiz said the increase would cost the city about $12 million a year.',
  '"This is the right thing to do, and it is long overdue," Ortiz told reporters after the vote.',
  'Council member Dave Brenner, who voted against the measure, said it would force the city to cut services.',
  'He claimed that unemployment in the city had already risen to 6.4 percent, the highest level since 2011.',
  "According to the state labor department, the city's unemployment rate was 5.1 percent in March.",
  'The city employs roughly 9,000 people, about a third of whom earn less than the new minimum.',
  'Brenner said he would ask voters to overturn the decision in a referendum next year.',
  'The vote comes as several neighbouring towns weigh similar proposals.',
  'It was a warm evening, and the meeting ended shortly before midnight.',
].join('\n');

const score = (sentence: string) => scoreTokens(loadCheckworthyModel(), tag(sentence));

describe('the check-worthiness model file', () => {
  it('is a valid, small JSON file shipped in resources/models', async () => {
    const raw = await readFile('resources/models/checkworthy.json', 'utf8');
    expect(raw.length).toBeLessThan(3 * 1024 * 1024);
    const file = ModelFile.parse(JSON.parse(raw));
    expect(file.threshold).toBeGreaterThan(0.05);
    expect(file.threshold).toBeLessThan(0.95);
    // The share is measured on the debates: every debate has some check-worthy sentences, none has most.
    expect(file.maxShare).toBeGreaterThan(0.2);
    expect(file.maxShare).toBeLessThan(0.5);
    expect(file.trainedOn).toMatch(/CT24/);
  });

  it('loads from disk with no network and survives an encode/decode round trip', async () => {
    const model = loadCheckworthyModel();
    const again = decodeModel(encodeModel(model, 'test', {}));
    const tokens = tag('Unemployment fell by 3 percent last year.');
    expect(scoreTokens(again, tokens)).toBeCloseTo(scoreTokens(model, tokens), 4);
  });

  it('refuses a damaged model file with a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'factmark-model-'));
    const file = join(dir, 'checkworthy.json');
    const good = JSON.parse(await readFile('resources/models/checkworthy.json', 'utf8'));
    await writeFile(file, JSON.stringify({ ...good, weightsInt16Base64: good.weightsInt16Base64.slice(0, 100) }));
    expect(() => loadCheckworthyModel(file)).toThrow('the check-worthiness model file is truncated');
    await writeFile(file, JSON.stringify({ format: 'something else' }));
    expect(() => loadCheckworthyModel(file)).toThrow('the check-worthiness model file is not valid');
  });
});

describe('sentence scoring', () => {
  it('scores factual claims with numbers above small talk', () => {
    const claims = [
      'Unemployment fell from 10 percent to 4.7 percent during the last eight years.',
      'We have lost 70,000 factories since China entered the World Trade Organization.',
      'The national debt has doubled to $20 trillion under this administration.',
    ];
    const chatter = ['Thank you very much.', 'I want to thank everybody for being here tonight.', 'Well, let me respond to that.'];
    const model = loadCheckworthyModel();
    for (const c of claims) expect(score(c)).toBeGreaterThanOrEqual(model.threshold);
    for (const c of chatter) expect(score(c)).toBeLessThan(model.threshold);
    expect(Math.min(...claims.map(score))).toBeGreaterThan(Math.max(...chatter.map(score)));
  });

  it('marks a sentence check-worthy exactly when its score reaches the threshold', () => {
    const text = 'Thank you. Crime rose by 12 percent in 2015, the FBI said. Good evening.';
    const model = loadCheckworthyModel();
    for (const threshold of [0, 0.5, 1]) {
      const scored = scoreSentences(text, { model: { ...model, threshold } });
      expect(scored).toHaveLength(3);
      for (const s of scored) expect(s.checkworthy).toBe(s.score >= threshold);
    }
  });

  it('suggests at most the model\'s share of a news article, its best-scored sentences', () => {
    const model = loadCheckworthyModel();
    const scored = scoreSentences(NEWS);
    expect(scored).toHaveLength(12);
    const passing = scored.filter((s) => s.score >= model.threshold);
    const suggested = scored.filter((s) => s.checkworthy);
    // News prose passes the debate-calibrated threshold in most sentences; the share keeps the best.
    expect(passing.length).toBeGreaterThan(suggestionLimit(12, model.maxShare));
    expect(suggested).toHaveLength(suggestionLimit(12, model.maxShare));
    const lowestSuggested = Math.min(...suggested.map((s) => s.score));
    expect(passing.filter((s) => !s.checkworthy).every((s) => s.score <= lowestSuggested)).toBe(true);
    const quotes = suggested.map((s) => NEWS.slice(s.start, s.end));
    expect(quotes.some((q) => q.includes('6.4 percent'))).toBe(true);
    expect(quotes.some((q) => q.includes('5.1 percent'))).toBe(true);
    expect(quotes.some((q) => q.startsWith('It was a warm evening'))).toBe(false);
  });

  it('gives positions in the text and a claimant to check-worthy sentences', () => {
    const text = 'Good evening.\n\nCrime rose by 12 percent in 2015, the FBI said.';
    const [first, second] = scoreSentences(text);
    expect(text.slice(first.start, first.end)).toBe('Good evening.');
    expect(text.slice(second.start, second.end)).toBe('Crime rose by 12 percent in 2015, the FBI said.');
    expect(second.checkworthy).toBe(true);
    expect(second.attribution?.claimant).toBe('FBI');
  });

  it('builds word, character, part-of-speech and number features', () => {
    const names = featureNames(tag('Taxes rose 5 percent.'));
    expect(names).toContain('w:taxes');
    expect(names).toContain('b:rose <num>');
    expect(names).toContain('p:VERB');
    expect(names).toContain('num+quantity');
    expect(names.some((n) => n.startsWith('c4:'))).toBe(true);
  });
});

describe('the share of an article that is suggested', () => {
  it('flags by the threshold alone while the passing sentences fit in the share', () => {
    expect(suggestedFlags([0.9, 0.2, 0.6, 0.1, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1], 0.5, 0.3)).toEqual([true, false, true, false, false, false, false, false, false, false]);
  });

  it('keeps only the best-scored share when more pass, ties going to the earlier sentence', () => {
    const scores = [0.7, 0.9, 0.8, 0.8, 0.6, 0.95, 0.1, 0.2, 0.3, 0.75];
    expect(suggestionLimit(10, 0.3)).toBe(3);
    expect(suggestedFlags(scores, 0.5, 0.3)).toEqual([false, true, true, false, false, true, false, false, false, false]);
    expect(suggestedFlags(scores, 0.5, 1).filter(Boolean)).toHaveLength(7);
  });

  it('never cuts a short text below a few suggestions, and rounds the share up', () => {
    expect(suggestionLimit(1, 0.4)).toBe(MIN_SUGGESTIONS);
    expect(suggestedFlags([0.9, 0.8], 0.5, 0.4)).toEqual([true, true]);
    expect(suggestionLimit(21, 0.4)).toBe(9);
  });

  it('is the highest share of check-worthy sentences in any one debate', () => {
    expect(highestShare([[true, false, false, false], [true, true, false, false], []])).toBe(0.5);
    expect(highestShare([])).toBe(0);
  });
});

describe('the word prior', () => {
  it('adds the mean of its words\' values, skipping articles and punctuation, and nothing for unknown words', async () => {
    const { wordPriorTerm } = await import('../../../src-main/services/suggest/word-prior');
    const prior = new Map([['taxes', 0.6], ['rose', 0.2]]);
    expect(wordPriorTerm(prior, tag('The taxes rose.'))).toBeCloseTo(0.4, 6);
    expect(wordPriorTerm(prior, tag('Zzyzx qwerty.'))).toBe(0);
    const model = loadCheckworthyModel();
    const tokens = tag('Taxes rose 5 percent.');
    expect(scoreTokens({ ...model, wordPrior: new Map() }, tokens)).not.toBeCloseTo(scoreTokens(model, tokens), 3);
  });

  it('covers news words the debates never used, from their word vectors', () => {
    const { wordPrior } = loadCheckworthyModel();
    expect(wordPrior.size).toBeGreaterThan(20_000);
    for (const w of ['ukraine', 'vaccine', 'inflation', 'percent']) expect(wordPrior.has(w)).toBe(true);
    // Quantities lean towards check-worthy, greetings away from it.
    expect(wordPrior.get('percent')!).toBeGreaterThan(wordPrior.get('thank')!);
  });
});

describe('feature hashing', () => {
  it('hashes streamed character n-grams into the same buckets as their names', async () => {
    const { featurize } = await import('../../../src-main/services/suggest/features');
    const tokens = tag('The deficit fell to $438 billion in 2015, the Treasury said.');
    const dims = 1 << 18;
    expect([...featurize(tokens, dims)]).toEqual(featureNames(tokens).map((n) => fnv1a32(n) % dims));
  });
});
