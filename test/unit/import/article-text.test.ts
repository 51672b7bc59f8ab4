/**
 * What a web page import keeps: a page of only navigation and a footer is refused (issue 16,
 * item 3), and the byline leaves out the date printed beside it (issue 16, item 15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bylineWithoutDate } from '../../../src-main/services/import/metadata';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, importBytes } from './helpers';

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
    expect(article.byline).toBe('By Lee Chen');
  });

  it.each([
    ['Amira Haddad, 1 March 2026', 'Amira Haddad'],
    ['By Ana Ruiz — 2026-03-01T10:00', 'By Ana Ruiz'],
    ['Lee Chen · 5 hours ago', 'Lee Chen'],
    ['Lee Chen Published on 03/04/2026 at 10:00', 'Lee Chen'],
    ['Theresa May', 'Theresa May'],
    ['March 3, 2026', undefined],
  ])('%s -> %s', (byline, expected) => {
    expect(bylineWithoutDate(byline)).toBe(expected);
  });
});
