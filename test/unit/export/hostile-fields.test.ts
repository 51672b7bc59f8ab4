/**
 * Issue 17, items 4, 5 and 7 for the exports: every field is escaped for its target (a hostile
 * source URL in Markdown stays text, URL fields link only http(s)); the W3C export keeps "</script>"
 * from closing a JSON-LD script element; bidirectional overrides are isolated in HTML, CSV and Markdown.
 */
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isolateBidi } from '../../../src-main/services/export/common';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

/** A web address (so it is accepted) that would break out of Markdown or HTML if written raw. */
const HOSTILE_URL = 'https://example.org/a"> <img src=x onerror=alert(document.domain)>';
const SCRIPT_URL = 'javascript:x> <img src=x onerror=alert(document.domain)>';
const RLO = '\u202E';
const SPOOF = `report${RLO}txt.exe`;

let lib: TempLibrary;
let articleId: string;

beforeEach(async () => {
  lib = await openTempLibrary({ seed: false });
  const article = await lib.call('library.create', {
    meta: { title: `Title ${SPOOF}`, sourceUrl: HOSTILE_URL },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `He said </script><script>alert(1)</script> and ${SPOOF} was attached.` }] }] },
  });
  articleId = article.id;
  await lib.call('claims.create', { articleId, range: { quote: '</script><script>alert(1)</script>' }, claimant: `Claimant ${SPOOF}`, status: 'false' });
  await lib.call('claims.create', { articleId, range: { quote: SPOOF }, claimant: 'Someone', status: 'verified', evidence: [{ id: 'e', url: '', title: `Doc ${SPOOF}`, note: '', stance: 'supports' }] });
});

afterEach(async () => {
  await lib.cleanup();
});

async function text(format: 'html' | 'md' | 'csv' | 'w3c'): Promise<string> {
  const file = await lib.call('export.article', { articleId, format });
  if (!('text' in file)) throw new Error('expected text');
  return file.text;
}

/** Every U+202E in `out` sits inside an isolate (U+2068 … U+2069) or a <bdi> element that closes after it. */
function overridesIsolated(out: string): boolean {
  let depth = 0;
  let bdi = 0;
  for (let i = 0; i < out.length; i++) {
    if (out.startsWith('<bdi>', i)) bdi++;
    else if (out.startsWith('</bdi>', i)) bdi--;
    const ch = out[i];
    if (ch === '\u2068') depth++;
    else if (ch === '\u2069') depth--;
    else if (ch === RLO && depth === 0 && bdi === 0) return false;
  }
  return true;
}

describe('hostile fields in the exports', () => {
  it('URL fields hold only http(s) URLs: a javascript: source or organisation URL is refused in one line and nothing changes', async () => {
    const before = await lib.call('library.get', { articleId });
    await expect(lib.call('library.updateMeta', { articleId, meta: { sourceUrl: SCRIPT_URL } })).rejects.toThrow(/: meta\.sourceUrl: must be an http\(s\) URL \(or left empty\)$/);
    await expect(lib.call('library.create', { meta: { title: 'x', sourceUrl: SCRIPT_URL }, doc: { type: 'doc', content: [] } })).rejects.toThrow(/must be an http\(s\) URL/);
    await expect(lib.call('prefs.set', { organisationUrl: SCRIPT_URL })).rejects.toThrow(/: organisationUrl: must be an http\(s\) URL/);
    expect(await lib.call('library.get', { articleId })).toEqual(before);
    expect(await lib.call('library.list', {})).toHaveLength(1);
    expect((await lib.call('prefs.get', {})).organisationUrl).toBe('');
  });

  it('Markdown: a source URL with HTML in it is escaped text, never raw HTML', async () => {
    const md = await text('md');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<javascript:');
    const doc = new JSDOM(new MarkdownIt({ html: true, linkify: false }).render(md)).window.document;
    expect(doc.querySelectorAll('img, script').length).toBe(0);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:/);
  });

  it('HTML: every link is http(s), mailto or in-page', async () => {
    const doc = new JSDOM(await text('html')).window.document;
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:|#)/);
  });

  it('W3C: "<" is written as \\u003c, so the JSON-LD cannot close a <script> element, and still parses to the same text', async () => {
    const out = await text('w3c');
    expect(out).not.toContain('<');
    expect(out).toContain('\\u003c/script>');
    expect(JSON.parse(out).first.items[0].target.selector[0].exact).toBe('</script><script>alert(1)</script>');
  });

  it('isolates bidirectional overrides in HTML, CSV and Markdown', async () => {
    for (const format of ['html', 'csv', 'md'] as const) {
      const out = await text(format);
      expect(out, format).toContain(RLO);
      expect(overridesIsolated(out), format).toBe(true);
    }
    const html = new JSDOM(await text('html')).window.document;
    expect(html.querySelector('.finding .claimant bdi')!.textContent).toBe(`\u2068Claimant ${SPOOF}\u202C\u2069`);
    const rows = Papa.parse<Record<string, string>>((await text('csv')).slice(1), { header: true }).data;
    expect(rows.find((r) => r.status === 'false')!.claimant).toBe(`\u2068Claimant ${SPOOF}\u202C\u2069`);
  });

  it('isolateBidi closes what the text opens and drops a stray isolate closer', () => {
    expect(isolateBidi('plain')).toBe('plain');
    expect(isolateBidi(`a${RLO}b`)).toBe(`\u2068a${RLO}b\u202C\u2069`);
    expect(isolateBidi('a\u2069\u202Eb')).toBe('\u2068a\u202Eb\u202C\u2069');
    expect(isolateBidi('\u2067x\u202Ay\u2069z')).toBe('\u2068\u2067x\u202Ay\u2069z\u2069');
  });
});
