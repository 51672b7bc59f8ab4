/**
 * Team library E2E (issue 11): a claim deleted in one page while a teammate edits it in the other
 * is never a silent loss. Deleted while its library was offline (disconnected), it is a conflict on
 * both machines, shown in both pages (the page that deleted it shows it again). Deleted online from
 * a page that had not yet shown the teammate's edit, the host refuses the delete (it names the
 * version the page saw) and the page shows the newer version, as for an edit.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { claimRows, claimText, hostCall, openDesk, waitSaved } from './support/desk';
import { SYNCED, teamHosts } from './support/team-hosts';

const chromiumPath = chromiumOrExplain();
const DB = 'factmark-race';

function row(page: Page, claimId: string) {
  return claimRows(page).and(page.locator(`[data-claim-id="${claimId}"]`));
}

describe.skipIf(!chromiumPath)('team library: a deletion racing an edit, through the desk', () => {
  const pair = teamHosts(DB, chromiumPath!);
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    await hostCall(pair.a, 'sync.connect', pair.settings());
    await hostCall(pair.b, 'sync.connect', pair.settings());
    pageA = await openDesk(pair.browser, pair.a);
    pageB = await openDesk(pair.browser, pair.b);
  });

  /** Claim `text` on A and wait until B's page shows it; its id. */
  async function sharedClaim(text: string): Promise<string> {
    const before = new Set(await claimRows(pageA).evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id'))));
    await claimText(pageA, text);
    await waitSaved(pageA);
    const ids = await claimRows(pageA).evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id')));
    const id = ids.find((c) => !before.has(c))!;
    await expect.poll(() => row(pageB, id).count(), SYNCED).toBe(1);
    return id;
  }

  /** Both pages show the claim again, marked conflicted, and both hosts keep the deletion as its other version. */
  async function expectConflictEverywhere(claimId: string): Promise<void> {
    for (const page of [pageA, pageB]) await expect.poll(() => row(page, claimId).getByText('Conflict').count(), SYNCED).toBe(1);
    for (const host of [pair.a, pair.b]) {
      const articleId = (await hostCall(host, 'library.list', {}))[0].id;
      const claim = (await hostCall(host, 'claims.list', { articleId })).find((c) => c.id === claimId);
      expect(claim?.status).toBe('verified');
      expect(claim?.conflictVersions).toEqual([expect.objectContaining({ deleted: true })]);
    }
  }

  it('is a conflict when the deleting library was offline', async () => {
    const claimId = await sharedClaim('no progress has been made');
    await hostCall(pair.b, 'sync.disconnect', {});
    await row(pageA, claimId).click();
    await pageA.keyboard.press('3'); // Verified, on A
    await waitSaved(pageA);
    await row(pageB, claimId).click();
    await pageB.keyboard.press('Delete'); // deleted on B, offline
    await waitSaved(pageB);
    await expect.poll(() => row(pageB, claimId).count()).toBe(0);
    await hostCall(pair.b, 'sync.connect', pair.settings());
    await expectConflictEverywhere(claimId);
  });

  it('is not a silent loss when the deleting page had not shown the teammate’s edit yet: the delete is refused and the edit shown', async () => {
    const sample = (await pageA.getByRole('document', { name: /^Article text/ }).textContent()) ?? '';
    const quote = sample.split(/(?<=\.)\s+/).find((s) => s.length > 30 && !s.includes('no progress has been made'))!.slice(0, 25);
    const claimId = await sharedClaim(quote);
    // B's page stops hearing about teammates' changes (as between two of its polls), and A's edit reaches B's host.
    await pageB.route('**/api/sync.changes', (route) => route.abort());
    await row(pageA, claimId).click();
    await pageA.keyboard.press('3'); // Verified, on A
    await waitSaved(pageA);
    const articleB = (await hostCall(pair.b, 'library.list', {}))[0].id;
    await expect.poll(async () => (await hostCall(pair.b, 'claims.list', { articleId: articleB })).find((c) => c.id === claimId)?.status, SYNCED).toBe('verified');
    // B deletes the claim as its page shows it (without A's edit): refused, and the newer version is shown.
    await row(pageB, claimId).click();
    await pageB.keyboard.press('Delete');
    await expect.poll(() => pageB.getByText(/The claim was not deleted: it was changed elsewhere/).count(), SYNCED).toBeGreaterThan(0);
    await expect.poll(() => row(pageB, claimId).count()).toBe(1);
    await pageB.unroute('**/api/sync.changes');
    for (const host of [pair.a, pair.b]) {
      const articleId = (await hostCall(host, 'library.list', {}))[0].id;
      expect((await hostCall(host, 'claims.list', { articleId })).find((c) => c.id === claimId)?.status).toBe('verified');
    }
    // Deleting it now, having seen the edit, deletes it everywhere.
    await row(pageB, claimId).click();
    await pageB.keyboard.press('Delete');
    await waitSaved(pageB);
    await expect.poll(() => row(pageA, claimId).count(), SYNCED).toBe(0);
  });
});
