/**
 * Issue 15 in the desk: the claim editor's publication fields (claim as checked, public explanation,
 * claimant kind, verdict date) and the "no source recorded" flag in the claims list and the editor.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { useHostAndBrowser } from './support/suite';
import { claimRows, hostCall, openDesk, sampleArticleId, waitSaved } from './support/desk';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('desk: publication fields', () => {
  const env = useHostAndBrowser(chromiumPath);
  let page: Page;
  let articleId: string;

  beforeAll(async () => {
    articleId = await sampleArticleId(env.host);
    await hostCall(env.host, 'claims.create', { articleId, range: { quote: 'no progress has been made' }, claimant: 'Ministry of Foreign Affairs', status: 'false' });
    page = await openDesk(env.browser, env.host);
    await claimRows(page).first().waitFor();
  });

  const editor = () => page.getByRole('region', { name: 'Edit claim' });
  const stored = async () => (await hostCall(env.host, 'claims.list', { articleId }))[0];

  it('flags a False claim without evidence, and the flag goes once a source (without a URL) is recorded', async () => {
    expect(await claimRows(page).first().textContent()).toContain('No source recorded');
    await claimRows(page).first().dblclick();
    await editor().waitFor();
    const section = editor().getByRole('region', { name: 'For publication' });
    expect(await section.getByRole('note').textContent()).toContain('No source recorded');

    // A source without a URL (the editor's form takes links; the model and the service take both).
    const claim = await stored();
    await hostCall(env.host, 'claims.update', { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { evidence: [{ id: 'e1', url: '', title: 'Interview with a delegate', date: '2022-03-11', citation: 'Telephone interview by the author', note: '', stance: 'refutes' }] } });
    await page.keyboard.press('Escape');
    await page.reload();
    await claimRows(page).first().waitFor();
    await claimRows(page).first().dblclick();
    await editor().waitFor();
    await expect.poll(() => editor().getByRole('region', { name: 'For publication' }).getByRole('note').count()).toBe(0);
    expect(await claimRows(page).first().textContent()).toContain('1 evidence item');
  });

  it('edits the claim as checked, the explanation, the claimant kind and the verdict date', async () => {
    const section = editor().getByRole('region', { name: 'For publication' });
    expect(await section.getByRole('combobox', { name: 'Made by' }).inputValue()).toBe('organisation');
    expect(await section.getByLabel('Verdict date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await section.getByRole('textbox', { name: 'Claim as checked' }).fill('The talks made no progress.');
    await section.getByRole('textbox', { name: 'Public explanation' }).fill('Both delegations reported progress on corridors.');
    await section.getByRole('combobox', { name: 'Made by' }).selectOption('person');
    await section.getByLabel('Verdict date').fill('2022-03-12');
    await waitSaved(page);
    await expect.poll(stored).toMatchObject({
      claimAsChecked: 'The talks made no progress.',
      explanation: 'Both delegations reported progress on corridors.',
      claimantKind: 'person',
      verdictDate: '2022-03-12',
    });
    await page.keyboard.press('Escape');
  });
});
