/** Desk E2E, issue item 4: the claim editor, preferences (reviewer) and the article details form. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, claimText, hostCall, openDesk, sampleArticleId, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: claim editor and forms', () => {
  const env = useHostAndBrowser(chromiumPath);
  let page: Page;
  let articleId: string;

  beforeAll(async () => {
    articleId = await sampleArticleId(env.host);
    // A claimant used in another article, to be suggested here.
    const other = await hostCall(env.host, 'library.create', {
      meta: { title: 'Another article' },
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sergei Lavrov said the talks went well.' }] }] },
    });
    await hostCall(env.host, 'claims.create', { articleId: other.id, range: { quote: 'the talks went well' }, claimant: 'Sergei Lavrov' });
    page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Lavrov and Kuleba/ }).click();
    await page.getByRole('document', { name: /Article text: Lavrov and Kuleba/ }).waitFor();
  });

  const editor = () => page.getByRole('region', { name: 'Edit claim' });
  const stored = async () => (await hostCall(env.host, 'claims.list', { articleId }))[0];

  it('edits status, claimant (with suggestions) and note, saving each change', async () => {
    await claimText(page, 'no progress has been made');
    await page.keyboard.press('Enter');
    await editor().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toContain('Status');

    await editor().getByRole('combobox', { name: 'Status' }).selectOption('false');
    await expect.poll(() => page.locator('.fm-article-text [data-claim-id]').getAttribute('data-status')).toBe('False');

    const claimant = editor().getByRole('combobox', { name: 'Claimant' });
    // The library's claimants are fetched as the editor opens.
    const suggestions = () => claimant.evaluate((el: HTMLInputElement) => [...(el.list?.options ?? [])].map((o) => o.value));
    await claimant.focus(); // the suggestions are drawn once the field is used
    await expect.poll(suggestions).toContain('Sergei Lavrov');
    await claimant.fill('Dmytro Kuleba');
    await editor().getByRole('textbox', { name: 'Note', exact: true }).click();
    await editor().getByRole('textbox', { name: 'Note', exact: true }).fill('Both sides said so at the press conferences.');
    await claimant.click(); // leaving the note saves it
    await waitSaved(page);
    const claim = await stored();
    expect(claim).toMatchObject({ status: 'false', claimant: 'Dmytro Kuleba', note: 'Both sides said so at the press conferences.' });
    expect(await claimRows(page).first().textContent()).toContain('Dmytro Kuleba');
    expect(await editor().locator('time').count()).toBeGreaterThanOrEqual(3);
    expect(await editor().getByRole('list', { name: 'Status history' }).getByRole('listitem').count()).toBe(2);
  });

  it('adds, edits, opens and removes evidence; only http(s) links are accepted and opened', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { opened: unknown[][] };
      w.opened = [];
      window.open = (...args: unknown[]) => {
        w.opened.push(args);
        return null;
      };
    });
    const form = editor().getByRole('form', { name: 'Add evidence' });
    await form.getByRole('textbox', { name: 'New evidence URL' }).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('http:// or https://');
    expect((await stored()).evidence).toEqual([]);

    await form.getByRole('textbox', { name: 'New evidence URL' }).fill('https://example.org/transcript');
    await form.getByRole('textbox', { name: 'New evidence title' }).fill('Press conference transcript');
    await form.getByRole('combobox', { name: 'New evidence stance' }).selectOption('refutes');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => editor().getByRole('heading', { name: 'Evidence (1)' }).count()).toBe(1);
    await waitSaved(page);
    expect((await stored()).evidence).toMatchObject([{ url: 'https://example.org/transcript', title: 'Press conference transcript', stance: 'refutes' }]);
    expect(await claimRows(page).first().textContent()).toContain('1 evidence item');

    await editor().getByRole('button', { name: 'Open link of evidence 1' }).click();
    expect(await page.evaluate(() => (window as unknown as { opened: unknown[][] }).opened)).toEqual([['https://example.org/transcript', '_blank', 'noopener']]);

    const url = editor().getByRole('textbox', { name: 'Evidence 1 URL' });
    await url.fill('file:///etc/passwd');
    await editor().getByRole('textbox', { name: 'Evidence 1 title' }).click();
    await expect.poll(() => editor().getByRole('alert').first().textContent()).toContain('the old one is kept');
    await editor().getByRole('textbox', { name: 'Evidence 1 title' }).fill('Transcript (official)');
    await editor().getByRole('combobox', { name: 'Evidence 1 stance' }).selectOption('context');
    await waitSaved(page);
    expect((await stored()).evidence).toMatchObject([{ url: 'https://example.org/transcript', title: 'Transcript (official)', stance: 'context' }]);

    await editor().getByRole('button', { name: 'Remove evidence 1' }).click();
    await waitSaved(page);
    expect((await stored()).evidence).toEqual([]);
  });

  it('keeps evidence typed but not added: Done adds it, Esc asks first', async () => {
    await editor().waitFor(); // still open from the test before
    const before = (await stored()).evidence.length;
    await editor().getByRole('textbox', { name: 'New evidence URL' }).fill('https://example.org/typed');
    await editor().getByRole('textbox', { name: 'New evidence title' }).fill('Typed, not added');
    await editor().getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor().count()).toBe(0);
    await waitSaved(page);
    expect((await stored()).evidence.map((e) => e.title)).toContain('Typed, not added');
    expect((await stored()).evidence).toHaveLength(before + 1);

    await claimRows(page).first().click();
    await page.keyboard.press('Enter');
    await editor().getByRole('textbox', { name: 'New evidence note' }).fill('Half typed');
    await page.keyboard.press('Escape');
    const ask = editor().getByRole('alertdialog', { name: 'Evidence not added' });
    await ask.waitFor();
    expect(await editor().count()).toBe(1);
    await ask.getByRole('button', { name: 'Add it', exact: true }).click();
    await expect.poll(() => editor().getByRole('alert').textContent()).toContain('Give a URL, a title or a citation');
    await ask.getByRole('button', { name: 'Discard it', exact: true }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await editor().getByRole('textbox', { name: 'New evidence note' }).inputValue()).toBe('');
    expect((await stored()).evidence).toHaveLength(before + 1);
    await claimRows(page).first().click();
    await page.keyboard.press('Enter'); // the next test starts in the open editor
    await editor().waitFor();
  });

  it('records the reviewer set in Preferences on status changes', async () => {
    await editor().getByRole('button', { name: 'Set your name in Preferences' }).click();
    const prefs = page.getByRole('dialog', { name: 'Preferences' });
    await prefs.getByRole('textbox', { name: 'Your name (reviewer)' }).fill('Rita Reviewer');
    await prefs.getByRole('textbox', { name: 'Organisation', exact: true }).fill('Check Desk');
    await prefs.getByRole('button', { name: 'Save preferences' }).click();
    await expect.poll(() => prefs.count()).toBe(0);
    expect(await hostCall(env.host, 'prefs.get', {})).toMatchObject({ reviewer: 'Rita Reviewer', organisation: 'Check Desk' });

    await claimRows(page).first().click();
    await page.keyboard.press('Enter');
    await editor().getByRole('combobox', { name: 'Status' }).selectOption('verified');
    await waitSaved(page);
    const claim = await stored();
    expect(claim.reviewer).toBe('Rita Reviewer');
    expect(claim.history.at(-1)).toMatchObject({ status: 'verified', reviewer: 'Rita Reviewer' });
    await expect.poll(() => editor().getByRole('list', { name: 'Status history' }).textContent()).toContain('Rita Reviewer');
    // Once the name is set, the editor no longer asks for it, and shows who changed the claim.
    expect(await editor().getByRole('button', { name: 'Set your name in Preferences' }).count()).toBe(0);
    await expect.poll(() => editor().getByRole('region', { name: 'Review record' }).textContent()).toContain('Rita Reviewer');
    await editor().getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor().count()).toBe(0);
  });

  it('edits the article’s details and refuses an empty title or a publication date that is not a date', async () => {
    await page.getByRole('button', { name: 'Article details' }).click();
    const details = page.getByRole('dialog', { name: 'Article details' });
    await details.getByRole('textbox', { name: 'Title' }).fill('  ');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => details.getByRole('alert').textContent()).toContain('title must not be empty');
    await details.getByRole('textbox', { name: 'Title' }).fill('Antalya talks');
    await details.getByRole('textbox', { name: 'Published' }).fill('last Tuesday');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => details.getByRole('alert').textContent()).toContain('“Published” must be a date such as 2024-03-10');
    expect((await hostCall(env.host, 'library.get', { articleId })).article.title).not.toBe('Antalya talks');
    await details.getByRole('textbox', { name: 'Byline' }).fill('Staff reporter');
    await details.getByRole('textbox', { name: 'Publisher' }).fill('Example Times');
    await details.getByRole('textbox', { name: 'URL' }).fill('https://example.org/antalya');
    await details.getByRole('textbox', { name: 'Published' }).fill('2022-03-10');
    await details.getByRole('textbox', { name: 'Language' }).fill('en');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => details.count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Antalya talks' }).count()).toBe(1);
    expect(await page.locator('.fm-article-meta').textContent()).toBe('Staff reporter · Example Times · 2022-03-10');
    const article = (await hostCall(env.host, 'library.get', { articleId })).article;
    expect(article).toMatchObject({ title: 'Antalya talks', byline: 'Staff reporter', publisher: 'Example Times', sourceUrl: 'https://example.org/antalya', language: 'en' });
    expect(await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Antalya talks/ }).count()).toBe(1);
  });
});
