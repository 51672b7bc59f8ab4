/** Earlier versions in the app (Restore), and the store's repair notices shown when the library opens. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain, launchChromium } from './support/chromium';
import { claimRows, hostCall, openDesk, sampleArticleId } from './support/desk';
import { startWebHost, type WebHost } from './support/web-host';

const chromiumPath = chromiumOrExplain();

describe.skipIf(!chromiumPath)('versions and store notices', () => {
  let host: WebHost;
  let browser: Browser;
  let articleId: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'factmark-e2e-versions-'));
    host = await startWebHost({ dataDir });
    browser = await launchChromium(chromiumPath!);
    articleId = await sampleArticleId(host);
    const claim = await hostCall(host, 'claims.create', { articleId, range: { quote: 'no progress has been made' }, status: 'in-review' });
    await hostCall(host, 'claims.update', { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { status: 'false' } });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists earlier versions with what each changed, previews one, restores it, and Ctrl+Z undoes the restore', async () => {
    const page = await openDesk(browser, host);
    await expect.poll(() => claimRows(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Versions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Earlier versions' });
    await expect.poll(() => dialog.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    expect(await dialog.getByRole('row').nth(1).textContent()).toMatch(/^Now.*Current version$/);
    expect(await dialog.getByRole('row').nth(1).textContent()).toMatch(/1 edited \(In review → False\)/);
    expect(await dialog.getByRole('row').nth(2).textContent()).toMatch(/1 claim added/);
    const emptyVersion = dialog.getByRole('row').filter({ has: page.getByRole('cell', { name: '0', exact: true }) });
    await emptyVersion.getByRole('button', { name: /^Preview the version saved/ }).click();
    const preview = page.getByRole('dialog', { name: /^Version of / });
    await preview.getByText('Restoring this version would').waitFor();
    expect(await preview.getByRole('listitem').first().textContent()).toBe('Remove: “no progress has been made” (False)');
    expect(await hostCall(host, 'claims.list', { articleId })).toHaveLength(1); // a preview writes nothing
    await preview.getByRole('button', { name: 'Restore this version' }).click();
    await expect.poll(() => preview.count()).toBe(0);
    await expect.poll(() => claimRows(page).count()).toBe(0);
    expect(await hostCall(host, 'claims.list', { articleId })).toEqual([]);
    await page.locator('body').press('Control+z');
    await expect.poll(() => claimRows(page).count()).toBe(1);
    expect((await hostCall(host, 'claims.list', { articleId })).map((c) => c.status)).toEqual(['false']);
    await page.close();
  });

  it('tells the user when a damaged file was moved aside and its backup restored', async () => {
    await host.stop();
    await writeFile(join(dataDir, 'articles', `${articleId}.json`), '{"schemaVersion": 1, "article": {');
    host = await startWebHost({ dataDir });
    const page = await openDesk(browser, host);
    const alert = page.getByRole('alert').filter({ hasText: 'was damaged' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/moved to .*quarantine.* backup from .* was restored/);
    await page.close();
  });
});
