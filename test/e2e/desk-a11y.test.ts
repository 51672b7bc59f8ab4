/**
 * Desk E2E, issue item 8 (and issue 16 item 16): axe-core finds no serious or critical problem on the
 * main screens, light and dark, with nested highlights (Disputed inside In review), the claim editor open
 * with evidence, and the visible label of every control inside its accessible name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousFindings, type Finding } from './support/axe';
import { chromiumOrExplain } from './support/chromium';
import { claimRows, hostCall, openDesk, sampleArticleId } from './support/desk';
import { useHostAndBrowser } from './support/suite';

const chromiumPath = chromiumOrExplain();
describe.skipIf(!chromiumPath)('desk: accessibility', () => {
  const env = useHostAndBrowser(chromiumPath);

  beforeAll(async () => {
    // Claims of several statuses, overlapping, with one selected, so highlights and chips are checked too.
    const articleId = await sampleArticleId(env.host);
    const claims = [
      ['no progress has been made', 'false'],
      ['Turkish resort city of Antalya', 'verified'],
      ['met at a forum', 'disputed'],
      ['children’s hospital and maternity ward', 'misleading'],
      ['halt firing so that aid could reach civilians', 'in-review'],
      ['aid could reach', 'disputed'], // nested in the In-review claim
    ] as const;
    const evidence = [{ id: 'e1', url: 'https://example.org/report', title: 'Report', note: '', stance: 'refutes' as const }];
    for (const [quote, status] of claims) await hostCall(env.host, 'claims.create', { articleId, range: { quote }, status, claimant: 'Sergei Lavrov', evidence });
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violation in ${colorScheme} mode: library and article, editor, shortcuts, preferences, export, versions`, async () => {
      const page = await openDesk(env.browser, env.host, { colorScheme, bypassCSP: true });
      await page.emulateMedia({ colorScheme });
      await expect.poll(() => claimRows(page).count()).toBe(6);
      await claimRows(page).first().click();

      const screens: Record<string, Finding[]> = {};
      screens.main = await seriousFindings(page);

      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Edit claim' }).waitFor();
      screens.editor = await seriousFindings(page);
      await page.keyboard.press('Escape');

      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      screens.help = await seriousFindings(page);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Preferences', exact: true }).click();
      await page.getByRole('dialog', { name: 'Preferences' }).waitFor();
      screens.prefs = await seriousFindings(page);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Export…' }).click();
      await page.getByRole('dialog', { name: 'Export' }).getByRole('combobox', { name: 'Format' }).waitFor();
      screens.export = await seriousFindings(page);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Versions…' }).click();
      await page.getByRole('dialog', { name: 'Earlier versions' }).getByRole('table').waitFor();
      screens.versions = await seriousFindings(page);
      await page.keyboard.press('Escape');

      expect(screens).toEqual({ main: [], editor: [], help: [], prefs: [], export: [], versions: [] });
      await page.context().close();
    });
  }

  it('tells assistive technology each highlight’s status, and never by colour alone', async () => {
    const page = await openDesk(env.browser, env.host);
    await expect.poll(() => claimRows(page).count()).toBe(6);
    const highlight = page.locator('.fm-article-text [data-claim-id]').filter({ hasText: 'no progress has been made' });
    expect(await highlight.getAttribute('role')).toBe('mark');
    expect(await highlight.getAttribute('aria-description')).toBe('False claim by Sergei Lavrov');
    const style = await highlight.evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(style).toContain('underline');
    const chip = claimRows(page).filter({ hasText: 'no progress has been made' }).locator('.fm-chip');
    expect(await chip.textContent()).toBe('✗ False');
    await page.context().close();
  });
});
