/**
 * Round trip: a Factmark JSON export, or a W3C export with its article, restored into an empty
 * library gives back the same articles and claims exactly (ids, times, revisions, history), on disk;
 * checked with fast-check over random articles and claims, and on the sample fixture.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../src-shared/anchoring/describe';
import { FactmarkError } from '../../../src-shared/contract';
import { Article, Claim, inDocumentOrder, type ArticleRecord, type ClaimRecord } from '../../../src-shared/model';
import { STATUS_IDS } from '../../../src-shared/statuses';
import { docText } from '../../../src-shared/text';
import { hashText, parseDoc } from '../../../src-main/services/documents';
import { paragraphsDoc } from '../../../src-main/services/import/doc-json';
import { renderJson } from '../../../src-main/services/export/json';
import type { ExportBundle } from '../../../src-main/services/export/types';
import { renderW3c } from '../../../src-main/services/export/w3c';
import { openFactmark } from '../../../src-main/services/factmark';
import { openTempLibrary, RESOURCES_DIR, type TempLibrary } from '../../support/temp-library';
import { openSampleLibrary, type SampleLibrary } from '../../fixtures/export/sample-library';

const EXPORTED_AT = '2026-01-15T10:00:00.000Z'; // the temp library's clock, so re-exports compare byte for byte

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const timestamp = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const anyText = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const status = fc.constantFrom(...STATUS_IDS);

const articleArb = fc
  .record({
    id,
    title: anyText(60).map((s) => s.trim()).filter((s) => s.length > 0),
    byline: anyText(30),
    publisher: anyText(30),
    sourceUrl: fc.oneof(fc.constant(''), fc.webUrl()),
    publishedAt: fc.oneof(fc.constant(''), timestamp),
    language: fc.constantFrom('', 'en', 'uk', 'ru'),
    importedAt: timestamp,
    updatedAt: timestamp,
    paragraphs: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ paragraphs, ...meta }): ArticleRecord => {
    const doc = paragraphsDoc(paragraphs) as ArticleRecord['doc'];
    // Parsed, so keys are in the store's order and re-exports compare byte for byte.
    return Article.parse({ ...meta, doc, textHash: hashText(docText(parseDoc(doc))) });
  });

/** A UTF-16 offset moved off the middle of a surrogate pair (the editor only selects whole characters). */
function onBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff ? offset + 1 : offset;
}

function claimsArb(article: ArticleRecord): fc.Arbitrary<ClaimRecord[]> {
  const text = docText(parseDoc(article.doc));
  const claim = fc
    .record({
      a: fc.nat({ max: text.length - 1 }),
      b: fc.nat({ max: text.length - 1 }),
      claimant: anyText(30),
      status,
      note: anyText(60),
      reviewer: anyText(20),
      createdAt: timestamp,
      updatedAt: timestamp,
      revision: fc.integer({ min: 1, max: 60 }),
      history: fc.array(fc.record({ status, at: timestamp, reviewer: anyText(20) }), { maxLength: 4 }),
      evidence: fc.uniqueArray(
        fc.record({ id, url: fc.webUrl({ withQueryParameters: true, withFragments: true }), title: anyText(30), note: anyText(30), stance: fc.constantFrom('supports', 'refutes', 'context') }),
        { maxLength: 3, selector: (e) => e.id },
      ),
    })
    .map(({ a, b, ...rest }) => {
      const start = onBoundary(text, Math.min(a, b));
      const end = Math.max(start + 1, onBoundary(text, Math.max(a, b) + 1));
      return { start, end: Math.min(text.length, end), rest };
    })
    .filter(({ start, end }) => end > start && end <= text.length);
  return fc.uniqueArray(fc.tuple(id, claim), { maxLength: 8, selector: ([claimId]) => claimId }).map((list) =>
    list.map(([claimId, { start, end, rest }]) => Claim.parse({ id: claimId, articleId: article.id, target: describeRange(text, start, end), ...rest })),
  );
}

const articleWithClaims = articleArb.chain((article) => claimsArb(article).map((claims) => ({ article, claims: inDocumentOrder(claims) })));

function bundleOf(entries: { article: ArticleRecord; claims: ClaimRecord[] }[]): ExportBundle {
  return {
    articles: entries.map((e) => ({ ...e, text: docText(parseDoc(e.article.doc)) })),
    prefs: { reviewer: '', organisation: '', organisationUrl: '' },
    exportedAt: EXPORTED_AT,
    options: { includeNotes: true },
  };
}

/** The article and claims as a fresh process would read them from the data folder. */
async function readBack(dir: string, articleId: string) {
  const reopened = await openFactmark({ dataDir: dir, resourcesDir: RESOURCES_DIR, seed: false });
  try {
    const result = await reopened.dispatcher.call('library.get', { articleId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { article: ArticleRecord; claims: ClaimRecord[]; claimCount: number };
  } finally {
    await reopened.close();
  }
}

async function restoreInto(lib: TempLibrary, req: Parameters<TempLibrary['call']>[1] & { format: 'json' | 'w3c' }) {
  const result = await lib.call('export.restore', req as never);
  await lib.factmark.flush();
  return result as { articles: { id: string; claimCount: number }[] };
}

describe('restoring exports into an empty library', () => {
  it('Factmark JSON: random articles and claims come back exactly, and export again byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(articleWithClaims, async (entry) => {
        const lib = await openTempLibrary();
        try {
          const json = renderJson(bundleOf([entry]));
          const restored = await restoreInto(lib, { format: 'json', content: json });
          expect(restored.articles).toEqual([expect.objectContaining({ id: entry.article.id, claimCount: entry.claims.length })]);
          expect(await readBack(lib.dir, entry.article.id)).toEqual({ ...entry, claimCount: entry.claims.length });
          const again = await lib.call('export.article', { articleId: entry.article.id, format: 'json' });
          expect('text' in again && again.text).toBe(json);
        } finally {
          await lib.cleanup();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('W3C with its article: random claims (astral characters, odd URLs) come back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(articleWithClaims, async (entry) => {
        const lib = await openTempLibrary();
        try {
          const w3c = renderW3c(bundleOf([entry]));
          await restoreInto(lib, { format: 'w3c', content: w3c, article: JSON.stringify(entry.article) });
          expect(await readBack(lib.dir, entry.article.id)).toEqual({ ...entry, claimCount: entry.claims.length });
          const again = await lib.call('export.article', { articleId: entry.article.id, format: 'w3c' });
          expect('text' in again && again.text).toBe(w3c);
        } finally {
          await lib.cleanup();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('restoring the sample fixture', () => {
  let sample: SampleLibrary;
  let original: { article: ArticleRecord; claims: ClaimRecord[] };
  let json: string;
  let w3c: string;

  beforeAll(async () => {
    sample = await openSampleLibrary();
    original = await sample.lib.call('library.get', { articleId: sample.articleId });
    const j = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'json' });
    const w = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'w3c' });
    json = 'text' in j ? j.text : '';
    w3c = 'text' in w ? w.text : '';
  });

  afterAll(async () => {
    await sample?.lib.cleanup();
  });

  it('restores the JSON export and the W3C export (article from the JSON, or from `show --json`)', async () => {
    for (const req of [
      { format: 'json' as const, content: json },
      { format: 'w3c' as const, content: w3c, article: json },
      { format: 'w3c' as const, content: w3c, article: JSON.stringify(original) },
    ]) {
      const lib = await openTempLibrary();
      try {
        await restoreInto(lib, req);
        expect(await readBack(lib.dir, sample.articleId)).toEqual(original);
        expect(await lib.call('library.list', {})).toEqual(await sample.lib.call('library.list', {}));
      } finally {
        await lib.cleanup();
      }
    }
  });

  it('refuses bad input with one line and writes nothing', async () => {
    const lib = await openTempLibrary();
    try {
      const tampered = json.replace('Kuleba said he had', 'Kuleba said he has');
      const cases: [Record<string, string>, RegExp][] = [
        [{ format: 'json', content: '{not json' }, /not JSON/],
        [{ format: 'json', content: '{"format":"factmark","version":9}' }, /not valid: version/],
        [{ format: 'json', content: tampered }, /textHash/],
        [{ format: 'json', content: json.replace(/"sourceUrl": "[^"]*"/, '"sourceUrl": "javascript:alert(1)"') }, /sourceUrl: must be an http\(s\) URL/],
        [{ format: 'json', content: json, article: json }, /no separate article file/],
        [{ format: 'w3c', content: w3c }, /give the article too/],
        [{ format: 'w3c', content: json, article: json }, /W3C Web Annotation export is not valid/],
        [{ format: 'w3c', content: w3c.replace(/urn:factmark:article:id0001:claim:/g, 'urn:factmark:article:other:claim:'), article: json }, /not in the article file/],
        [{ format: 'w3c', content: w3c.replace('"exact": "no progress has been made"', '"exact": "no progress was made"'), article: json }, /its quote is not in the article/],
      ];
      for (const [req, message] of cases) {
        const error = await lib.call('export.restore', req as never).catch((e: unknown) => e);
        expect(error, JSON.stringify(req).slice(0, 80)).toBeInstanceOf(FactmarkError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain('\n');
      }
      expect(await lib.call('library.list', {})).toEqual([]);
    } finally {
      await lib.cleanup();
    }
  });

  it('refuses to overwrite an article already in the library', async () => {
    const error = await sample.lib.call('export.restore', { format: 'json', content: json }).catch((e: unknown) => e);
    expect((error as FactmarkError).code).toBe('conflict');
    expect(await sample.lib.call('library.get', { articleId: sample.articleId })).toEqual(original);
  });
});
