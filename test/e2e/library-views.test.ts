/** The library at work in Chromium: the all-claims view (filters, export, open), a claimant page with merge and undo, and "checked before" with evidence copied. */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { claimRows, hostCall, openDesk, sampleArticleId, selectedRow, waitSaved } from './support/desk';
import { useHostAndBrowser } from './support/suite';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('library views', () => {
  const env = useHostAndBrowser(chromiumPath);
  let sampleId: string;
  let otherId: string;

  beforeAll(async () => {
    sampleId = await sampleArticleId(env.host);
    await hostCall(env.host, 'claims.create', {
      articleId: sampleId,
      range: { quote: 'Ukraine was seeking a ceasefire' },
      claimant: 'Kuleba',
      status: 'disputed',
      evidence: [{ id: 'ev1', url: 'https://example.org/transcript', title: 'Press conference transcript', note: '', stance: 'supports' }],
    });
    await hostCall(env.host, 'claims.create', { articleId: sampleId, range: { quote: 'no progress has been made' }, claimant: 'News conferences', status: 'verified' });
    const other = await hostCall(env.host, 'library.create', {
      meta: { title: 'Kyiv briefing' },
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The minister said Ukraine is seeking a ceasefire with Russia.' }] }] },
    });
    otherId = other.id;
    await hostCall(env.host, 'claims.create', { articleId: otherId, range: { quote: 'Ukraine is seeking a ceasefire with Russia' }, claimant: 'Dmytro Kuleba', status: 'unverified' });
  });

  const claimsView = (page: import('playwright-core').Page) => page.getByRole('dialog', { name: 'All claims' });
  const viewRows = (page: import('playwright-core').Page) => claimsView(page).getByRole('list', { name: 'All claims' }).getByRole('listitem');

  it('lists every claim, filters by text and status, exports the claims shown and opens one in its article', async () => {
    const page = await openDesk(env.browser, env.host);
    await page.getByRole('button', { name: 'All claims' }).click();
    await expect.poll(() => viewRows(page).count()).toBe(3);
    await claimsView(page).getByRole('searchbox', { name: 'Search claims' }).fill('ceasefire');
    await expect.poll(() => viewRows(page).count()).toBe(2);
    await claimsView(page).getByRole('combobox', { name: 'Status filter' }).selectOption('disputed');
    await expect.poll(() => viewRows(page).count()).toBe(1);
    expect(await viewRows(page).first().textContent()).toContain('Ukraine was seeking a ceasefire');

    await claimsView(page).getByRole('combobox', { name: 'Export format for the claims shown' }).selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download'), claimsView(page).getByRole('button', { name: 'Export claims shown' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('Ukraine was seeking a ceasefire');
    expect(csv).not.toContain('no progress has been made');
    expect(csv).not.toContain('with Russia');

    await claimsView(page).getByRole('button', { name: /^Open claim in Lavrov and Kuleba/ }).click();
    await expect.poll(() => claimsView(page).count()).toBe(0);
    await expect.poll(() => selectedRow(page).textContent()).toContain('Ukraine was seeking a ceasefire');
    await page.close();
  });

  it('shows a claimant page and merges another spelling into it, then undoes the merge', async () => {
    const page = await openDesk(env.browser, env.host);
    await page.getByRole('button', { name: 'All claims' }).click();
    await claimsView(page).getByRole('button', { name: 'Claimant page: Kuleba' }).click();
    const claimant = page.getByRole('dialog', { name: 'Claimant: Kuleba' });
    await expect.poll(() => claimant.getByRole('region', { name: 'Claims by Kuleba' }).getByRole('listitem').count()).toBe(1);
    await claimant.getByRole('checkbox', { name: /Dmytro Kuleba/ }).check();
    await claimant.getByRole('button', { name: 'Merge into Kuleba' }).click();
    await expect.poll(() => claimant.getByRole('region', { name: 'Claims by Kuleba' }).getByRole('listitem').count()).toBe(2);
    expect(await claimant.getByRole('definition').allTextContents()).toContain('Dmytro Kuleba');
    expect((await hostCall(env.host, 'claimants.list', {})).map((c) => c.name)).toContain('Kuleba');
    await claimant.getByRole('button', { name: 'Undo merge' }).click();
    await expect.poll(() => claimant.getByRole('region', { name: 'Claims by Kuleba' }).getByRole('listitem').count()).toBe(1);
    expect((await hostCall(env.host, 'claimants.get', { name: 'Dmytro Kuleba' })).claimant.merged).toBe(false);
    await page.close();
  });

  it('shows claims checked before in the claim editor and copies their evidence', async () => {
    const page = await openDesk(env.browser, env.host);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Kyiv briefing/ }).click();
    await page.getByRole('document', { name: /Article text: Kyiv briefing/ }).waitFor();
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await claimRows(page).first().dblclick();
    const editor = page.getByRole('region', { name: 'Edit claim' });
    const checked = editor.getByRole('region', { name: 'Checked before' });
    await expect.poll(() => checked.getByRole('listitem').first().textContent()).toContain('Ukraine was seeking a ceasefire');
    expect(await checked.getByRole('listitem').first().textContent()).toContain('Disputed');
    await checked.getByRole('button', { name: /^Copy evidence from this claim: Ukraine was seeking/ }).click();
    await expect.poll(() => editor.getByRole('textbox', { name: 'Evidence 1 URL' }).inputValue()).toBe('https://example.org/transcript');
    await waitSaved(page);
    const [stored] = await hostCall(env.host, 'claims.list', { articleId: otherId });
    expect(stored.evidence.map((e) => [e.url, e.title])).toEqual([['https://example.org/transcript', 'Press conference transcript']]);
    await page.close();
  });
});
