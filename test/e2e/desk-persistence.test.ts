/** Desk E2E, issue item 7: changes save themselves, survive a reload, and two windows never silently overwrite each other. */
import { describe, expect, it } from 'vitest';
import { highlightTexts } from './support/article';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { articleText, claimRows, claimText, highlightStatuses, hostCall, openDesk, sampleArticleId, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: persistence and conflicts', () => {
  const env = useHostAndBrowser(chromiumPath);

  it('saves every change on its own and shows the same highlights on the same text after a reload', async () => {
    const page = await openDesk(env.browser, env.host);
    const status = page.getByRole('status').filter({ hasText: /saved|Saving/ });
    expect(await page.getByRole('button', { name: /save/i }).count()).toBe(0);
    await claimText(page, 'no progress has been made');
    await page.keyboard.press('5');
    await claimText(page, 'Turkish resort city of Antalya');
    await page.keyboard.press('3');
    await claimText(page, 'children’s hospital and maternity ward');
    await page.keyboard.press('6');
    await waitSaved(page);
    expect(await status.textContent()).toBe('All changes saved');
    const texts = await highlightTexts(page);
    const statuses = await highlightStatuses(page);
    expect(Object.values(statuses).sort()).toEqual(['False', 'Misleading', 'Verified']);

    await page.reload();
    await articleText(page).waitFor();
    await expect.poll(() => highlightTexts(page)).toEqual(texts);
    expect(await highlightStatuses(page)).toEqual(statuses);
    await page.context().close();
  });

  it('holds the page while a change is still on its way to the host, and lets it go once saved', async () => {
    // A context of the test's own: closing a page that owns its context skips beforeunload.
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await openDesk(context, env.host);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/claims.create', async (route) => {
      await held;
      await route.continue();
    });
    const quote = 'face-to-face talks';
    await claimText(page, quote);
    await page.getByRole('heading', { level: 2 }).first().click(); // a click: the browser only asks a page the user has used
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss(); // stay on the page
    release();
    await waitSaved(page);
    let askedAgain = false;
    page.on('dialog', (d) => {
      askedAgain = true;
      void d.accept();
    });
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(askedAgain).toBe(false);
    await context.close();
    // Leave the shared sample as the other tests expect it.
    const articleId = await sampleArticleId(env.host);
    const made = (await hostCall(env.host, 'claims.list', { articleId })).find((c) => c.target.quote.exact === quote)!;
    await hostCall(env.host, 'claims.delete', { articleId, claimId: made.id });
  });

  it('detects a conflicting edit from another window, loads the newer version and offers to re-apply the change', async () => {
    const articleId = await sampleArticleId(env.host);
    const first = await openDesk(env.browser, env.host);
    const second = await openDesk(env.browser, env.host); // its own browser context: another window
    await claimText(first, 'secured no promise from Lavrov');
    await waitSaved(first);
    await second.reload();
    await articleText(second).waitFor();
    await expect.poll(() => claimRows(second).count()).toBe(4);

    const row = (page: typeof first) => claimRows(page).filter({ hasText: 'secured no promise from Lavrov' });
    await row(first).click();
    await first.keyboard.press('5');
    await waitSaved(first);

    // The second window still holds the older revision: its change must not overwrite the newer one.
    await row(second).click();
    await second.keyboard.press('3');
    const alert = second.getByRole('alert').filter({ hasText: 'changed in another window' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('status → Verified');
    await expect.poll(() => second.getByRole('status').filter({ hasText: /saved/ }).textContent()).toBe('Not saved');
    await expect.poll(() => row(second).textContent()).toContain('False');
    const stored = (await hostCall(env.host, 'claims.list', { articleId })).find((c) => c.target.quote.exact === 'secured no promise from Lavrov')!;
    expect(stored.status).toBe('false');

    await alert.getByRole('button', { name: 'Apply my change again' }).click();
    await expect.poll(() => row(second).textContent()).toContain('Verified');
    await waitSaved(second);
    expect(await second.getByRole('alert').count()).toBe(0);
    const after = (await hostCall(env.host, 'claims.list', { articleId })).find((c) => c.id === stored.id)!;
    expect(after.status).toBe('verified');
    expect(after.history.map((h) => h.status)).toEqual(['unverified', 'false', 'verified']);

    await first.reload();
    await articleText(first).waitFor();
    await expect.poll(() => row(first).textContent()).toContain('Verified');
    await first.context().close();
    await second.context().close();
  });
});
