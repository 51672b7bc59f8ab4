/** File ▸ Export in the browser host: the whole article or only the filtered claims, saved as a download. */
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
});
