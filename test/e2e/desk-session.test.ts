/**
 * Desk E2E, issue 16 items 6, 7 and 12: no duplicate claims (creating clears the selection; the
 * exact range of a claim selects it), each article's undo history kept across switches, and the
 * last article reopened at its place after a reload, each article at its own scroll position.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectArticleText } from './support/article';
import { chromiumOrExplain } from './support/chromium';
import { articleText, claimRows, claimText, hostCall, openDesk, sampleArticleId, selectedRow, waitSaved } from './support/desk';
import { useHostAndBrowser } from './support/suite';

const chromiumPath = chromiumOrExplain();

const LONG_TEXT = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the council report says the budget grew by ${i + 3} percent.`).join('\n\n');

describe.skipIf(!chromiumPath)('desk: a working session', () => {
  const env = useHostAndBrowser(chromiumPath);
  let page: Page;
  let sampleId: string;
  let longId: string;

  beforeAll(async () => {
    sampleId = await sampleArticleId(env.host);
    longId = (await hostCall(env.host, 'import.paste', { text: LONG_TEXT, title: 'Council budget report' })).article.id;
    page = await openDesk(env.browser, env.host);
  });

  const library = () => page.getByRole('navigation', { name: 'Library' });
  const open = async (title: RegExp) => {
    await library().getByRole('button', { name: title }).click();
    await expect.poll(() => articleText(page).getAttribute('aria-label')).toMatch(title);
  };
  const scrollTop = () => page.locator('main.fm-main').evaluate((el) => el.scrollTop);

  it('makes one claim when C is pressed twice, clears the text selection, and selects the claim already on a range', async () => {
    await open(/Antalya|Russia|foreign ministers/i);
    await claimText(page, 'no progress has been made');
    expect(await page.evaluate(() => window.getSelection()?.isCollapsed ?? true)).toBe(true);
    await page.keyboard.press('c');
    await selectArticleText(page, 'Sergei Lavrov');
    await page.keyboard.press('c');
    await expect.poll(() => claimRows(page).count()).toBe(2);
    await page.keyboard.press('Escape');
    await selectArticleText(page, 'no progress has been made');
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('.fm-notice').textContent()).toBe('That text is already a claim: it is selected.');
    expect(await claimRows(page).count()).toBe(2);
    await expect.poll(() => selectedRow(page).textContent()).toContain('no progress has been made');
    await waitSaved(page);
    expect(await hostCall(env.host, 'claims.list', { articleId: sampleId })).toHaveLength(2);
  });

  it('keeps each article’s undo history when switching articles and back', async () => {
    await open(/Council budget report/);
    await claimText(page, 'Paragraph 2 of the council report');
    await open(/Antalya|Russia|foreign ministers/i);
    await page.keyboard.press('Control+z'); // the second claim made here (Sergei Lavrov)
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await open(/Council budget report/);
    expect(await claimRows(page).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => claimRows(page).count()).toBe(0);
    await waitSaved(page);
    expect(await hostCall(env.host, 'claims.list', { articleId: longId })).toEqual([]);
    expect(await hostCall(env.host, 'claims.list', { articleId: sampleId })).toHaveLength(1);
  });

  it('opens each article at its own place, a new one at its headline, and reopens the last article there after a reload', async () => {
    await open(/Council budget report/);
    await page.locator('main.fm-main').evaluate((el) => (el.scrollTop = 1500));
    await expect.poll(scrollTop).toBe(1500);
    await expect.poll(() => page.evaluate((id) => localStorage.getItem(`factmark.scroll.${id}`), longId)).toBe('1500');
    await open(/Antalya|Russia|foreign ministers/i);
    expect(await scrollTop()).toBe(0);
    await open(/Council budget report/);
    await expect.poll(scrollTop).toBe(1500);
    await page.reload();
    await expect.poll(() => articleText(page).getAttribute('aria-label')).toMatch(/Council budget report/);
    await expect.poll(scrollTop).toBe(1500);
  });
});
