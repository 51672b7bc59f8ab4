/** The HTML report: structure, escaping, and highlights that land on exactly the claimed characters. */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDocumentOrder } from '../../../src-shared/model';
import { STATUSES } from '../../../src-shared/statuses';
import { projectText } from '../../../src-shared/text';
import { FINDINGS_ORDER } from '../../../src-main/services/export/common';
import { REPORT_CSP, renderHtml } from '../../../src-main/services/export/html';
import { HOSTILE_CLAIMANT, HOSTILE_NOTE, openSampleLibrary, type SampleLibrary } from '../../fixtures/export/sample-library';
import { bundleOf, claimAt, STRUCTURED_ARTICLE, STRUCTURED_NODE, STRUCTURED_TEXT } from './structured-doc';

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

/** The text a claim's highlights cover, in document order, without the number labels. */
function highlightedText(doc: Document, claimId: string): string {
  return [...doc.querySelectorAll(`.article-text mark[data-claim="${claimId}"]`)]
    .map((mark) => {
      const copy = mark.cloneNode(true) as Element;
      copy.querySelectorAll('.claim-num').forEach((label) => label.remove());
      return copy.textContent ?? '';
    })
    .join('');
}

/** The claims each number label in the article text belongs to, sorted (a claim labelled twice appears twice). */
function labelledClaims(doc: Document): string[] {
  return [...doc.querySelectorAll('.article-text .claim-num')].map((label) => label.closest('mark')?.getAttribute('data-claim') ?? '').sort();
}

/**
 * Whether [start, end) covers a character of some textblock (text or hard break) of the structured
 * document, rather than only block-separator characters, which have nothing to show.
 */
const STRUCTURED_BLOCKS = projectText(STRUCTURED_NODE).blocks;
function coversBlockCharacter(start: number, end: number): boolean {
  return STRUCTURED_BLOCKS.some((b) => start < b.offset + b.length && end > b.offset);
}

/** Offset of the structured document's one hard break ("." then a line break then "A second line"). */
const HARD_BREAK = STRUCTURED_TEXT.indexOf('.\nA second line') + 1;

/** The article text as shown, without number labels. */
function shownText(doc: Document): string {
  const copy = doc.querySelector('.article-text')!.cloneNode(true) as Element;
  copy.querySelectorAll('.claim-num').forEach((label) => label.remove());
  copy.querySelectorAll('p, h2, h3, h4, h5, h6').forEach((block) => block.append('\u0000'));
  return (copy.textContent ?? '').replace(/\n/g, '').replace(/\u0000$/, '');
}

describe('HTML report of the sample', () => {
  let sample: SampleLibrary;
  let html: string;
  let doc: Document;

  beforeAll(async () => {
    sample = await openSampleLibrary();
    const file = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'html' });
    html = 'text' in file ? file.text : '';
    doc = parse(html);
  });

  afterAll(async () => {
    await sample?.lib.cleanup();
  });

  it('is self-contained: a CSP that forbids scripts and loads, no script, no external resource', () => {
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link, base, form').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).toBe(false);
      expect(el.getAttribute('src')).toBeNull();
    }
  });

  it('keeps the hostile claimant as text, and leaves the internal note out unless notes are included', async () => {
    const entry = doc.querySelector('#claim-1')!;
    expect(entry.querySelector('.claimant')!.textContent).toBe(HOSTILE_CLAIMANT);
    expect(doc.querySelectorAll('.note').length).toBe(0);
    for (const c of sample.claims) if (c.note) expect(html).not.toContain(c.note.slice(0, 20).replace(/[<>"&]/g, ''));
    expect(html).not.toContain('Minute 14'); // an evidence note is internal too
    const withNotes = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'html', includeNotes: true });
    const noted = parse('text' in withNotes ? withNotes.text : '');
    expect(noted.querySelector('#claim-1 .note')!.textContent).toBe(HOSTILE_NOTE);
    expect(noted.body.textContent).toContain('Minute 14');
  });

  it('opens with the title, publisher, date and link, and the generated overall summary', () => {
    expect(doc.querySelector('h1')!.textContent).toBe('Lavrov and Kuleba meet in Antalya: no progress on ceasefire');
    expect(doc.querySelector('header .dateline')!.textContent).toBe('Sample article · 2022-03-10 · by Staff writer');
    expect(doc.querySelector('header a[href="https://news.example/world/antalya-talks"]')).not.toBeNull();
    expect(doc.querySelector('#summary')!.textContent).toBe('7 claims checked: 1 false, 2 misleading, 1 disputed, 1 verified, 2 still in review.');
    // Findings come before the annotated article, and the method last.
    const sections = [...doc.querySelectorAll('main > section h2')].map((h) => h.textContent);
    expect(sections).toEqual(['Findings', 'The article, annotated', 'Method']);
    expect(doc.querySelector('.method')!.textContent).toContain('Ana Reviewer, Ben Checker');
  });

  it('highlights every claim once per segment, numbers it once, and covers exactly its quote', () => {
    const ids = new Set([...doc.querySelectorAll('.article-text mark[data-claim]')].map((m) => m.getAttribute('data-claim')));
    expect(ids.size).toBe(sample.claims.length);
    expect(doc.querySelectorAll('.article-text .claim-num').length).toBe(sample.claims.length);
    for (const c of sample.claims) expect(highlightedText(doc, c.id)).toBe(c.target.quote.exact.replace(/\n/g, ''));
  });

  it('lists the findings worst first, each numbered as in the article and linked both ways', () => {
    const entries = [...doc.querySelectorAll('section.claim')];
    const ordered = inDocumentOrder(sample.claims);
    const rank = (id: string) => FINDINGS_ORDER.indexOf(sample.claims.find((c) => c.id === id)!.status);
    const shown = entries.map((e) => e.getAttribute('data-claim')!);
    expect(shown.map(rank)).toEqual([...shown.map(rank)].sort((a, b) => a - b));
    expect(shown.map((id) => sample.claims.find((c) => c.id === id)!.status).slice(0, 2)).toEqual(['false', 'misleading']);
    for (const entry of entries) {
      const n = ordered.findIndex((c) => c.id === entry.getAttribute('data-claim')) + 1;
      expect(entry.id).toBe(`claim-${n}`);
      expect(entry.querySelector('blockquote.quote')!.textContent).toBe(ordered[n - 1].target.quote.exact);
      expect(entry.querySelector(`a.n[href="#mark-${n}"]`)).not.toBeNull();
      expect(doc.querySelector(`.article-text a#mark-${n}[href="#claim-${n}"]`)).not.toBeNull();
    }
    const verified = entries.find((e) => e.textContent!.includes('Press conference transcript'))!;
    expect(verified.querySelector('h3.checked')!.textContent).toBe('Kuleba said Lavrov gave no promise of a ceasefire for aid to reach civilians.');
    expect(verified.querySelector('.explanation')!.textContent).toContain('transcript of the joint press conference');
    expect([...verified.querySelectorAll('ol.sources li .stance')].map((s) => s.textContent)).toEqual(['Supports', 'Context']);
  });
});

describe('HTML highlights over a structured document', () => {
  it('renders headings (under the report’s own h1 and h2), marks, links, lists, quotes and hard breaks; unsafe links lose their href', () => {
    const doc = parse(renderHtml(bundleOf(STRUCTURED_ARTICLE, [], STRUCTURED_TEXT)));
    const body = doc.querySelector('.article-text')!;
    expect(body.querySelector('h3')!.textContent).toBe('Ministers meet in Antalya');
    expect(body.querySelector('h3 em')!.textContent).toBe('in Antalya');
    expect(body.querySelector('strong')!.textContent).toBe('brief');
    expect(body.querySelector('em strong, strong em')!.textContent).toBe('inconclusive');
    expect(body.querySelector('a[href="https://mfa.example/statement"]')!.textContent).toBe('the ministry');
    expect(body.querySelectorAll('br').length).toBe(1);
    expect(body.querySelectorAll('ul li').length).toBe(2);
    expect(body.querySelector('blockquote p')!.textContent).toBe('“We will try,” he said.');
    expect(body.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect([...body.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript'))).toBe(false);
    expect(shownText(doc)).toBe(STRUCTURED_TEXT.replace(/\n\n/g, '\u0000').replace(/\n/g, ''));
  });

  it('puts random, overlapping claims on exactly their characters, whatever the structure', () => {
    const text = STRUCTURED_TEXT;
    const range = fc
      .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 60 }))
      .map(([start, len]) => [start, Math.min(text.length, start + len)] as const);
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 8 }), (ranges) => {
        const claims = ranges.map(([s, e], i) => claimAt(text, STRUCTURED_ARTICLE.id, `c${i}`, s, e, STATUSES[i % STATUSES.length].id));
        const doc = parse(renderHtml(bundleOf(STRUCTURED_ARTICLE, inDocumentOrder(claims), text)));
        for (const c of claims) expect(highlightedText(doc, c.id)).toBe(c.target.quote.exact.replace(/\n/g, ''));
        // A claim is highlighted and labelled exactly once when it covers a character of a block, a hard
        // break included; a range inside a block separator has nothing to show (the editor never makes one).
        const shown = claims.filter((c) => coversBlockCharacter(c.target.position.start, c.target.position.end)).map((c) => c.id).sort();
        expect(labelledClaims(doc)).toEqual(shown);
        expect(new Set([...doc.querySelectorAll('.article-text mark[data-claim]')].map((m) => m.getAttribute('data-claim')))).toEqual(new Set(shown));
        expect(shownText(doc)).toBe(text.replace(/\n\n/g, '\u0000').replace(/\n/g, ''));
      }),
      // A claim on just the hard break once failed here (seed 42, path "419:2:8:8:8"): the old oracle took its
      // quote "\n" for a block separator and expected no label, while the report labels it on its <br>.
      { numRuns: 60, examples: [[[[HARD_BREAK, HARD_BREAK + 1]]]] },
    );
  });

  it('highlights and labels a claim that covers only a hard break, on its line break', () => {
    expect(STRUCTURED_TEXT[HARD_BREAK]).toBe('\n');
    const claim = claimAt(STRUCTURED_TEXT, STRUCTURED_ARTICLE.id, 'break', HARD_BREAK, HARD_BREAK + 1);
    const doc = parse(renderHtml(bundleOf(STRUCTURED_ARTICLE, [claim], STRUCTURED_TEXT)));
    const marks = doc.querySelectorAll('.article-text mark[data-claim="break"]');
    expect(marks.length).toBe(1);
    expect(marks[0].querySelectorAll('br').length).toBe(1);
    expect(highlightedText(doc, 'break')).toBe('');
    expect(labelledClaims(doc)).toEqual(['break']);
  });

  it('lists a claim whose quote is not in the text as not found, without highlighting it', () => {
    const orphan = claimAt(STRUCTURED_TEXT, STRUCTURED_ARTICLE.id, 'orphan', 0, 8);
    orphan.target = { quote: { exact: 'Nowhere in this text', prefix: '', suffix: '' }, position: { start: 0, end: 20 } };
    const doc = parse(renderHtml(bundleOf(STRUCTURED_ARTICLE, [orphan], STRUCTURED_TEXT)));
    expect(doc.querySelectorAll('.article-text mark').length).toBe(0);
    expect(doc.querySelector('#claim-1 .orphan')!.textContent).toContain('not found');
  });
});
