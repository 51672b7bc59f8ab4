/**
 * A generated library for the library benchmark, written straight to article files (no services,
 * so 10,000 articles take seconds): each article's paragraphs are its claims' quotes, claimants
 * and words follow a Zipf-like spread, and some quotes (with their figures) recur across articles.
 * Files are written in version 1's shape and brought to the current schema by the store's migrations.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrateToCurrent } from '../../src-main/store/migrations';
import { STATUS_IDS } from '../../src-shared/statuses';
import { seeded } from '../../src-shared/seeded';

const SUBJECTS = 'unemployment inflation ceasefire grain exports troops refugees pensions taxes budget deficit vaccines hospitals schools wages rents electricity gas oil wheat bread tariffs sanctions drones missiles border police prisons crime housing'.split(' ');
const VERBS = 'rose fell doubled halved reached dropped increased decreased climbed collapsed tripled stalled exceeded'.split(' ');
const UNITS = ['per cent', 'million euros', 'billion dollars', 'thousand people', 'tonnes', 'percent', 'soldiers', 'families', 'schools', 'million'];
const PLACES = 'Kyiv Moscow Ankara Brussels Warsaw Odesa Kharkiv Mariupol Berlin Paris London Vienna Geneva Istanbul Antalya Riga Vilnius Tallinn Minsk Chisinau'.split(' ');
const FILLER = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}n`);
const FIRST = 'Dmytro Sergei Olena Maria Ivan Anna Petro Oksana Andriy Yulia Mevlut Emmanuel Olaf Ursula Volodymyr Denys Iryna Taras Nadia Boris'.split(' ');
const LAST = 'Kuleba Lavrov Shmyhal Zelensky Cavusoglu Macron Scholz Leyen Stefanchuk Reznikov Markarova Stoltenberg Borrell Peskov Zakharova Shoigu Podolyak Klitschko Tkachenko Hrytsenko'.split(' ');

/** An index from 0 to n-1, small ones much more often (Zipf-like). */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(rand(), 2.2) * n));
}

/** The claimant names: 400 people, some written several ways ("Kuleba", "Dmytro Kuleba"). */
export function claimantNames(): string[] {
  const names: string[] = [];
  for (let i = 0; i < 400; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    names.push(i % 7 === 0 ? last : `${first} ${last}${i >= 400 / 2 ? ` ${i}` : ''}`);
  }
  return names;
}

function makeQuote(rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[zipf(rand, list.length)];
  const filler = Array.from({ length: 4 + Math.floor(rand() * 6) }, () => pick(FILLER)).join(' ');
  const number = rand() < 0.5 ? String(Math.floor(rand() * 100)) : `${Math.floor(rand() * 900 + 100)},${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
  return `${pick(SUBJECTS)} in ${pick(PLACES)} ${pick(VERBS)} to ${number} ${pick(UNITS)} ${filler} in ${2010 + Math.floor(rand() * 15)}.`;
}

export interface GeneratedLibrary {
  dir: string;
  articles: number;
  claims: number;
  ms: number;
}

/** Write a library of `articles` articles with `claimsPer` claims each into `dir`. */
export async function generateLibrary(dir: string, articles: number, claimsPer: number, seed = 7): Promise<GeneratedLibrary> {
  const started = performance.now();
  const rand = seeded(seed);
  const names = claimantNames();
  const recurring = Array.from({ length: 2000 }, () => makeQuote(rand));
  await mkdir(join(dir, 'articles'), { recursive: true });
  const rows: unknown[] = [];
  const base = Date.parse('2024-01-01T00:00:00Z');
  let pending: Promise<void>[] = [];
  for (let a = 0; a < articles; a++) {
    const id = `art${String(a).padStart(6, '0')}`;
    const when = new Date(base + a * 3_600_000).toISOString();
    const quotes = Array.from({ length: claimsPer }, () => (rand() < 0.05 ? recurring[zipf(rand, recurring.length)] : makeQuote(rand)));
    let offset = 0;
    const claims = quotes.map((quote, c) => {
      const start = offset;
      offset += quote.length + 2;
      const status = STATUS_IDS[Math.floor(rand() * STATUS_IDS.length)];
      const at = new Date(base + a * 3_600_000 + c * 1000).toISOString();
      return {
        id: `c${a.toString(36)}x${c}`,
        articleId: id,
        target: { quote: { exact: quote, prefix: '', suffix: '' }, position: { start, end: start + quote.length } },
        claimant: names[zipf(rand, names.length)],
        status,
        evidence: rand() < 0.2 ? [{ id: `e${a}x${c}`, url: 'https://example.org/source', title: `Report on ${SUBJECTS[c % SUBJECTS.length]}`, note: '', stance: 'refutes' }] : [],
        note: rand() < 0.3 ? `Checked against ${PLACES[c % PLACES.length]} statistics` : '',
        reviewer: 'Bench',
        createdAt: at,
        updatedAt: at,
        revision: 1,
        history: [{ status, at, reviewer: 'Bench' }],
      };
    });
    const article = {
      title: `Report ${a}: ${quotes[0].slice(0, 40)}`,
      byline: '',
      publisher: 'Bench News',
      sourceUrl: '',
      publishedAt: '',
      language: 'en',
      id,
      importedAt: when,
      updatedAt: when,
      doc: { type: 'doc', content: quotes.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
      textHash: `hash${a}`,
    };
    const { doc: _doc, language: _language, ...summary } = article;
    rows.push({ ...summary, claimCount: claims.length });
    const file = migrateToCurrent('article', { schemaVersion: 1, article, claims }, 1);
    pending.push(writeFile(join(dir, 'articles', `${id}.json`), JSON.stringify(file)));
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await writeFile(join(dir, 'index.json'), JSON.stringify(migrateToCurrent('index', { schemaVersion: 1, articles: rows.reverse() }, 1)));
  return { dir, articles, claims: articles * claimsPer, ms: performance.now() - started };
}
