/** Desk E2E, issue item 5: the whole workflow without a mouse, and the shortcut overlay. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts } from './support/article';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { articleText, claimRows, hostCall, openDesk, sampleArticleId, selectedRow, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: keyboard workflow', () => {
  const env = useHostAndBrowser(chromiumPath);
  let page: Page;

  beforeAll(async () => {
    page = await openDesk(env.browser, env.host);
  });

  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 40) ?? '');

  it('tabs into the article, selects words with Shift and the arrows, claims them with C and sets the status with a number', async () => {
    for (let i = 0; i < 30 && !(await focused()).startsWith('Article text'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Article text/);
    // The text starts with the sample's headline: its first two words become the first claim.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('c');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    expect(Object.values(await highlightTexts(page))).toEqual(['Lavrov and']);
    // The new claim's editor has the focus on its status; a number sets it, Esc goes back to the text.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('5');
    await expect.poll(() => page.locator('.fm-article-text [data-claim-id]').getAttribute('data-status')).toBe('False');
    await waitSaved(page);
    const [stored] = await hostCall(env.host, 'claims.list', { articleId: await sampleArticleId(env.host) });
    expect(stored).toMatchObject({ status: 'false', target: { quote: { exact: 'Lavrov and' } } });
    await page.keyboard.press('Escape');
    expect(await focused()).toMatch(/^Article text/);

    // The caret is after the claim: select the next word and claim it too.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => claimRows(page).count()).toBe(2);
    expect(Object.values(await highlightTexts(page)).sort()).toEqual(['Kuleba', 'Lavrov and']);
  });

  it('never changes the article text when keys are typed into it', async () => {
    const before = await articleText(page).textContent();
    // The first Esc takes the focus from the new claim's editor back to the text, the second clears
    // the selection: with no claim selected, Backspace and Delete have nothing to delete.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    for (const key of ['x', 'Backspace', 'Delete', 'Enter', 'Space']) await page.keyboard.press(key);
    await page.keyboard.type('typed words');
    expect(await articleText(page).textContent()).toBe(before);
    expect(await claimRows(page).count()).toBe(2);
  });

  it('moves between claims with j/k and Alt+arrows, edits with Enter, and returns focus on Escape', async () => {
    await page.keyboard.press('j');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Lavrov and');
    await page.keyboard.press('j');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Kuleba');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Lavrov and');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('k');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Lavrov and');

    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: 'Edit claim' });
    await editor.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    // Keys in the editor belong to it: a digit does not change the status here.
    await page.keyboard.press('Tab');
    await page.keyboard.type('Foreign ministry');
    await page.keyboard.press('Escape');
    // Esc gives the focus back to the article; the editor stays beside it while the claim is selected.
    await expect.poll(focused).toMatch(/^Article text/);
    expect(await editor.count()).toBe(1);
    await waitSaved(page);
    expect(await selectedRow(page).textContent()).toContain('Foreign ministry');

    // The claims list takes arrow keys too.
    await page.getByRole('listbox', { name: 'Claims in document order' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Kuleba');
    await page.keyboard.press('2');
    await expect.poll(() => selectedRow(page).textContent()).toContain('In review');
  });

  it('deletes the selected claim with Delete and selects the next one', async () => {
    await page.keyboard.press('k');
    await expect.poll(() => selectedRow(page).textContent()).toContain('Lavrov and');
    await page.keyboard.press('Delete');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await expect.poll(() => selectedRow(page).textContent()).toContain('Kuleba');
    await page.keyboard.press('Backspace');
    await expect.poll(() => claimRows(page).count()).toBe(0);
    await waitSaved(page);
    expect(await hostCall(env.host, 'claims.list', { articleId: await sampleArticleId(env.host) })).toEqual([]);
  });

  it('lists the shortcuts in a dialog opened with ? and closed with Escape', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = await help.textContent();
    for (const expected of ['Claim the selected article text', 'Next claim', 'Set status: False', 'Undo', 'Redo', 'Edit the selected claim']) expect(text).toContain(expected);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });
});
