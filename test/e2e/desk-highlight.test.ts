/** Desk E2E, issue items 1–2: claiming selections (button, context menu, keys) and overlapping highlights. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { highlightTexts, selectArticleText } from './support/article';
import { chromiumOrExplain, launchChromium } from './support/chromium';
import { claimRows, claimText, openDesk, selectedRow, waitSaved } from './support/desk';
import { startWebHost, type WebHost } from './support/web-host';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: highlighting claims', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium(chromiumPath!);
  });
  beforeEach(async () => {
    host = await startWebHost();
    page = await openDesk(browser, host);
  });
  afterEach(async () => {
    await page.context().close();
    await host.stop();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('claims a selection from the toolbar button, trimmed of surrounding whitespace, in its status colour', async () => {
    await selectArticleText(page, ' no progress has been made');
    await page.getByRole('button', { name: 'Claim selection' }).click();
    await expect.poll(() => claimRows(page).count()).toBe(1);
    expect(Object.values(await highlightTexts(page))).toEqual(['no progress has been made']);
    const highlight = page.locator('.fm-article-text [data-claim-id]');
    expect(await highlight.getAttribute('class')).toContain('fm-hl-unverified');
    const unverified = await highlight.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.keyboard.press('5');
    await expect.poll(() => highlight.getAttribute('class')).toContain('fm-hl-false');
    expect(await highlight.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(unverified);
    await waitSaved(page);
  });

  it('claims a selection from the article’s context menu', async () => {
    await selectArticleText(page, 'halt firing');
    const box = await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(box.x, box.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Article actions' });
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: 'Claim selection' }).click();
    await expect.poll(() => claimRows(page).count()).toBe(1);
    expect(Object.values(await highlightTexts(page))).toEqual(['halt firing']);
    expect(await page.getByRole('menu').count()).toBe(0);

    // On a highlight, the menu offers that claim too; the keyboard works the menu.
    await page.mouse.click(box.x, box.y, { button: 'right' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem', { name: 'Claim selection' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Delete claim');
    await page.keyboard.press('Enter');
    await expect.poll(() => claimRows(page).count()).toBe(0);
  });

  it('claims with the C key and with Ctrl+Shift+K', async () => {
    await claimText(page, 'face-to-face talks');
    await selectArticleText(page, 'Antalya on Thursday');
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => claimRows(page).count()).toBe(2);
    expect(Object.values(await highlightTexts(page)).sort()).toEqual(['Antalya on Thursday', 'face-to-face talks']);
  });

  it('claims a selection across paragraphs', async () => {
    await claimText(page, 'news conferences suggest', 'Russian Foreign Minister');
    const texts = Object.values(await highlightTexts(page));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^news conferences suggest no progress has been made\.Russian Foreign Minister$/);
    expect(await page.locator('.fm-article-text p [data-claim-id]').count()).toBe(2);
  });

  it('does nothing with an empty selection', async () => {
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Claim selection' }).click();
    await expect.poll(() => page.locator('.fm-notice').textContent()).toBe('Select some text in the article first.');
    expect(await claimRows(page).count()).toBe(0);
    expect(await page.locator('.fm-article-text [data-claim-id]').count()).toBe(0);
  });

  it('shows overlapping and nested claims and offers each one where they overlap, innermost first', async () => {
    await claimText(page, 'met at a forum in the Turkish resort city of Antalya on Thursday');
    await page.keyboard.press('4');
    await claimText(page, 'Turkish resort city');
    await page.keyboard.press('3');
    await claimText(page, 'city of Antalya on Thursday, as part');
    await waitSaved(page);
    const ids = await page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('.fm-article-text [data-claim-id]')].map((e) => e.dataset.claimId))]);
    expect(ids).toHaveLength(3);

    // "city" lies inside all three claims: darker where they overlap, three nested spans.
    const depth = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.fm-article-text')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent === 'city') {
          let d = 0;
          for (let el = n.parentElement; el && !el.classList.contains('fm-article-text'); el = el.parentElement) if (el.dataset.claimId) d++;
          return d;
        }
      }
      return -1;
    });
    expect(depth).toBe(3);

    await page.locator('.fm-article-text [data-claim-id]', { hasText: /^city$/ }).first().click();
    const menu = page.getByRole('menu', { name: 'Claims here, innermost first' });
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('Turkish resort city');
    expect(items[2]).toContain('met at a forum');
    await menu.getByRole('menuitem').nth(2).click();
    await expect.poll(() => selectedRow(page).textContent()).toContain('met at a forum');
    await expect.poll(() => page.locator('.fm-hl-selected').first().getAttribute('data-status')).toBe('Disputed');
  });
});
