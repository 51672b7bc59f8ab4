/** Desk E2E, issue item 3: the claims panel (order, counts, filters, selection both ways, virtual list, orphans). */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paragraphsDoc } from '../../src-main/services/import/doc-json';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, hostCall, openDesk, selectedRow } from './support/desk';
import { answerRead, recordAnswersRead } from './support/settle';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: claims panel', () => {
  const env = useHostAndBrowser(chromiumPath);

  /** Add an article and open it in a fresh page. */
  async function openArticle(title: string, texts: string[]): Promise<{ page: Page; articleId: string }> {
    const article = await hostCall(env.host, 'library.create', { meta: { title }, doc: paragraphsDoc(texts) });
    const page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.getByRole('document', { name: `Article text: ${title}` }).waitFor();
    return { page, articleId: article.id };
  }

  it('lists claims in document order with status, claimant, quote and evidence, counts them, and filters them', async () => {
    const texts = ['The mayor said the bridge cost 40 million euros.', 'The council said it cost 55 million euros.', 'An auditor found the real figure was 61 million euros.'];
    const article = await hostCall(env.host, 'library.create', { meta: { title: 'Bridge costs' }, doc: paragraphsDoc(texts) });
    const evidence = [{ id: 'e1', url: 'https://audit.example/report', title: 'Audit report', note: '', stance: 'refutes' as const }];
    await hostCall(env.host, 'claims.create', { articleId: article.id, range: { quote: 'real figure was 61 million euros' }, claimant: 'Auditor', status: 'verified' });
    await hostCall(env.host, 'claims.create', { articleId: article.id, range: { quote: 'the bridge cost 40 million euros' }, claimant: 'The mayor', status: 'false', evidence });
    await hostCall(env.host, 'claims.create', { articleId: article.id, range: { quote: 'it cost 55 million euros' }, claimant: 'Council', status: 'false' });
    await hostCall(env.host, 'claims.create', { articleId: article.id, range: { quote: 'The mayor said' } });

    const page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Bridge costs/ }).click();
    await page.getByRole('document', { name: 'Article text: Bridge costs' }).waitFor();
    await expect.poll(() => claimRows(page).count()).toBe(4);
    const rows = await claimRows(page).allTextContents();
    expect(rows[0]).toMatch(/Unverified.*No claimant.*The mayor said.*No evidence/);
    expect(rows[1]).toMatch(/False.*The mayor.*the bridge cost 40 million euros.*1 evidence item/);
    expect(rows[2]).toMatch(/False.*Council/);
    expect(rows[3]).toMatch(/Verified.*Auditor/);

    const counts = page.getByRole('group', { name: 'Show claims by status' });
    expect(await counts.getByRole('button', { name: 'False: 2', exact: true }).count()).toBe(1);
    expect(await counts.getByRole('button', { name: 'Misleading: 0', exact: true }).count()).toBe(1);

    await counts.getByRole('button', { name: 'False: 2', exact: true }).click();
    await expect.poll(() => claimRows(page).count()).toBe(2);
    expect(await counts.getByRole('button', { name: 'False: 2', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await counts.getByRole('button', { name: 'Verified: 1', exact: true }).click();
    await expect.poll(() => claimRows(page).count()).toBe(3);
    expect(await page.getByText('Showing 3 of 4').count()).toBe(1);
    await counts.getByRole('button', { name: 'False: 2', exact: true }).click();
    await counts.getByRole('button', { name: 'Verified: 1', exact: true }).click();
    await expect.poll(() => claimRows(page).count()).toBe(4);

    await page.getByRole('combobox', { name: 'Claimant' }).selectOption('Council');
    await expect.poll(() => claimRows(page).allTextContents()).toEqual([expect.stringContaining('Council')]);
    await page.getByRole('combobox', { name: 'Claimant' }).selectOption('');

    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter claims by text');
    await page.keyboard.type('audit report');
    await expect.poll(() => claimRows(page).allTextContents()).toEqual([expect.stringContaining('The mayor')]);
    await page.keyboard.press('Escape');
    await expect.poll(() => claimRows(page).count()).toBe(4);
    await page.context().close();
  });

  it('scrolls the article to a claim selected in the panel, and selects a clicked highlight in the panel', async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} says something long enough to take a line or two of the article column, again and again.`);
    texts[2] = 'Near the top, the minister said unemployment fell.';
    texts[115] = 'Near the end, the report said unemployment rose.';
    const { page, articleId } = await openArticle('Long read', texts);
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: 'the minister said unemployment fell' } });
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: 'the report said unemployment rose' } });
    await page.reload();
    await page.getByRole('document', { name: 'Article text: Long read' }).waitFor();
    await expect.poll(() => claimRows(page).count()).toBe(2);
    const main = page.getByRole('main', { name: 'Article' });
    expect(await main.evaluate((el) => el.scrollTop)).toBe(0);

    await claimRows(page).nth(1).click();
    await expect.poll(() => main.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    const far = page.locator('.fm-article-text [data-claim-id]', { hasText: 'the report said unemployment rose' });
    await expect.poll(() => far.getAttribute('class')).toContain('fm-hl-selected');
    const inView = await far.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.fm-main')!.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    expect(inView).toBe(true);

    await main.evaluate((el) => el.scrollTo(0, 0));
    await page.locator('.fm-article-text [data-claim-id]', { hasText: 'the minister said unemployment fell' }).click();
    await expect.poll(() => selectedRow(page).textContent()).toContain('the minister said unemployment fell');
    await page.context().close();
  });

  it('keeps a long list virtual: few rows in the DOM, every claim reachable, the claims past the first 200 fetched after opening', async () => {
    const texts = Array.from({ length: 60 }, (_, i) => `Sentence ${i} alpha beta gamma delta epsilon zeta eta theta iota kappa.`);
    const { page, articleId } = await openArticle('Many claims', texts);
    // Each word pair occurs once per sentence, so occurrence i + 1 lies in sentence i.
    for (let i = 0; i < 60; i++) {
      for (const quote of ['alpha beta', 'gamma delta', 'epsilon zeta', 'eta theta', 'iota kappa']) {
        await hostCall(env.host, 'claims.create', { articleId, range: { quote, occurrence: i + 1 } });
      }
    }
    await page.reload();
    await page.getByRole('document', { name: 'Article text: Many claims' }).waitFor();
    await expect.poll(() => claimRows(page).first().getAttribute('aria-setsize')).toBe('300');
    expect(await claimRows(page).count()).toBeLessThan(40);
    const counts = page.getByRole('group', { name: 'Show claims by status' });
    await expect.poll(() => counts.getByRole('button', { name: 'Unverified: 300', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Claims (300)' }).count()).toBe(1);
    await page.locator('[data-highlights="complete"]').waitFor();
    const drawn = await page.evaluate(() => new Set([...document.querySelectorAll('.fm-article-text [data-claim-id]')].map((el) => el.getAttribute('data-claim-id'))).size);
    expect(drawn).toBe(300);
    const list = page.getByRole('listbox', { name: 'Claims in document order' });
    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => selectedRow(page).getAttribute('aria-posinset')).toBe('300');
    expect(await list.getAttribute('aria-activedescendant')).toBe(await selectedRow(page).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectedRow(page).getAttribute('aria-posinset')).toBe('299');
    await page.context().close();
  });

  it('keeps a change made while the claims after the first 200 are still on their way', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `Line ${i} alpha beta gamma delta epsilon zeta eta theta iota kappa.`);
    const article = await hostCall(env.host, 'library.create', { meta: { title: 'Claims on their way' }, doc: paragraphsDoc(texts) });
    for (let i = 0; i < 50; i++) {
      for (const quote of ['alpha beta', 'gamma delta', 'epsilon zeta', 'eta theta', 'iota kappa']) {
        await hostCall(env.host, 'claims.create', { articleId: article.id, range: { quote, occurrence: i + 1 } });
      }
    }
    // The newest article opens first, so this one opens on the click below.
    await hostCall(env.host, 'library.create', { meta: { title: 'Opened first' }, doc: paragraphsDoc(['Nothing to see.']) });
    const page = await openDesk(env.browser, env.host);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/claims.list', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Claims on their way/ }).click();
    await page.getByRole('heading', { name: 'Claims (loading…)' }).waitFor();
    expect(await page.getByRole('listbox', { name: 'Claims in document order' }).getAttribute('aria-busy')).toBe('true');

    await claimRows(page).first().click();
    await page.keyboard.press('5'); // False
    const storedFirst = async () => (await hostCall(env.host, 'claims.list', { articleId: article.id }))[0].status;
    await expect.poll(storedFirst).toBe('false');
    release();

    await page.getByRole('heading', { name: 'Claims (250)' }).waitFor();
    const counts = page.getByRole('group', { name: 'Show claims by status' });
    expect(await counts.getByRole('button', { name: 'False: 1', exact: true }).count()).toBe(1);
    expect(await counts.getByRole('button', { name: 'Unverified: 249', exact: true }).count()).toBe(1);
    expect(await claimRows(page).first().textContent()).toMatch(/^✗ False/);
    await page.locator('[data-highlights="complete"]').waitFor();
    await page.context().close();
  });

  it('lists claims whose text is gone as orphans, apart from the others', async () => {
    // A claim whose text an update removed: carried to the new version as an orphan.
    const first = await hostCall(env.host, 'import.paste', { title: 'Orphans before', text: 'Once a passage that was edited out stood here.\n\nOnly this sentence is in the article now.' });
    await hostCall(env.host, 'claims.create', { articleId: first.article.id, range: { quote: 'this sentence' } });
    await hostCall(env.host, 'claims.create', { articleId: first.article.id, range: { quote: 'a passage that was edited out' } });
    const next = await hostCall(env.host, 'import.paste', { title: 'Orphans', text: 'Only this sentence is in the article now.', newVersionOf: first.article.id });
    const articleId = next.article.id;
    const page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Orphans(?! before)/ }).click();
    await page.getByRole('document', { name: 'Article text: Orphans' }).waitFor();
    expect(await hostCall(env.host, 'claims.list', { articleId })).toHaveLength(2);
    await page.reload();
    await page.getByRole('document', { name: 'Article text: Orphans' }).waitFor();
    const orphans = page.getByRole('region', { name: 'Orphaned claims' });
    await orphans.waitFor();
    expect(await orphans.textContent()).toContain('a passage that was edited out');
    expect(await page.locator('.fm-article-text [data-claim-id]').count()).toBe(1);
    await orphans.getByRole('button').click();
    await page.getByRole('region', { name: 'Edit claim' }).waitFor();
    await page.context().close();
  });

  it('never lets a slow answer for an article chosen earlier replace the one chosen after it', async () => {
    const slow = await hostCall(env.host, 'library.create', { meta: { title: 'Slow to arrive' }, doc: paragraphsDoc(['This article answers slowly.']) });
    await hostCall(env.host, 'library.create', { meta: { title: 'Chosen last' }, doc: paragraphsDoc(['This article was chosen last.']) });
    const page = await openDesk(env.browser, env.host, { beforeLoad: recordAnswersRead }); // opens the newest: "Chosen last"
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/library.get', async (route) => {
      if ((route.request().postDataJSON() as { articleId: string }).articleId === slow.id) await held;
      await route.continue();
    });
    const library = page.getByRole('navigation', { name: 'Library' });
    await library.getByRole('button', { name: /Slow to arrive/ }).click();
    await library.getByRole('button', { name: /Chosen last/ }).click();
    await page.getByRole('document', { name: 'Article text: Chosen last' }).waitFor();
    release();
    // The desk has read the late answer (and painted since): it must have been dropped.
    await answerRead(page, 'library.get', slow.id);
    expect(await page.getByRole('document', { name: 'Article text: Chosen last' }).count()).toBe(1);
    expect(await library.getByRole('button', { name: /Chosen last/ }).getAttribute('aria-current')).toBe('true');
    await page.context().close();
  });
});
