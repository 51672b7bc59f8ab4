/** The spine end to end: the browser host in a real Chromium opens the sample, claims text, and keeps it. */
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { selectArticleText } from './support/article';

const chromiumPath = chromiumOrExplain();
const QUOTE = 'no progress has been made';

describe.skipIf(!chromiumPath)('browser host end to end', () => {
  const env = useHostAndBrowser(chromiumPath);

  it('opens the sample article with its title and text', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.host.openUrl);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Lavrov and Kuleba meet in Antalya/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('document', { name: /^Article text/ }).textContent()).toContain('The foreign ministers of Russia and Ukraine');
    // One article in the library (the import controls are buttons there too).
    expect(await page.getByRole('navigation', { name: 'Library' }).locator('.fm-library-item').count()).toBe(1);
    await page.close();
  });

  it('claims selected text, highlights it, and keeps it after a reload and in a second context', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.host.openUrl);
    await page.getByRole('document', { name: /^Article text/ }).waitFor();
    await selectArticleText(page, QUOTE);
    await page.getByRole('button', { name: 'Claim selection' }).click();
    const highlight = page.locator('.fm-article-text [data-claim-id]');
    await expect.poll(() => highlight.count()).toBe(1);
    expect(await highlight.textContent()).toBe(QUOTE);
    expect(await page.getByRole('listbox', { name: 'Claims in document order' }).getByRole('option').count()).toBe(1);

    await page.reload();
    await page.getByRole('document', { name: /^Article text/ }).waitFor();
    await expect.poll(() => page.locator('.fm-article-text [data-claim-id]').textContent()).toBe(QUOTE);

    const second = await env.browser.newContext();
    const other = await second.newPage();
    await other.goto(env.host.openUrl);
    await other.getByRole('document', { name: /^Article text/ }).waitFor();
    await expect.poll(() => other.locator('.fm-article-text [data-claim-id]').textContent()).toBe(QUOTE);
    await second.close();
    await page.close();
  });

  it('refuses API calls without the token', async () => {
    const response = await fetch(`${env.host.origin}/api/library.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });
});
