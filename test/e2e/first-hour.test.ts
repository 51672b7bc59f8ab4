/**
 * Issue 16's smaller desk items (15) and issue 15's URL-less evidence, in Chromium on the browser
 * host: quotation marks on list cards, Ctrl+E / Ctrl+O, deleting an article (with undo), and
 * evidence without a link entered in the editor and published in the exported report.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, claimText, hostCall, openDesk, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe.skipIf(!chromiumPath)('the first hour: small desk items', () => {
  const env = useHostAndBrowser(chromiumPath);
  let page: Page;
  let articleId: string;

  beforeAll(async () => {
    const article = await hostCall(env.host, 'library.create', {
      meta: { title: 'Minister on the talks' },
      doc: { type: 'doc', content: [paragraph('“We have made no progress,” the minister said on Monday.'), paragraph('Unemployment fell to 4.1 per cent in March.')] },
    });
    articleId = article.id;
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: '“We have made no progress,”' }, claimant: 'The minister' });
    page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Minister on the talks/ }).click();
    await page.getByRole('document', { name: /Article text: Minister on the talks/ }).waitFor();
  });

  it('shows each quote in one pair of quotation marks on the list cards', async () => {
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await claimText(page, 'Unemployment fell to 4.1 per cent');
    const quotes = await page.locator('.fm-claim-row .fm-claim-quote').allTextContents();
    expect(quotes).toEqual(['“We have made no progress,”', '“Unemployment fell to 4.1 per cent”']);
    expect(quotes.join('')).not.toContain('““');
  });

  it('adds evidence without a URL (title, date, citation) and publishes it in the exported report', async () => {
    await claimRows(page).nth(1).click();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: 'Edit claim' }).or(page.getByRole('region', { name: 'Edit claim' }));
    const form = editor.getByRole('form', { name: 'Add evidence' });
    await form.getByRole('textbox', { name: 'New evidence note' }).fill('Only a note');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Give a URL, a title or a citation, so readers can find the source.');

    await form.getByRole('textbox', { name: 'New evidence title' }).fill('Interview with the ONS press office');
    await form.getByRole('textbox', { name: 'New evidence date' }).fill('2026-03-02');
    await form.getByRole('textbox', { name: 'New evidence citation' }).fill('Phone interview by the author, 2 March 2026');
    await form.getByRole('combobox', { name: 'New evidence stance' }).selectOption('refutes');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => editor.getByRole('heading', { name: 'Evidence (1)' }).count()).toBe(1);
    await editor.getByRole('combobox', { name: 'Status' }).selectOption('false');
    await waitSaved(page);
    const claim = (await hostCall(env.host, 'claims.list', { articleId })).find((c) => c.target.quote.exact.startsWith('Unemployment'))!;
    expect(claim.evidence).toMatchObject([{ url: '', title: 'Interview with the ONS press office', date: '2026-03-02', citation: 'Phone interview by the author, 2 March 2026', stance: 'refutes' }]);
    // The row is editable too, and needs no link.
    expect(await editor.getByRole('textbox', { name: 'Evidence 1 citation' }).inputValue()).toBe('Phone interview by the author, 2 March 2026');
    expect(await editor.getByRole('button', { name: 'Open link of evidence 1' }).count()).toBe(0);
    await editor.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('html');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('Interview with the ONS press office');
    expect(html).toContain('Phone interview by the author, 2 March 2026');
    expect(html).not.toContain('no source recorded');
  });

  it('exports with Ctrl+E and imports with Ctrl+O in the browser host, also from a text field', async () => {
    // Waiting for the chooser turns on Playwright's file-chooser interception, which Playwright
    // sends without waiting for Chromium to apply it: start waiting now, well before Ctrl+O, or a
    // key press that overtakes it opens no interceptable chooser (CI saw this once under load).
    const chooser = page.waitForEvent('filechooser', { timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Filter claims by text' }).focus();
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByRole('listbox', { name: 'Claims in document order' }).focus();
    await page.keyboard.press('Control+o');
    expect(await (await chooser).element().getAttribute('aria-label')).toBe('Article file to import');
  });

  it('deletes an article after asking, and Undo brings it back with its claims', async () => {
    const library = page.getByRole('navigation', { name: 'Library' });
    await page.getByRole('button', { name: 'Delete article…' }).click();
    const ask = page.getByRole('dialog', { name: 'Delete article' });
    expect(await ask.textContent()).toContain('Delete “Minister on the talks” and its 2 claims');
    await ask.getByRole('button', { name: 'Keep it' }).click();
    expect((await hostCall(env.host, 'library.list', {})).map((a) => a.id)).toContain(articleId);

    await page.getByRole('button', { name: 'Delete article…' }).click();
    await ask.getByRole('button', { name: 'Delete article', exact: true }).click();
    await expect.poll(() => library.getByRole('button', { name: /Minister on the talks/ }).count()).toBe(0);
    expect((await hostCall(env.host, 'library.list', {})).map((a) => a.id)).not.toContain(articleId);
    // Another article is open instead.
    await expect.poll(() => page.getByRole('document', { name: /^Article text/ }).getAttribute('aria-label')).not.toContain('Minister on the talks');

    await page.getByRole('button', { name: 'Undo delete' }).click();
    await page.getByRole('document', { name: /Article text: Minister on the talks/ }).waitFor();
    expect((await hostCall(env.host, 'claims.list', { articleId })).length).toBe(2);
    expect(await library.getByRole('button', { name: /Minister on the talks/ }).count()).toBe(1);
  });
});
