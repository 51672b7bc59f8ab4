/**
 * Real article texts for the versions benchmark: the import fixtures and bundled samples read by
 * Factmark's own converters, the news articles of ../shared/data's attribution set (rebuilt from
 * their sentences) when that folder is there, and a 100,000-word article for the timing run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONVERTERS } from '../../src-main/services/import';
import { docText } from '../../src-shared/text';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', '..', 'shared');
const SHARED_DATA = existsSync(join(SHARED, 'data')) ? join(SHARED, 'data') : '/work/shared/data';

export interface CorpusText {
  name: string;
  text: string;
}

const FIXTURES = [
  'resources/samples/antalya-talks.txt',
  'test/fixtures/import/news-article.html',
  'test/fixtures/import/port-briefing.md',
  'test/fixtures/import/german-iso-8859-1.html',
  'test/fixtures/import/cyrillic-windows-1251.html',
  'test/fixtures/import/windows-1252-undeclared.txt',
];

/** The fixture articles, converted exactly as an import would. */
async function fixtureTexts(): Promise<CorpusText[]> {
  const out: CorpusText[] = [];
  for (const path of FIXTURES) {
    const ext = path.slice(path.lastIndexOf('.'));
    const convert = await CONVERTERS[ext]();
    const converted = await convert(readFileSync(join(ROOT, path)), { label: path, fileName: path });
    out.push({ name: path.split('/').pop()!, text: docText(converted.doc) });
  }
  return out;
}

interface AttributionRow {
  article: string;
  sentence: string;
  sentence_start: number;
}

/** News articles of the attribution set: their sentences in order, three to a paragraph. */
function attributionArticles(minSentences: number): CorpusText[] {
  const file = join(SHARED_DATA, 'attribution', 'polnear-dev.jsonl');
  if (!existsSync(file)) return [];
  const byArticle = new Map<string, Map<number, string>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as AttributionRow;
    if (!byArticle.has(row.article)) byArticle.set(row.article, new Map());
    byArticle.get(row.article)!.set(row.sentence_start, row.sentence.replace(/\s+/g, ' ').trim());
  }
  const out: CorpusText[] = [];
  for (const [name, sentences] of byArticle) {
    const ordered = [...sentences].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    if (ordered.length < minSentences) continue;
    const paragraphs: string[] = [];
    for (let i = 0; i < ordered.length; i += 3) paragraphs.push(ordered.slice(i, i + 3).join(' '));
    out.push({ name, text: paragraphs.join('\n\n') });
  }
  return out;
}

/** Every real article text available. */
export async function realArticles(): Promise<CorpusText[]> {
  return [...(await fixtureTexts()), ...attributionArticles(8)];
}

/** Real sentences for the long article: the check-worthiness set when present, else the corpus. */
function sentencePool(corpus: readonly CorpusText[]): string[] {
  const file = join(SHARED_DATA, 'checkworthy', 'ct24-train.tsv');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[1]?.trim() ?? '')
      .filter((s) => s.split(' ').length >= 4);
  }
  return corpus.flatMap((c) => c.text.split(/(?<=[.!?])\s+/)).filter((s) => s.split(' ').length >= 4);
}

/** A real-sentence article of about `words` words, five sentences to a paragraph. */
export function longArticle(corpus: readonly CorpusText[], words: number): string {
  const pool = sentencePool(corpus);
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 5) {
    const sentences = Array.from({ length: 5 }, (_, k) => pool[(i + k) % pool.length]);
    // Past the end of the pool, number the repeats so the text stays unambiguous.
    const round = Math.floor(i / pool.length);
    const paragraph = sentences.join(' ') + (round > 0 ? ` (${round}.${i})` : '');
    paragraphs.push(paragraph);
    count += paragraph.split(' ').length;
  }
  return paragraphs.join('\n\n');
}
