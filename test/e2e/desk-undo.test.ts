/** Desk E2E, issue item 6: undo and redo of creating, editing and deleting claims, and that they are saved. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, claimText, hostCall, openDesk, sampleArticleId, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: undo and redo', () => {
  const env = useHostAndBrowser(chromiumPath);
  let page: Page;
  let articleId: string;

  beforeAll(async () => {
    page = await openDesk(env.browser, env.host);
    articleId = await sampleArticleId(env.host);
  });

  const stored = () => hostCall(env.host, 'claims.list', { articleId });
  const status = () => page.locator('.fm-article-text [data-claim-id]').first().getAttribute('data-status');

  it('undoes and redoes creating a claim with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', async () => {
    await claimText(page, 'no progress has been made');
    await page.keyboard.press('Control+z');
    await expect.poll(() => claimRows(page).count()).toBe(0);
    await waitSaved(page);
    expect(await stored()).toEqual([]);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await waitSaved(page);
    expect((await stored()).map((c) => c.target.quote.exact)).toEqual(['no progress has been made']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => claimRows(page).count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await waitSaved(page);
    expect(await stored()).toHaveLength(1);
  });

  it('undoes and redoes status and field edits', async () => {
    await claimRows(page).first().click();
    await page.keyboard.press('5');
    await page.keyboard.press('3');
    await expect.poll(status).toBe('Verified');
    await page.keyboard.press('Control+z');
    await expect.poll(status).toBe('False');
    await page.keyboard.press('Control+z');
    await expect.poll(status).toBe('Unverified');
    await waitSaved(page);
    expect((await stored())[0].status).toBe('unverified');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(status).toBe('False');
    await waitSaved(page);
    expect((await stored())[0].status).toBe('false');
    // The toolbar buttons do the same.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(status).toBe('Unverified');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(status).toBe('False');
  });

  it('deletes without asking and brings the claim back, as it was, on undo', async () => {
    await claimRows(page).first().click();
    const before = (await stored())[0];
    await page.keyboard.press('Delete');
    await expect.poll(() => claimRows(page).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await waitSaved(page);
    expect(await stored()).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await waitSaved(page);
    const [back] = await stored();
    expect(back).toMatchObject({ id: before.id, status: before.status, target: before.target, createdAt: before.createdAt, history: before.history });
    await page.reload();
    await page.getByRole('document', { name: /^Article text/ }).waitFor();
    await expect.poll(() => page.locator('.fm-article-text [data-claim-id]').textContent()).toBe('no progress has been made');
  });
});
