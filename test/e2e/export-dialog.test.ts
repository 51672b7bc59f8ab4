/** File ▸ Export in the browser host: the whole article or only the filtered claims, saved as a download; the report previewed first. */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, hostCall, openDesk, sampleArticleId } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('export dialog', () => {
  const env = useHostAndBrowser(chromiumPath);

  beforeAll(async () => {
    const articleId = await sampleArticleId(env.host);
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: 'no progress has been made' }, claimant: 'News conferences', status: 'verified' });
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: 'information terrorism' }, claimant: 'Russia', status: 'false' });
  });

  it('exports the whole article as Markdown through a download', async () => {
    const page = await openDesk(env.browser, env.host);
    await expect.poll(() => claimRows(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('md');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('no progress has been made');
    expect(text).toContain('information terrorism');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  it('exports only the claims the panel filter shows', async () => {
    const page = await openDesk(env.browser, env.host);
    await expect.poll(() => claimRows(page).count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Filter claims by text' }).fill('terrorism');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    expect(await dialog.getByRole('radio', { name: /Only the 1 claims the filter shows/ }).isChecked()).toBe(true);
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('information terrorism');
    expect(csv).not.toContain('no progress has been made');
    await page.close();
  });

  it('previews the report in a sandboxed frame, flags verdicts without a source, and takes the summary and published URL', async () => {
    const page = await openDesk(env.browser, env.host);
    await expect.poll(() => claimRows(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const frame = dialog.getByTitle('Report preview');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const report = page.frameLocator('iframe[title="Report preview"]');
    await expect.poll(() => report.locator('#summary').textContent()).toBe('2 claims checked: 1 false, 1 verified.');
    expect(await report.locator('.finding h3').allTextContents()).toEqual(['information terrorism', 'no progress has been made']);
    const warnings = dialog.getByRole('list', { name: 'Before publishing' });
    await expect.poll(() => warnings.getByRole('listitem').allTextContents()).toEqual(['⚠ Claim 1 (Verified): no source recorded', '⚠ Claim 2 (False): no source recorded']);
    expect(await dialog.getByRole('textbox', { name: 'Overall summary' }).getAttribute('placeholder')).toBe('Generated: 2 claims checked: 1 false, 1 verified.');
    await dialog.getByRole('textbox', { name: 'Overall summary' }).fill('Both claims fail.');
    await dialog.getByRole('textbox', { name: 'Published at (the fact-check’s URL)' }).fill('checks.example/antalya');
    await dialog.getByRole('checkbox', { name: /Include internal notes/ }).focus();
    await expect.poll(() => report.locator('#summary').textContent()).toBe('Both claims fail.');
    // The summary and the address are saved and previewed one after the other.
    await expect.poll(() => report.locator('header a[href="https://checks.example/antalya"]').count()).toBe(1);
    const articleId = await sampleArticleId(env.host);
    await expect
      .poll(async () => (await hostCall(env.host, 'library.get', { articleId })).article)
      .toMatchObject({ reportSummary: 'Both claims fail.', factCheckUrl: 'https://checks.example/antalya' });
    await page.keyboard.press('Escape');
    await hostCall(env.host, 'library.updateMeta', { articleId, meta: { reportSummary: '', factCheckUrl: '' } });
    await page.close();
  });
});
