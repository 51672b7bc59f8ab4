/** Claim suggestions E2E (issue 13): underline toggle, the Suggestions tab, accept with claimant, dismiss remembered across a reload. */
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, claimText, hostCall, openDesk, sampleArticleId, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: claim suggestions', () => {
  const env = useHostAndBrowser(chromiumPath);

  it('underlines suggestions, accepts one as a claim with its claimant, pre-fills a hand-made claim, and remembers a dismissal', async () => {
    const page = await openDesk(env.browser, env.host);
    const toggle = page.getByRole('button', { name: 'Suggestions', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.fm-suggestion').count()).toBe(0);

    // The S key toggles the faint underline.
    await page.locator('body').press('s');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.fm-suggestion').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.locator('.fm-suggestion').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');

    // The Suggestions tab lists them; accept one with its button.
    await page.getByRole('tab', { name: /^Suggestions/ }).click();
    const list = page.getByRole('listbox', { name: 'Suggested claims' });
    const putin = list.getByRole('option').filter({ hasText: 'On February 24, Russian President Vladimir Putin' });
    await expect.poll(() => putin.textContent(), { timeout: 30_000 }).toContain('Vladimir Putin');
    const before = await list.getByRole('option').count();
    await putin.getByRole('button', { name: /^Accept suggestion/ }).click();
    await expect.poll(() => list.getByRole('option').count()).toBe(before - 1);

    // Dismiss another one.
    const tripartite = list.getByRole('option').filter({ hasText: 'The tripartite meeting came as' });
    await tripartite.getByRole('button', { name: /^Dismiss suggestion/ }).click();
    await expect.poll(() => tripartite.count()).toBe(0);

    // The accepted claim is in the claims tab with its claimant pre-filled.
    await page.getByRole('tab', { name: 'Claims' }).click();
    await expect.poll(() => claimRows(page).filter({ hasText: 'On February 24' }).textContent()).toContain('Vladimir Putin');

    // A claim made by hand gets the suggested claimant, with its cue shown in the editor.
    await claimText(page, 'Kiev appeared to want meetings for the sake of meetings');
    await expect.poll(() => claimRows(page).filter({ hasText: 'Kiev appeared to want meetings' }).textContent(), { timeout: 30_000 }).toContain('Sergei Lavrov');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: 'Edit claim' });
    await expect.poll(() => editor.getByLabel('Claimant').inputValue()).toBe('Sergei Lavrov');
    expect(await editor.getByText(/Suggested claimant “Sergei Lavrov”, from “He” \(said\)/).count()).toBe(1);
    await page.keyboard.press('Escape');
    await waitSaved(page);

    const articleId = await sampleArticleId(env.host);
    const claims = await hostCall(env.host, 'claims.list', { articleId });
    expect(claims.map((c) => c.claimant).sort()).toEqual(['Sergei Lavrov', 'Vladimir Putin']);

    // After a reload the dismissed and the accepted suggestions stay out of the list.
    await page.reload();
    await page.getByRole('tab', { name: /^Suggestions/ }).click();
    await expect.poll(() => page.getByRole('listbox', { name: 'Suggested claims' }).getByRole('option').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const texts = await page.getByRole('listbox', { name: 'Suggested claims' }).getByRole('option').allTextContents();
    expect(texts.some((t) => t.includes('The tripartite meeting came as'))).toBe(false);
    expect(texts.some((t) => t.includes('On February 24'))).toBe(false);

    // The A key accepts the selected suggestion.
    const count = texts.length;
    await page.getByRole('listbox', { name: 'Suggested claims' }).focus();
    await page.keyboard.press('a');
    await expect.poll(() => page.getByRole('listbox', { name: 'Suggested claims' }).getByRole('option').count()).toBe(count - 1);
    await waitSaved(page);
    expect((await hostCall(env.host, 'claims.list', { articleId })).length).toBe(3);
    await page.screenshot({ path: '/tmp/suggest-e2e.png' });
    await page.context().close();
  });
});
