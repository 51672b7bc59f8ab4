/** Article versions in the app: import a new version from the article, review its Changes (a corrected figure, an orphan re-attached by selecting text), open linked versions. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlightTexts, selectArticleText } from './support/article';
import { chromiumOrExplain } from './support/chromium';
import { articleText, hostCall, openDesk } from './support/desk';
import { useHostAndBrowser } from './support/suite';
import { PORT_V1 as V1, PORT_V2 as V2 } from '../support/port-versions';

const chromiumPath = chromiumOrExplain();


const changes = (page: Page) => page.getByRole('region', { name: 'Changes' });
const queueItems = (page: Page) => changes(page).getByRole('list', { name: 'Claims to review' }).getByRole('listitem');

describe.skipIf(!chromiumPath)('versions: the Changes view', () => {
  const env = useHostAndBrowser(chromiumPath);

  it('shows a corrected figure as changed, and re-attaches an orphan to selected text', async () => {
    const v1 = (await hostCall(env.host, 'import.paste', { text: V1, title: 'Port expansion approved' })).article;
    const figure = await hostCall(env.host, 'claims.create', { articleId: v1.id, range: { quote: '£240 million expansion' }, status: 'verified' });
    await hostCall(env.host, 'claims.create', { articleId: v1.id, range: { quote: 'Residents near the estuary fear heavier lorry traffic' }, status: 'in-review' });

    const page = await openDesk(env.browser, env.host);
    try {
      await page.getByRole('button', { name: 'Port expansion approved' }).first().click();
      await expect.poll(() => articleText(page).getAttribute('aria-label')).toBe('Article text: Port expansion approved');
      await page.getByLabel('New version of Port expansion approved').setInputFiles({ name: 'port-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(V2) });

      // The new version opens with its Changes: the figure's claim changed (and flagged), the lorry claim orphaned.
      await changes(page).waitFor();
      await expect.poll(() => queueItems(page).count()).toBe(2);
      const [first, second] = await queueItems(page).all();
      expect(await first.getAttribute('aria-label')).toMatch(/^Text gone: Residents near the estuary/);
      expect(await second.getAttribute('aria-label')).toBe('Text changed: £240 million expansion');
      expect(await second.textContent()).toContain('verdict needs re-review');
      expect(await second.textContent()).toContain('Now: “£260 million expansion”');
      expect(await page.locator('.fm-article-text del.fm-deleted').allTextContents()).toContain('240');
      expect((await page.locator('.fm-article-text .fm-inserted').allTextContents()).join(' ')).toContain('260');
      expect(Object.values(await highlightTexts(page))).toContain('£260 million expansion');

      // Accept the figure's new anchoring: it leaves the queue, its status kept.
      await second.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => queueItems(page).count()).toBe(1);

      // Re-attach the orphan by selecting its new text.
      await selectArticleText(page, 'Work on the new berth');
      await queueItems(page).first().getByRole('button', { name: 'Re-attach to selection' }).click();
      await expect.poll(() => queueItems(page).count()).toBe(0);
      await expect.poll(async () => Object.values(await highlightTexts(page))).toContain('Work on the new berth');
      await page.screenshot({ path: '/tmp/factmark-versions-changes.png' });

      const rows = await hostCall(env.host, 'library.list', {});
      const v2 = rows.find((r) => r.previousVersionId === v1.id)!;
      const { claims } = await hostCall(env.host, 'library.get', { articleId: v2.id });
      const carriedFigure = claims.find((c) => c.carried?.fromClaimId === figure.id)!;
      expect(carriedFigure).toMatchObject({ status: 'verified', carried: { state: 'changed', previousQuote: '£240 million expansion' } });
      expect(claims.map((c) => c.target.quote.exact).sort()).toEqual(['Work on the new berth', '£260 million expansion']);

      // Article details list both versions; the first opens from there.
      await page.getByRole('button', { name: 'Article details' }).click();
      const versions = page.getByRole('region', { name: 'Versions of this article' });
      await versions.getByRole('button', { name: /^Open version 1/ }).click();
      await expect.poll(async () => Object.values(await highlightTexts(page))).toContain('£240 million expansion');
      expect(await changes(page).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
