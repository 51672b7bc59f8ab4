/**
 * Issue 15 through the services: the claim's publication fields and their rules, evidence without a
 * URL in every format and back, the report's structure (findings worst first, summary, notes only
 * when chosen, "no source recorded", reviewers), the preview, and ClaimReview checked against
 * Google's fact-check markup requirements.
 */
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../../src-shared/model';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { checkClaimReview } from './claimreview-validator';

let lib: TempLibrary;
let articleId: string;
const TEXT = 'The minister said crime fell by half. The agency said prices rose. Officials said the bridge opened. Critics said nothing changed. A spokesman said jobs grew.';

beforeEach(async () => {
  lib = await openTempLibrary({ seed: false });
  const article = await lib.call('library.create', {
    meta: { title: 'Claims about the city', publisher: 'City Post', publishedAt: '2026-02-01', sourceUrl: 'https://citypost.example/claims' },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
  });
  articleId = article.id;
});

afterEach(async () => {
  await lib.cleanup();
});

const create = (quote: string, fields: Record<string, unknown> = {}): Promise<ClaimRecord> => {
  lib.tick();
  return lib.call('claims.create', { articleId, range: { quote }, ...fields });
};

async function text(format: 'html' | 'md' | 'csv' | 'json' | 'w3c' | 'claimreview', extra: Record<string, unknown> = {}): Promise<string> {
  const file = await lib.call('export.article', { articleId, format, ...extra });
  if (!('text' in file)) throw new Error('expected text');
  return file.text;
}

describe('claim publication fields', () => {
  it('start as the quote, a guessed claimant kind and (for a verdict) the day of the verdict', async () => {
    const person = await create('crime fell by half', { claimant: 'Jane Minister', status: 'false' });
    expect(person).toMatchObject({ claimAsChecked: 'crime fell by half', explanation: '', claimantKind: 'person', verdictDate: '2026-01-15' });
    const org = await create('prices rose', { claimant: 'Office for National Statistics' });
    expect(org).toMatchObject({ claimantKind: 'organisation', verdictDate: '' });
  });

  it('move the verdict date with the status and the kind with the claimant, unless the change sets them', async () => {
    const c = await create('prices rose', { claimant: 'Jane Doe' });
    lib.tick(86_400_000);
    const rated = await lib.call('claims.update', { articleId, claimId: c.id, baseRevision: c.revision, patch: { status: 'misleading', claimant: 'The Agency' } });
    expect(rated).toMatchObject({ verdictDate: '2026-01-16', claimantKind: 'organisation' });
    const edited = await lib.call('claims.update', { articleId, claimId: c.id, baseRevision: rated.revision, patch: { verdictDate: '2026-01-10', claimantKind: 'person' } });
    expect(edited).toMatchObject({ verdictDate: '2026-01-10', claimantKind: 'person' });
    const reopened = await lib.call('claims.update', { articleId, claimId: c.id, baseRevision: edited.revision, patch: { status: 'in-review' } });
    expect(reopened.verdictDate).toBe('');
  });

  it('accepts evidence without a URL, reads a bare domain as https, and refuses other URLs in one line', async () => {
    const c = await create('the bridge opened', {
      status: 'verified',
      evidence: [
        { id: 'e1', url: '', title: 'Reply to a freedom-of-information request', date: '2026-01-20', citation: 'FOI 2026/114, City Council', note: '', stance: 'supports' },
        { id: 'e2', url: 'www.ons.gov.uk/crime', title: 'Crime figures', note: '', stance: 'context' },
      ],
    });
    expect(c.evidence.map((e) => e.url)).toEqual(['', 'https://www.ons.gov.uk/crime']);
    expect(c.evidence[0]).toMatchObject({ date: '2026-01-20', citation: 'FOI 2026/114, City Council' });
    for (const url of ['javascript:alert(1)', 'ftp://x.example/file', 'not a url']) {
      const bad = await lib.factmark.dispatcher.call('claims.update', { articleId, claimId: c.id, baseRevision: c.revision, patch: { evidence: [{ id: 'e3', url, title: 't', note: '', stance: 'supports' }] } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      if (!bad.ok) expect(bad.error.message).not.toContain('\n');
    }
    const empty = await lib.factmark.dispatcher.call('claims.update', { articleId, claimId: c.id, baseRevision: c.revision, patch: { evidence: [{ id: 'e4', url: '', title: ' ', note: '', stance: 'supports' }] } });
    expect(empty).toMatchObject({ ok: false });
  });
});

describe('evidence without a URL in every export, and back', () => {
  const INTERVIEW = { id: 'e1', url: '', title: 'Interview with the harbour master', date: '2026-01-12', citation: 'Recorded by the author, Coast Desk', note: '', stance: 'refutes' } as const;

  it('is named by its title, date and citation in html, md and csv, and comes back exactly from json and w3c', async () => {
    await create('crime fell by half', { status: 'false', claimant: 'Jane Minister', evidence: [INTERVIEW] });
    const html = new JSDOM(await text('html')).window.document;
    const item = html.querySelector('ol.sources li')!;
    expect(item.textContent).toContain('Interview with the harbour master, 2026-01-12, Recorded by the author, Coast Desk');
    expect(item.querySelector('a')).toBeNull();
    expect(await text('md')).toContain('1. Interview with the harbour master, 2026-01-12, Recorded by the author, Coast Desk (Refutes)');
    expect(await text('csv')).toContain('refutes: Interview with the harbour master, 2026-01-12, Recorded by the author, Coast Desk');
    const w3c = JSON.parse(await text('w3c'));
    const body = w3c.first.items[0].body.find((b: { purpose: string }) => b.purpose === 'linking');
    expect(body.source.id).toMatch(/^urn:factmark:article:.+:evidence:e1$/);
    expect(body['fm:url']).toBe('');

    const stored = await lib.call('library.get', { articleId });
    const json = await text('json');
    const other = await openTempLibrary({ seed: false });
    try {
      await other.call('export.restore', { format: 'json', content: json });
      expect((await other.call('library.get', { articleId })).claims).toEqual(stored.claims);
      await other.call('library.delete', { articleId });
      await other.call('export.restore', { format: 'w3c', content: JSON.stringify(w3c), article: JSON.stringify({ article: stored.article }) });
      expect((await other.call('library.get', { articleId })).claims).toEqual(stored.claims);
    } finally {
      await other.cleanup();
    }
  });
});

describe('the report', () => {
  beforeEach(async () => {
    await lib.call('prefs.set', { reviewer: 'Ana' });
    await create('crime fell by half', { claimant: 'Jane Minister', status: 'verified', note: 'INTERNAL: called the press office' });
    await create('prices rose', { claimant: 'The Agency', status: 'false', explanation: 'Prices fell 2% (ONS).', evidence: [{ id: 'e1', url: 'https://ons.example/cpi', title: 'CPI', note: 'INTERNAL evidence note', stance: 'refutes' }] });
    await lib.call('prefs.set', { reviewer: 'Ben' });
    await create('the bridge opened', { claimant: 'Officials', status: 'in-review' });
    await create('nothing changed', { claimant: 'Critics', status: 'misleading', explanation: 'Two of three measures changed.' });
    // Carla is the current reviewer but made no change: she is not named.
    await lib.call('prefs.set', { reviewer: 'Carla' });
  });

  it('puts the findings worst first after a generated summary, and names exactly the reviewers who made changes', async () => {
    const doc = new JSDOM(await text('html')).window.document;
    expect(doc.querySelector('#summary')!.textContent).toBe('4 claims checked: 1 false, 1 misleading, 1 verified, 1 still in review.');
    expect([...doc.querySelectorAll('.finding h3.checked')].map((h) => h.textContent)).toEqual(['prices rose', 'nothing changed', 'crime fell by half', 'the bridge opened']);
    expect(doc.querySelector('.finding .explanation')!.textContent).toBe('Prices fell 2% (ONS).');
    const method = doc.querySelector('.method')!.textContent!;
    expect(method).toContain('Ana, Ben');
    expect(method).not.toContain('Carla');
  });

  it('uses the summary the reviewer wrote, and the published fact-check URL', async () => {
    await lib.call('library.updateMeta', { articleId, meta: { reportSummary: 'Most claims do not hold up.', factCheckUrl: 'checks.example/city' } });
    const doc = new JSDOM(await text('html')).window.document;
    expect(doc.querySelector('#summary')!.textContent).toBe('Most claims do not hold up.');
    expect(doc.querySelector('header a[href="https://checks.example/city"]')).not.toBeNull();
  });

  it('never publishes an internal note unless notes are included', async () => {
    for (const format of ['html', 'md', 'csv', 'claimreview'] as const) {
      const out = await text(format);
      expect(out, format).not.toContain('INTERNAL');
    }
    for (const format of ['html', 'md', 'csv'] as const) expect(await text(format, { includeNotes: true }), format).toContain('INTERNAL: called the press office');
  });

  it('flags a Verified or False claim with no evidence as "no source recorded", in the report and the preview', async () => {
    const doc = new JSDOM(await text('html')).window.document;
    const flagged = [...doc.querySelectorAll('.finding')].filter((f) => f.querySelector('.no-source'));
    expect(flagged.map((f) => f.querySelector('h3')!.textContent)).toEqual(['crime fell by half']);
    expect(await text('md')).toContain('**⚠ No source recorded**');
    const preview = await lib.call('export.preview', { articleId });
    expect(preview.warnings).toEqual(['Claim 1 (Verified): no source recorded']);
    expect(preview.html).toBe(await text('html'));
  });

  it('previews only the filtered claims, as export.article would write them', async () => {
    const claims = await lib.call('claims.list', { articleId });
    const ids = claims.filter((c) => c.status === 'false').map((c) => c.id);
    const preview = await lib.call('export.preview', { articleId, claimIds: ids, includeNotes: true });
    expect(preview.html).toBe(await text('html', { claimIds: ids, includeNotes: true }));
    expect(preview.warnings).toEqual([]);
    expect(new JSDOM(preview.html).window.document.querySelectorAll('.finding')).toHaveLength(1);
  });
});

describe('ClaimReview', () => {
  it('types the claimant Person or Organization, dates the review by its verdict, and meets Google’s requirements', async () => {
    await lib.call('prefs.set', { organisation: 'City Checks', organisationUrl: 'https://checks.example/' });
    await create('crime fell by half', { claimant: 'Jane Minister', status: 'false', explanation: 'Crime fell 10%.', note: 'secret', evidence: [{ id: 'e', url: 'https://ons.example', title: 'ONS', note: '', stance: 'refutes' }] });
    const org = await create('prices rose', { claimant: 'Statistics Office', status: 'verified' });
    await lib.call('claims.update', { articleId, claimId: org.id, baseRevision: org.revision, patch: { claimAsChecked: 'Prices rose in 2025.', verdictDate: '2026-01-02' } });
    const reviews = JSON.parse(await text('claimreview'));
    const [person, organisation] = reviews;
    expect(person.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Jane Minister' });
    expect(organisation.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Statistics Office' });
    expect(person).toMatchObject({ claimReviewed: 'crime fell by half', reviewBody: 'Crime fell 10%.', datePublished: '2026-01-15' });
    expect(organisation).toMatchObject({ claimReviewed: 'Prices rose in 2025.', datePublished: '2026-01-02' });
    expect(organisation.reviewBody).toBeUndefined();
    expect(person.itemReviewed.appearance).toMatchObject({ '@type': 'CreativeWork', url: 'https://citypost.example/claims', datePublished: '2026-02-01' });
    // Without a published URL: the claim's URN, never an invented web address; the validator says it is not publishable yet.
    for (const r of reviews) {
      expect(r.url).toMatch(/^urn:factmark:article:/);
      const check = checkClaimReview(r);
      expect(check.errors).toEqual([]);
      expect(check.warnings).toEqual(['url is not a web page: give the published fact-check URL before publishing the markup']);
    }
    await lib.call('library.updateMeta', { articleId, meta: { factCheckUrl: 'https://checks.example/2026/city-claims' } });
    for (const r of JSON.parse(await text('claimreview'))) {
      expect(r.url).toBe('https://checks.example/2026/city-claims');
      expect(checkClaimReview(r)).toEqual({ errors: [], warnings: [] });
    }
  });

  it('the validator catches what Google would refuse', () => {
    expect(checkClaimReview({ '@context': 'https://schema.org', '@type': 'ClaimReview' }).errors).toEqual([
      'claimReviewed is required (a short summary of the claim)',
      'url is required',
      'reviewRating is required',
    ]);
    const bad = checkClaimReview({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://x.example/',
      claimReviewed: 'x',
      reviewBody: 'y',
      note: 'z',
      reviewRating: { '@type': 'Rating', ratingValue: 9, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Human', name: 'A' } },
    });
    expect(bad.errors).toEqual([
      'ClaimReview.note is not a ClaimReview property',
      'reviewRating.alternateName is required (the truthfulness rating as a short phrase)',
      'reviewRating.ratingValue must lie between worstRating and bestRating',
      'itemReviewed.author.@type must be Person or Organization, not "Human"',
    ]);
  });
});
