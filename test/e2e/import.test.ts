/** Importing in the browser host with real Chromium: file picker, URL, paste and drop; hostile pages run nothing. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../support/hostile-corpus';
import { trackRequests } from './support/settle';
import { FIXTURES, hostPage, startServer, type TestServer } from '../support/http';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('import in the browser host', () => {
  const env = useHostAndBrowser(chromiumPath);
  let server: TestServer;

  beforeAll(async () => {
    const news = await readFile(join(FIXTURES, 'news-article.html'));
    server = await startServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(req.url === '/hostile' ? hostPage(hostileCorpus().join('\n'), 'every hostile payload') : news);
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A page of the app that fails the test if any script of an imported article runs. */
  async function openApp(): Promise<{ page: Page; ran: string[]; requests: ReturnType<typeof trackRequests> }> {
    const page = await env.browser.newPage();
    const requests = trackRequests(page);
    const ran: string[] = [];
    page.on('dialog', (dialog) => {
      ran.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(env.host.openUrl);
    await page.getByRole('navigation', { name: 'Library' }).waitFor();
    return { page, ran, requests };
  }

  // The headline: the text's own first heading when the text starts with it, else shown above the text.
  const articleHeading = (page: Page, name: string | RegExp) => page.getByRole('main', { name: 'Article' }).getByRole('heading', { name }).first();

  it('gives every import control an accessible name', async () => {
    const { page } = await openApp();
    const region = page.getByRole('region', { name: 'Import articles' });
    await region.getByRole('button', { name: 'Import…' }).waitFor();
    expect(await region.getByRole('button', { name: 'Paste as article' }).count()).toBe(1);
    expect(await region.getByRole('textbox', { name: 'Web address of the article' }).count()).toBe(1);
    expect(await region.getByRole('button', { name: 'Import from URL' }).count()).toBe(1);
    expect(await page.getByLabel('Article file to import').getAttribute('accept')).toBe('.txt,.md,.markdown,.html,.htm,.docx,.pdf');
    await page.close();
  });

  it('imports a saved page with the file picker, and offers the existing article the second time', async () => {
    const { page } = await openApp();
    await page.getByLabel('Article file to import').setInputFiles(join(FIXTURES, 'news-article.html'));
    await articleHeading(page, 'Port expansion approved after late-night vote').waitFor();
    await expect.poll(() => page.getByRole('document', { name: /^Article text/ }).textContent()).toContain('The city council approved the £240 million expansion');
    const rows = () => page.getByRole('navigation', { name: 'Library' }).getByRole('list').getByRole('button').count();
    const before = await rows();
    await page.getByLabel('Article file to import').setInputFiles(join(FIXTURES, 'news-article.html'));
    await expect.poll(() => page.locator('.fm-notice').textContent()).toContain('Already in the library');
    expect(await rows()).toBe(before);
    await page.close();
  });

  it('imports from a URL and shows a clear error for an unreachable one', async () => {
    const { page } = await openApp();
    const address = page.getByRole('textbox', { name: 'Web address of the article' });
    await address.fill('http://127.0.0.1:1/nowhere');
    await page.getByRole('button', { name: 'Import from URL' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Could not reach http:\/\/127\.0\.0\.1:1\/nowhere/);
    await address.fill(`${server.url}/news`);
    await page.getByRole('button', { name: 'Import from URL' }).click();
    await expect.poll(() => page.locator('.fm-notice').textContent()).toMatch(/Article imported|Already in the library/);
    await articleHeading(page, 'Port expansion approved after late-night vote').waitFor();
    await page.close();
  });

  it('imports a rich paste without inserting it into the page', async () => {
    const { page, ran } = await openApp();
    await page.getByRole('button', { name: 'Paste as article' }).click();
    const target = page.getByRole('textbox', { name: 'Paste the article here' });
    await target.waitFor();
    await target.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/html', '<h1>Pasted in Chromium</h1><p>A <b>bold</b> claim <img src=x onerror="alert(\'pasted\')">about ferries.</p>');
      data.setData('text/plain', 'Pasted in Chromium\n\nA bold claim about ferries.');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await articleHeading(page, 'Pasted in Chromium').waitFor();
    await expect.poll(() => page.getByRole('document', { name: /^Article text/ }).textContent()).toContain('A bold claim [Image]about ferries.');
    expect(ran).toEqual([]);
    await page.close();
  });

  it('imports a file dropped on the window', async () => {
    const { page } = await openApp();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped notes\n\nThe tunnel reopens on Monday after repairs.'], 'dropped-notes.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await articleHeading(page, 'Dropped notes').waitFor();
    await page.close();
  });

  it('runs nothing from a page holding every hostile payload', async () => {
    const { page, ran, requests } = await openApp();
    await page.getByRole('textbox', { name: 'Web address of the article' }).fill(`${server.url}/hostile`);
    await page.getByRole('button', { name: 'Import from URL' }).click();
    await articleHeading(page, 'Report on every hostile payload').waitFor();
    const text = page.getByRole('document', { name: /^Article text/ });
    await expect.poll(() => text.textContent()).toContain('Paragraph 1 of the report');
    // A handler could only fire on a load or error of something the article asked for: wait until every request has ended.
    await requests.quiet();
    expect(ran).toEqual([]);
    expect(await text.locator('script, iframe, object, embed, form, svg, math, img, style, [onerror], [onclick], [onload]').count()).toBe(0);
    expect(await text.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')).filter((h) => !/^(https?:|mailto:)/.test(h ?? '')))).toEqual([]);
    await page.close();
  });
});
