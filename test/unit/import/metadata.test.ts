import { describe, expect, it } from 'vitest';
import { convertHtml } from '../../../src-main/services/import/html';
import { completeMeta, normaliseLanguage, pageMetadata } from '../../../src-main/services/import/metadata';
import { splitFrontMatter } from '../../../src-main/services/import/markdown';
import { JSDOM } from 'jsdom';

const BODY = '<article><p>The harbour tunnel reopens on Monday after repairs to the ventilation system, the operator said in a statement issued on Friday afternoon.</p><p>Tolls stay at last year\u2019s level.</p></article>';

function meta(head: string, pageUrl?: string) {
  return pageMetadata(new JSDOM(`<html><head>${head}</head><body>${BODY}</body></html>`).window.document, { pageUrl });
}

describe('page metadata', () => {
  it('reads Open Graph and article meta tags when there is no JSON-LD', () => {
    expect(
      meta(
        '<title>Tunnel | Site</title><meta property="og:title" content="Tunnel reopens"><meta property="og:site_name" content="Harbour Courier">' +
          '<meta property="article:published_time" content="2026-02-01T08:00:00Z"><meta name="author" content="Lee Chen"><meta property="og:locale" content="en_GB">' +
          '<meta property="og:url" content="/news/tunnel">',
        'https://harbour.example/x?y=1',
      ),
    ).toEqual({
      title: 'Tunnel reopens',
      byline: 'Lee Chen',
      publisher: 'Harbour Courier',
      publishedAt: '2026-02-01T08:00:00Z',
      sourceUrl: 'https://harbour.example/news/tunnel',
      language: 'en-GB',
    });
  });

  it('prefers JSON-LD NewsArticle (in a list, with string author and publisher) over meta tags', () => {
    const ld = JSON.stringify([{ '@type': 'Organization', name: 'Not this' }, { '@type': ['NewsArticle'], headline: 'LD headline', author: 'Ana Ruiz', publisher: 'LD Publisher', datePublished: '2026-01-02', url: 'https://ld.example/a', inLanguage: 'es' }]);
    expect(meta(`<meta property="og:title" content="OG title"><script type="application/ld+json">${ld}</script><script type="application/ld+json">{ broken json</script>`)).toEqual({
      title: 'LD headline',
      byline: 'Ana Ruiz',
      publisher: 'LD Publisher',
      publishedAt: '2026-01-02',
      sourceUrl: 'https://ld.example/a',
      language: 'es',
    });
  });

  it('ignores author URLs and non-http canonical links', () => {
    const m = meta('<meta property="article:author" content="https://facebook.com/someone"><link rel="canonical" href="javascript:alert(1)">');
    expect(m.byline).toBeUndefined();
    expect(m.sourceUrl).toBeUndefined();
  });

  it('falls back to Readability for title and byline, cleaning the <title> suffix', () => {
    const html = `<html><head><title>Harbour tunnel reopens after ventilation repairs - The Harbour Courier</title></head><body><article><h1>Harbour tunnel reopens after ventilation repairs</h1><p class="byline">By Lee Chen</p>${BODY}</article></body></html>`;
    const { meta: m } = convertHtml(html, { label: 'page', extract: true });
    expect(m.title).toBe('Harbour tunnel reopens after ventilation repairs');
    expect(m.byline).toBe('By Lee Chen');
  });
});

describe('completing metadata', () => {
  it('fills every field, cuts long values to the model limits and falls back for the title', () => {
    const full = completeMeta({ byline: 'x'.repeat(600), sourceUrl: 'ftp://example.org/a', language: 'not a language tag!' }, 'From file name');
    expect(full.title).toBe('From file name');
    expect(full.byline).toHaveLength(500);
    expect(full.byline.endsWith('…')).toBe(true);
    expect(full).toMatchObject({ publisher: '', sourceUrl: '', publishedAt: '', language: '' });
  });

  it('normalises language tags', () => {
    expect(normaliseLanguage('pt_BR')).toBe('pt-BR');
    expect(normaliseLanguage('<script>')).toBeUndefined();
  });
});

describe('Markdown front matter', () => {
  it('reads simple key: value pairs and returns the body', () => {
    const { meta: m, body } = splitFrontMatter('---\ntitle: "Quoted: title"\nauthor: A. Writer\nignored: x\n---\n# Heading\n');
    expect(m).toEqual({ title: 'Quoted: title', byline: 'A. Writer' });
    expect(body).toBe('# Heading\n');
  });

  it('leaves text without front matter alone', () => {
    expect(splitFrontMatter('Just text\n---\nmore')).toEqual({ meta: {}, body: 'Just text\n---\nmore' });
  });
});
