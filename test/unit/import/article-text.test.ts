/**
 * What a web page import keeps: a page of only navigation and a footer is refused (issue 16,
 * item 3), and the byline leaves out the date printed beside it (issue 16, item 15) and its
 * "By", and does not stay in the article text as a paragraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidyByline } from '../../../src-main/services/import/metadata';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, importBytes, textOfDoc } from './helpers';

let lib: TempLibrary;
beforeAll(async () => {
  lib = await openTempLibrary();
});
afterAll(async () => lib.cleanup());

const page = (body: string) => Buffer.from(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Harbour Courier</title></head><body>${body}</body></html>`);

describe('pages with no article text', () => {
  it('refuses a page of only navigation and a footer', async () => {
    const html = page(`<header><a href="/">Home</a></header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav><footer><p>© 2026 The Harbour Courier. All rights reserved. Contact us at the harbour office.</p></footer>`);
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'menu-only.html', html), /^No article text found in menu-only\.html$/);
  });

  it('refuses menus built from lists of links in divs named "menu" and "footer"', async () => {
    const html = page(`<div class="site-menu"><a href="/">Home</a> <a href="/about">About us and our long history</a></div><div id="footer">Registered office: 1 Quay Street, Harbourtown, company number 0123456</div>`);
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'links.html', html), /^No article text found in links\.html$/);
  });

  it('imports a short article beside the same furniture', async () => {
    const html = page(`<nav><a href="/">Home</a></nav><main><h1>Ferry fares rise</h1><p>Ferry fares will rise by 4% in April, the operator said on Monday.</p></main><footer>© 2026</footer>`);
    const { article } = await importBytes(lib, 'short.html', html);
    expect(article.byline).toBe('');
    expect(await lib.call('library.list', {})).toContainEqual(expect.objectContaining({ id: article.id }));
  });
});

describe('bylines', () => {
  it('leaves out the date printed beside the byline', async () => {
    const html = page(`<article><h1>Tunnel reopens</h1><p class="byline">By Lee Chen | Updated March 1, 2026, 10:02</p><p>The harbour tunnel reopened on Sunday after ventilation repairs that took three weeks and cost the port authority £2 million.</p><p>Traffic returned to normal by the evening rush hour, the authority said.</p></article>`);
    const { article } = await importBytes(lib, 'tunnel.html', html);
    expect(article.byline).toBe('Lee Chen');
  });

  it('keeps the byline line out of the text when the metadata names the author too', async () => {
    const withAuthor = (body: string) => Buffer.from(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="author" content="Lee Chen"><title>The Harbour Courier</title></head><body>${body}</body></html>`);
    const prose = '<p>The harbour tunnel reopened on Sunday after ventilation repairs that took three weeks and cost the port authority £2 million.</p><p>Traffic returned to normal by the evening rush hour, the authority said.</p>';
    const { article } = await importBytes(lib, 'tunnel-author.html', withAuthor(`<article><h1>Tunnel reopens at last</h1><p><span class="author-name">By Lee Chen</span></p>${prose}</article>`));
    expect(article.byline).toBe('Lee Chen');
    const text = textOfDoc(article.doc);
    expect(text).not.toContain('By Lee Chen');
    expect(text).toContain('The harbour tunnel reopened on Sunday');
    // A linked name inside a sentence is article text, not a byline.
    const inline = await importBytes(lib, 'inline-author.html', withAuthor(`<article><h1>Ferry fares rise</h1><p>Fares rise, wrote <a rel="author" href="/lee">Lee Chen</a>.</p>${prose}</article>`));
    expect(textOfDoc(inline.article.doc)).toContain('Fares rise, wrote Lee Chen.');
  });

  it.each([
    ['Amira Haddad, 1 March 2026', 'Amira Haddad'],
    ['By Ana Ruiz — 2026-03-01T10:00', 'Ana Ruiz'],
    ['by: Ana Ruiz and Lee Chen', 'Ana Ruiz and Lee Chen'],
    ['Byron Lee', 'Byron Lee'],
    ['Lee Chen · 5 hours ago', 'Lee Chen'],
    ['Lee Chen Published on 03/04/2026 at 10:00', 'Lee Chen'],
    ['Theresa May', 'Theresa May'],
    ['March 3, 2026', undefined],
  ])('%s -> %s', (byline, expected) => {
    expect(tidyByline(byline)).toBe(expected);
  });
});
