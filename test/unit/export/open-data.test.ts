/** CSV, Markdown, Factmark JSON, W3C Web Annotation and ClaimReview exports of the sample, parsed back and checked. */
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDocumentOrder, type ClaimRecord } from '../../../src-shared/model';
import { RATING_SCALE, statusInfo } from '../../../src-shared/statuses';
import { articleText as textOf } from '../../../src-main/services/documents';
import { CSV_COLUMNS } from '../../../src-main/services/export/csv';
import { guessClaimantKind } from '../../../src-shared/claim-publication';
import { FactmarkExport } from '../../../src-main/services/export/json';
import { CodePointOffsets } from '../../../src-main/services/export/code-points';
import { FINDINGS_ORDER } from '../../../src-main/services/export/common';
import { buildClaimReviews, isoDate } from '../../../src-main/services/export/claimreview';
import { buildW3c } from '../../../src-main/services/export/w3c';
import { MOTIVATIONS, W3C_CONTEXT, W3cAnnotationCollection } from '../../../src-main/services/export/w3c-schema';
import { HOSTILE_CLAIMANT, HOSTILE_NOTE, openSampleLibrary, type SampleLibrary } from '../../fixtures/export/sample-library';
import { bundleOf, claimAt, STRUCTURED_ARTICLE, STRUCTURED_TEXT } from './structured-doc';

let sample: SampleLibrary;
let ordered: ClaimRecord[];

async function exportText(format: 'md' | 'csv' | 'json' | 'w3c' | 'claimreview', includeNotes = false): Promise<string> {
  const file = await sample.lib.call('export.article', { articleId: sample.articleId, format, includeNotes });
  if (!('text' in file)) throw new Error('expected text');
  return file.text;
}

beforeAll(async () => {
  sample = await openSampleLibrary();
  ordered = inDocumentOrder(sample.claims);
});

afterAll(async () => {
  await sample?.lib.cleanup();
});

describe('CSV', () => {
  it('starts with a UTF-8 BOM, uses CRLF, and parses back (papaparse) to one row a claim', async () => {
    const text = await exportText('csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '""');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
    expect(outsideQuotes.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(ordered.length);
    parsed.data.forEach((row, i) => {
      const c = ordered[i];
      expect(row.claim_id).toBe(c.id);
      expect(row.claim_number).toBe(String(i + 1));
      expect(row.quote).toBe(c.target.quote.exact);
      expect(row.status_label).toBe(statusInfo(c.status).label);
      expect(row.revision).toBe(String(c.revision));
    });
  });

  it('keeps quotes, commas, line breaks and non-Latin text, and defuses formulas with a leading quote', async () => {
    const rows = Papa.parse<Record<string, string>>((await exportText('csv', true)).slice(1), { header: true, skipEmptyLines: true }).data;
    const byId = new Map(rows.map((r) => [r.claim_id, r]));
    const hostile = ordered.find((c) => c.claimant === HOSTILE_CLAIMANT)!;
    expect(byId.get(hostile.id)!.note).toBe(`'${HOSTILE_NOTE}`);
    expect(byId.get(hostile.id)!.claimant).toBe(HOSTILE_CLAIMANT);
    const cyrillic = ordered.find((c) => c.claimant === 'Сергей Лавров')!;
    expect(byId.get(cyrillic.id)!.note).toBe('Имя проверено — ✓ 👍');
    const dashed = ordered.find((c) => c.claimant.startsWith('-'))!;
    expect(byId.get(dashed.id)!.claimant).toBe(`'${dashed.claimant}`);
    expect(byId.get(dashed.id)!.note).toContain('"two"');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('has the publication fields, and leaves notes empty unless they are included', async () => {
    const rows = Papa.parse<Record<string, string>>((await exportText('csv')).slice(1), { header: true, skipEmptyLines: true }).data;
    const verified = rows.find((r) => r.status === 'verified')!;
    expect(verified).toMatchObject({ claim_as_checked: 'Kuleba said Lavrov gave no promise of a ceasefire for aid to reach civilians.', claimant_kind: 'person', verdict_date: '2026-01-15' });
    expect(verified.explanation).toContain('joint press conference');
    expect(rows.every((r) => r.note === '')).toBe(true);
    expect(rows.map((r) => r.evidence).join('\n')).not.toContain('Minute 14');
  });
});

describe('Markdown', () => {
  it('renders (even with raw HTML allowed) without any element from user content', async () => {
    const md = await exportText('md');
    const doc = new JSDOM(new MarkdownIt({ html: true }).render(md)).window.document;
    expect(doc.querySelectorAll('img, script').length).toBe(0);
    expect(doc.body.textContent).toContain(HOSTILE_CLAIMANT);
    expect(doc.querySelectorAll('h3').length).toBe(ordered.length);
  });

  it('gives the findings worst first, each quote as a block quote and its sources as a numbered list', async () => {
    const md = await exportText('md');
    const doc = new JSDOM(new MarkdownIt().render(md)).window.document;
    const quotes = [...doc.querySelectorAll('blockquote')].map((q) => q.textContent!.replace(/\s+/g, ' ').trim());
    const worstFirst = [...ordered].sort((a, b) => FINDINGS_ORDER.indexOf(a.status) - FINDINGS_ORDER.indexOf(b.status));
    expect(quotes).toEqual(worstFirst.map((c) => c.target.quote.exact.replace(/\s+/g, ' ')));
    const lists = [...doc.querySelectorAll('ol')].map((ol) => [...ol.querySelectorAll('li')].map((li) => li.textContent));
    expect(lists).toContainEqual(['Press conference transcript (Supports)', 'https://wire.example/story?id=42&lang=en (Context)']);
    expect(lists).toContainEqual(['Interview with a forum organiser, 2022-03-11, Telephone interview by the author (Refutes)']);
    expect(doc.body.textContent).toContain('7 claims checked: 1 false, 2 misleading, 1 disputed, 1 verified, 2 still in review.');
    expect(md).not.toContain('Matches the press conference transcript');
  });
});

describe('Factmark JSON', () => {
  it('holds the article and every claim exactly as stored', async () => {
    const data = FactmarkExport.parse(JSON.parse(await exportText('json')));
    const stored = await sample.lib.call('library.get', { articleId: sample.articleId });
    expect(data.articles).toEqual([{ article: stored.article, claims: stored.claims }]);
    expect(data.exportedAt).toMatch(/Z$/);
  });
});

describe('W3C Web Annotation', () => {
  it('conforms to the data-model subset schema', async () => {
    const parsed = W3cAnnotationCollection.safeParse(JSON.parse(await exportText('w3c')));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
  });

  it('meets the model’s requirements: context, unique IRIs, motivations, purposes, agents, dates, selectors', async () => {
    const raw = JSON.parse(await exportText('w3c'));
    const collection = W3cAnnotationCollection.parse(raw);
    const text = await articleText();
    expect(raw['@context'][0]).toBe(W3C_CONTEXT);
    const items = collection.first.items;
    expect(items).toHaveLength(ordered.length);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    for (const a of items) {
      expect(a.motivation).toEqual(['assessing', 'highlighting']);
      for (const b of a.body) expect(MOTIVATIONS).toContain(b.purpose);
      expect(a.created <= a.modified).toBe(true);
      expect(a.target.source).toBe('https://news.example/world/antalya-talks');
      const [quote, position] = a.target.selector;
      const offsets = new CodePointOffsets(text);
      expect(text.slice(offsets.toUnit(position.start), offsets.toUnit(position.end))).toBe(quote.exact);
      expect(a.body.filter((b) => b.purpose === 'assessing')).toHaveLength(1);
    }
    const hostile = items.find((a) => a.body.some((b) => b.type === 'TextualBody' && b.value === HOSTILE_CLAIMANT))!;
    expect(hostile.body.map((b) => b.purpose)).toEqual(['assessing', 'tagging', 'describing', 'commenting', 'linking']);
    expect(hostile.creator).toEqual({ type: 'Person', name: 'Ana Reviewer' });
  });

  it('counts TextPositionSelector offsets in code points', () => {
    const text = 'a😀b𝄞c';
    const offsets = new CodePointOffsets(text);
    expect([0, 1, 3, 4, 6, 7].map((u) => offsets.toPoint(u))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((p) => offsets.toUnit(p))).toEqual([0, 1, 3, 4, 6, 7]);
    expect(new CodePointOffsets('plain').toPoint(3)).toBe(3);
  });
});

async function articleText(): Promise<string> {
  const { article } = await sample.lib.call('library.get', { articleId: sample.articleId });
  return textOf(article);
}

describe('ClaimReview', () => {
  it('has one review per claim with a verdict, with every field Google’s fact-check markup asks for', async () => {
    const text = await exportText('claimreview');
    expect(text).not.toContain('<');
    const reviews = JSON.parse(text) as Record<string, any>[];
    const rated = ordered.filter((c) => statusInfo(c.status).rating !== null);
    expect(reviews).toHaveLength(rated.length);
    reviews.forEach((r, i) => {
      const c = rated[i];
      expect(r['@context']).toBe('https://schema.org');
      expect(r['@type']).toBe('ClaimReview');
      expect(r.claimReviewed).toBe(c.claimAsChecked);
      expect(r.url).toBe(`urn:factmark:article:${sample.articleId}:claim:${c.id}`);
      expect(r.author).toEqual({ '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example/reviews/' });
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: statusInfo(c.status).rating,
        bestRating: RATING_SCALE.best,
        worstRating: RATING_SCALE.worst,
        alternateName: statusInfo(c.status).label,
      });
      expect(r.itemReviewed['@type']).toBe('Claim');
      expect(r.itemReviewed.datePublished).toBe('2022-03-10');
      expect(r.itemReviewed.appearance.url).toBe('https://news.example/world/antalya-talks');
      expect(r.itemReviewed.author.name).toBe(c.claimant);
      expect(r.itemReviewed.author['@type']).toBe(c.claimantKind === 'organisation' ? 'Organization' : 'Person');
      expect(r.datePublished).toBe(c.verdictDate);
      if (c.explanation) expect(r.reviewBody).toBe(c.explanation);
      else expect(r.reviewBody).toBeUndefined();
      expect(text).not.toContain(c.note.slice(0, 15) || '\u0000');
    });
    const disputed = reviews.find((r) => r.reviewRating.alternateName === 'Disputed')!;
    expect(disputed.datePublished).toBe('2026-01-15');
  });

  it('without an organisation URL, gives each review the claim’s Factmark URN, the same id as its W3C annotation', () => {
    const bundle = bundleOf(STRUCTURED_ARTICLE, [claimAt(STRUCTURED_TEXT, STRUCTURED_ARTICLE.id, 'c1', 0, 9, 'false')], STRUCTURED_TEXT);
    const [review] = buildClaimReviews(bundle);
    expect(review.url).toBe('urn:factmark:article:structured:claim:c1');
    expect(buildW3c(bundle).first.items[0].id).toBe(review.url);
  });

  it('guesses Person or Organization for the claimant, and reads dates', () => {
    expect(guessClaimantKind('Dmytro Kuleba')).toBe('person');
    expect(guessClaimantKind('Ministry of Foreign Affairs of Ukraine')).toBe('organisation');
    expect(guessClaimantKind('WHO')).toBe('organisation');
    expect(guessClaimantKind('The man who knew')).toBe('person');
    expect(isoDate('2022-03-10T08:00:00Z')).toBe('2022-03-10');
    expect(isoDate('March 10, 2022')).toMatch(/^2022-03-1[01]$/);
    expect(isoDate('sometime')).toBeNull();
  });

  it('refuses when no claim has a verdict yet', async () => {
    const unrated = ordered.filter((c) => statusInfo(c.status).rating === null).map((c) => c.id);
    await expect(sample.lib.call('export.article', { articleId: sample.articleId, format: 'claimreview', claimIds: unrated })).rejects.toThrow(/No claim has a verdict/);
  });
});
