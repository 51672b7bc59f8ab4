/**
 * Issue 16's desk items in Chromium on the browser host: the claim editor in the claims panel
 * beside the article (10), a claimable headline, in imports and the sample (11), the reviewer's name asked once (13), and
 * narrow windows with collapsible panels (14).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { selectArticleText } from './support/article';
import { chromiumOrExplain, launchChromium } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { articleText, claimRows, claimText, hostCall, openDesk, sampleArticleId, selectedRow, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.closest('label')?.querySelector('span')?.textContent ?? document.activeElement?.getAttribute('aria-label') ?? '');

describe.skipIf(!chromiumPath)('the first hour: the desk', () => {
  const env = useHostAndBrowser(chromiumPath);

  it('shows the selected claim’s editor in the claims panel beside the article; after C the focus is on its status', async () => {
    const page = await openDesk(env.browser, env.host);
    const editor = page.getByRole('complementary', { name: 'Claims' }).getByRole('region', { name: 'Edit claim' });
    await claimText(page, 'no progress has been made');
    await editor.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0); // no modal over the text
    expect(await articleText(page).isVisible()).toBe(true);
    await expect.poll(() => focusedLabel(page)).toBe('Status');
    expect(await editor.textContent()).toContain('no progress has been made');

    // A number key on the status control sets that status, as on the desk.
    await page.keyboard.press('3');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Verified');
    // Tab goes on through the editor's fields; Esc gives the focus back to the article.
    await page.keyboard.press('Tab');
    expect(await focusedLabel(page)).toBe('Claimant');
    await page.keyboard.type('Sergei Lavrov');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Article text/);
    await waitSaved(page);
    const articleId = await sampleArticleId(env.host);
    expect((await hostCall(env.host, 'claims.list', { articleId }))[0]).toMatchObject({ status: 'verified', claimant: 'Sergei Lavrov' });

    // Clicking another claim in the list shows its editor; Done closes it and the focus goes to the list.
    await claimText(page, 'information terrorism');
    await claimRows(page).first().click();
    await expect.poll(() => editor.getByRole('combobox', { name: 'Claimant' }).inputValue()).toBe('Sergei Lavrov');
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Claims in document order');
    await page.close();
  });

  it('makes the headline of an imported article claimable like any text, and exports the claim', async () => {
    const page = await openDesk(env.browser, env.host);
    const html = await readFile('test/fixtures/import/news-article.html');
    const { article } = await hostCall(env.host, 'import.file', { fileName: 'news-article.html', dataBase64: html.toString('base64') });
    expect(article.title).toBe('Port expansion approved after late-night vote');
    await page.reload();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Port expansion approved/ }).click();
    await page.getByRole('document', { name: /Article text: Port expansion/ }).waitFor();
    // The headline is the text's first heading (shown once, as the page's h2 under the app's h1).
    expect(await articleText(page).getByRole('heading', { level: 2 }).textContent()).toBe('Port expansion approved after late-night vote');
    expect(await page.locator('.fm-article-title').count()).toBe(0);

    await selectArticleText(page, 'expansion approved');
    await page.keyboard.press('c');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await waitSaved(page);
    const [claim] = await hostCall(env.host, 'claims.list', { articleId: article.id });
    expect(claim.target.quote.exact).toBe('expansion approved');
    expect(claim.target.position).toEqual({ start: 5, end: 23 });
    const exported = await hostCall(env.host, 'export.article', { articleId: article.id, format: 'md' });
    expect('text' in exported ? exported.text : '').toContain('expansion approved');
    // Importing the same page again finds it in the library.
    expect((await hostCall(env.host, 'import.file', { fileName: 'news-article.html', dataBase64: html.toString('base64') })).duplicate).toBe(true);
    await page.close();
  });

  it('starts the sample article with its headline, claimable like any text', async () => {
    const page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Lavrov and Kuleba meet/ }).click();
    await page.getByRole('document', { name: /Article text: Lavrov and Kuleba/ }).waitFor();
    const headline = articleText(page).getByRole('heading', { level: 2 });
    expect(await headline.textContent()).toBe('Lavrov and Kuleba meet in Antalya: no progress on ceasefire');
    await selectArticleText(page, 'no progress on ceasefire');
    await page.keyboard.press('c');
    await waitSaved(page);
    const claims = await hostCall(env.host, 'claims.list', { articleId: await sampleArticleId(env.host) });
    expect(claims.map((c) => c.target.quote.exact)).toContain('no progress on ceasefire');
    await page.close();
  });

  it('asks the reviewer’s name once on first run (skippable), then records it and stops asking', async () => {
    const firstRun = await launchChromium(chromiumPath!, { firstRun: true });
    try {
      const context = await firstRun.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(env.host.openUrl);
      const welcome = page.getByRole('dialog', { name: 'Welcome to Factmark' });
      await welcome.waitFor();
      await welcome.getByRole('button', { name: 'Skip' }).click();
      await expect.poll(() => welcome.count()).toBe(0);
      await page.reload();
      await articleText(page).waitFor();
      expect(await welcome.count()).toBe(0); // asked once only
      await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Lavrov and Kuleba/ }).click();
      await page.getByRole('document', { name: /Article text: Lavrov and Kuleba/ }).waitFor();

      // Claims made before a name was set say so plainly; after it is set, the editor shows it.
      await claimText(page, 'Turkish Foreign Minister');
      const editor = page.getByRole('region', { name: 'Edit claim' });
      const record = editor.getByRole('region', { name: 'Review record' });
      await expect.poll(() => record.textContent()).toContain('not recorded');
      expect(await record.textContent()).not.toContain('—');
      await record.getByRole('button', { name: 'Set your name in Preferences' }).click();
      const prefs = page.getByRole('dialog', { name: 'Preferences' });
      await prefs.getByRole('textbox', { name: 'Your name (reviewer)' }).fill('Nadia Checker');
      await prefs.getByRole('button', { name: 'Save preferences' }).click();
      await expect.poll(() => record.getByRole('button', { name: 'Set your name in Preferences' }).count()).toBe(0);
      const updatedBefore = await record.locator('time').nth(1).getAttribute('datetime');
      await editor.getByRole('combobox', { name: 'Status' }).selectOption('false');
      // Reviewer and Updated follow the change while the editor stays open.
      await expect.poll(() => record.textContent()).toContain('Nadia Checker');
      await expect.poll(() => record.locator('time').nth(1).getAttribute('datetime')).not.toBe(updatedBefore);

      // A new user (fresh browser profile, no name set): asked, and the name typed is saved.
      await hostCall(env.host, 'prefs.set', { reviewer: '' });
      const other = await firstRun.newContext({ viewport: { width: 1280, height: 800 } });
      const second = await other.newPage();
      await second.goto(env.host.openUrl);
      const ask = second.getByRole('dialog', { name: 'Welcome to Factmark' });
      await ask.getByRole('textbox', { name: 'Your name (reviewer)' }).fill('Rui Ferreira');
      await ask.getByRole('button', { name: 'Save name' }).click();
      await expect.poll(() => ask.count()).toBe(0);
      expect((await hostCall(env.host, 'prefs.get', {})).reviewer).toBe('Rui Ferreira');
    } finally {
      await firstRun.close();
    }
  });

  it('fits a 1000×700 window: one-line toolbar, collapsible panels remembered, Done in view, a long claimant leaves the filter room', async () => {
    const articleId = (await hostCall(env.host, 'library.list', {})).find((a) => a.title.startsWith('Lavrov and Kuleba'))!.id;
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: 'Mevlut Cavusoglu' }, claimant: 'Ministry of Foreign Affairs of the Republic of Türkiye and its spokesperson' });
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(env.host.openUrl);
    await articleText(page).waitFor();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Lavrov and Kuleba/ }).click();
    await page.getByRole('document', { name: /Article text: Lavrov and Kuleba/ }).waitFor();

    const toolbar = page.getByRole('toolbar', { name: 'Article tools' });
    const toolbarBox = (await toolbar.boundingBox())!;
    expect(toolbarBox.height).toBeLessThan(50);
    for (const button of await toolbar.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.height, await button.textContent() ?? '').toBeLessThan(36); // one line of text
      expect(box.x + box.width).toBeLessThanOrEqual(1000);
    }
    expect((await page.getByRole('searchbox', { name: 'Filter claims by text' }).boundingBox())!.width).toBeGreaterThan(140);

    const articleWidth = async () => (await articleText(page).boundingBox())!.width;
    const before = await articleWidth();
    await page.getByRole('button', { name: 'Hide the library' }).click();
    await page.getByRole('button', { name: 'Hide the claims panel' }).click();
    await expect.poll(articleWidth).toBeGreaterThan(before + 200);
    await page.reload();
    await articleText(page).waitFor();
    expect(await page.getByRole('button', { name: 'Show the library' }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: 'Show the claims panel' }).click();
    await page.getByRole('button', { name: 'Show the library' }).click();
    expect(await page.getByRole('button', { name: 'Hide the library' }).count()).toBe(1);

    await claimRows(page).first().click();
    await page.keyboard.press('Enter');
    const done = page.getByRole('region', { name: 'Edit claim' }).getByRole('button', { name: 'Done' });
    await done.waitFor();
    const doneBox = (await done.boundingBox())!;
    expect(doneBox.y + doneBox.height).toBeLessThanOrEqual(700);
    await context.close();
  });
});
