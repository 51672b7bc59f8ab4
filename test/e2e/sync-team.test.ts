/**
 * Team library E2E (issue 11): a real pouchdb-server and two browser hosts on two data folders.
 * One page connects through Preferences ▸ Team library, the other through the host; a claim and a
 * status change made in one page appear in the other without a reload; a claim changed on both while
 * one is disconnected is shown as conflicted with both versions, and resolving it reaches the other page;
 * a claim typed in is not replaced under the reviewer's hands; a merge keeps fields of both versions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousFindings } from './support/axe';
import { chromiumOrExplain } from './support/chromium';
import { claimRows, claimText, highlightStatuses, hostCall, openDesk, waitSaved } from './support/desk';
import { SYNCED, teamHosts } from './support/team-hosts';
import type { WebHost } from './support/web-host';
import { ADMIN } from '../support/team-server';

const chromiumPath = chromiumOrExplain();
const DB = 'factmark-team';

function indicator(page: Page) {
  return page.getByRole('status', { name: /^Team library:/ });
}

async function indicatorName(page: Page): Promise<string | null> {
  return (await indicator(page).count()) ? indicator(page).getAttribute('aria-label') : null;
}

/** The one claim's row (each test page has one claim). */
function onlyRow(page: Page) {
  return claimRows(page).first();
}

describe.skipIf(!chromiumPath)('team library: two hosts, one server', () => {
  const pair = teamHosts(DB, chromiumPath!);
  /** The two pages, opened by the first test and kept for the next. */
  let pageA: Page;
  let pageB: Page;

  it('connects, shows a teammate’s changes live, and resolves a conflict on every machine', async () => {
    pageA = await openDesk(pair.browser, pair.a, { bypassCSP: true });
    pageB = await openDesk(pair.browser, pair.b, { bypassCSP: true });
    expect(await indicator(pageA).count()).toBe(0); // hidden while sync is off

    // A connects through Preferences ▸ Team library.
    await pageA.getByRole('button', { name: 'Preferences', exact: true }).click();
    const prefs = pageA.getByRole('dialog', { name: 'Preferences' });
    const team = prefs.getByRole('region', { name: 'Team library' });
    await team.getByRole('textbox', { name: 'Server URL' }).fill(pair.server.url);
    await team.getByRole('textbox', { name: 'Database name' }).fill(DB);
    await team.getByRole('textbox', { name: 'User name' }).fill(ADMIN.user);
    await team.getByLabel('Password').fill(ADMIN.password);
    await team.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => indicatorName(pageA), SYNCED).toBe('Team library: synced');
    await expect.poll(() => team.getByRole('button', { name: 'Disconnect' }).count(), SYNCED).toBe(1);
    expect(await team.getByLabel('Password').inputValue()).toBe(''); // never shown back
    expect(await seriousFindings(pageA)).toEqual([]);
    await pageA.keyboard.press('Escape');

    // B connects through its host; the same sample article is one article in the team library.
    await hostCall(pair.b, 'sync.connect', pair.settings());
    await expect.poll(() => indicatorName(pageB), SYNCED).toBe('Team library: synced');

    // A claim and a status change made on A appear in B's open article, and in its library count.
    await claimText(pageA, 'no progress has been made');
    await pageA.keyboard.press('5'); // False
    await waitSaved(pageA);
    await expect.poll(async () => Object.values(await highlightStatuses(pageB)), SYNCED).toEqual(['False']);
    await expect.poll(() => pageB.getByRole('navigation', { name: 'Library' }).getByText('1 claim').count(), SYNCED).toBe(1);

    // B goes offline (disconnects); both change the claim's status; B comes back.
    await hostCall(pair.b, 'sync.disconnect', {});
    await expect.poll(() => indicator(pageB).count(), SYNCED).toBe(0);
    await onlyRow(pageA).click();
    await pageA.keyboard.press('3'); // Verified, on A
    await waitSaved(pageA);
    await onlyRow(pageB).click();
    await pageB.keyboard.press('6'); // Misleading, on B while offline
    await waitSaved(pageB);
    await hostCall(pair.b, 'sync.connect', pair.settings());

    // Both pages mark the claim conflicted, in the list and in the editor.
    for (const page of [pageA, pageB]) await expect.poll(() => onlyRow(page).getByText('Conflict').count(), SYNCED).toBe(1);
    await expect.poll(() => indicatorName(pageB), SYNCED).toMatch(/^Team library: synced, 1 conflict$/);
    await onlyRow(pageB).dblclick();
    const editor = pageB.getByRole('region', { name: 'Edit claim' });
    await editor.getByText(/this claim was changed on two computers/).waitFor();
    await editor.getByRole('button', { name: 'Resolve conflict…' }).click();

    // The dialog shows both versions side by side; B keeps its own (Misleading).
    const dialog = pageB.getByRole('dialog', { name: 'Resolve conflict' });
    const versions = dialog.getByRole('region');
    await expect.poll(() => versions.count(), SYNCED).toBe(2);
    const statuses = await versions.evaluateAll((els) => els.map((el) => el.querySelector('.fm-chip')?.textContent?.trim() ?? ''));
    expect(statuses.sort()).toEqual(['! Misleading', '✓ Verified']);
    expect(await seriousFindings(pageB)).toEqual([]);
    await versions.filter({ hasText: 'Misleading' }).getByRole('button', { name: /^Keep this version/ }).click();
    await expect.poll(() => dialog.count(), SYNCED).toBe(0);
    await pageB.keyboard.press('Escape'); // the editor

    // The resolution reaches A: the claim is Misleading there too, and no longer conflicted anywhere.
    await expect.poll(async () => Object.values(await highlightStatuses(pageA)), SYNCED).toEqual(['Misleading']);
    for (const page of [pageA, pageB]) await expect.poll(() => onlyRow(page).getByText('Conflict').count(), SYNCED).toBe(0);
    await expect.poll(() => indicatorName(pageA), SYNCED).toBe('Team library: synced');
    expect(Object.values(await highlightStatuses(pageB))).toEqual(['Misleading']);
  });

  it('leaves a claim the reviewer is typing in as it is: the teammate’s change is reported as a conflict on save, and nothing is lost', async () => {
    const claimId = (await onlyRow(pageA).getAttribute('data-claim-id'))!;
    const articleA = (await hostCall(pair.a, 'library.list', {}))[0].id;

    // A types a note in the editor and has not left the field yet.
    await onlyRow(pageA).dblclick();
    const editorA = pageA.getByRole('region', { name: 'Edit claim' });
    const claimantBefore = await editorA.getByRole('combobox', { name: 'Claimant' }).inputValue();
    await editorA.getByRole('textbox', { name: 'Note', exact: true }).fill('Checked against the transcript');

    // Meanwhile B sets the claimant.
    await onlyRow(pageB).dblclick();
    const editorB = pageB.getByRole('region', { name: 'Edit claim' });
    await editorB.getByRole('combobox', { name: 'Claimant' }).fill('Sergei Lavrov (B)');
    await editorB.getByRole('combobox', { name: 'Claimant' }).press('Enter');
    await waitSaved(pageB);
    await pageB.keyboard.press('Escape');

    // A's host has B's change; A's page reads it (a claims.list after that) but keeps what A is editing.
    await expect.poll(async () => (await hostCall(pair.a, 'claims.list', { articleId: articleA })).find((c) => c.id === claimId)?.claimant, SYNCED).toBe('Sergei Lavrov (B)');
    await pageA.waitForResponse((r) => r.url().endsWith('/api/claims.list'), { timeout: SYNCED.timeout });
    await pageA.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))); // the answer is drawn
    expect(await editorA.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe('Checked against the transcript');
    expect(await editorA.getByRole('combobox', { name: 'Claimant' }).inputValue()).toBe(claimantBefore);

    // Leaving the field saves on the revision A was editing: the host reports the race; A applies the note again on B's version.
    await editorA.getByRole('combobox', { name: 'Status' }).focus();
    await pageA.keyboard.press('Escape');
    await pageA.getByRole('button', { name: 'Apply my change again' }).click();
    await waitSaved(pageA);
    const stored = (await hostCall(pair.a, 'claims.list', { articleId: articleA })).find((c) => c.id === claimId)!;
    expect([stored.claimant, stored.note]).toEqual(['Sergei Lavrov (B)', 'Checked against the transcript']);
    // And B sees A's note without a reload.
    await onlyRow(pageB).dblclick();
    await expect.poll(() => pageB.getByRole('region', { name: 'Edit claim' }).getByRole('textbox', { name: 'Note', exact: true }).inputValue(), SYNCED).toBe('Checked against the transcript');
  });

  it('merges a conflict: status, claimant and note picked per field, the evidence of both versions kept', async () => {
    const [articleA, articleB] = await Promise.all([pair.a, pair.b].map(async (h) => (await hostCall(h, 'library.list', {}))[0].id));
    const claimId = (await onlyRow(pageA).getAttribute('data-claim-id'))!;
    const current = async (host: WebHost, articleId: string) => (await hostCall(host, 'claims.list', { articleId })).find((c) => c.id === claimId)!;
    const evidence = (id: string, title: string) => ({ id, url: `https://example.org/${id}`, title, date: '', citation: '', note: '', stance: 'refutes' as const });

    // Changed through the services on both hosts while B is disconnected.
    await hostCall(pair.b, 'sync.disconnect', {});
    await expect.poll(() => indicator(pageB).count(), SYNCED).toBe(0);
    const onA = await current(pair.a, articleA);
    await hostCall(pair.a, 'claims.update', { articleId: articleA, claimId, baseRevision: onA.revision, patch: { claimant: 'Foreign ministry', status: 'false', evidence: [evidence('ea', 'Transcript')] } });
    const onB = await current(pair.b, articleB);
    await hostCall(pair.b, 'claims.update', { articleId: articleB, claimId, baseRevision: onB.revision, patch: { note: 'Bo’s research note', status: 'disputed', evidence: [evidence('eb', 'Ministry statement')] } });
    await hostCall(pair.b, 'sync.connect', pair.settings());
    await expect.poll(() => onlyRow(pageA).getByText('Conflict').count(), SYNCED).toBe(1);

    // On A: Merge… takes the claimant from the version that has it, status and note from B's.
    await onlyRow(pageA).dblclick();
    await pageA.getByRole('region', { name: 'Edit claim' }).getByRole('button', { name: 'Resolve conflict…' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Resolve conflict' });
    await dialog.getByRole('button', { name: 'Merge…' }).click();
    const merge = dialog.getByRole('form', { name: 'Merge the versions' });
    await merge.getByRole('group', { name: 'Claimant' }).getByRole('radio', { name: /Foreign ministry/ }).check();
    await merge.getByRole('group', { name: 'Status' }).getByRole('radio', { name: /Disputed/ }).check();
    await merge.getByRole('group', { name: 'Note' }).getByRole('radio', { name: /Bo’s research note/ }).check();
    await merge.getByText('Evidence: all 2 items from every version, each once.').waitFor();
    expect(await seriousFindings(pageA)).toEqual([]);
    await merge.getByRole('button', { name: 'Save the merged version' }).click();
    await expect.poll(() => dialog.count(), SYNCED).toBe(0);
    await pageA.keyboard.press('Escape');

    // The merge is what both hosts hold, and B's page shows it without a reload.
    for (const [host, articleId] of [[pair.a, articleA], [pair.b, articleB]] as const) {
      await expect
        .poll(async () => {
          const c = await current(host, articleId);
          return [c.claimant, c.status, c.note, c.evidence.map((e) => e.title).sort(), c.conflictVersions?.length ?? 0];
        }, SYNCED)
        .toEqual(['Foreign ministry', 'disputed', 'Bo’s research note', ['Ministry statement', 'Transcript'], 0]);
    }
    await expect.poll(async () => Object.values(await highlightStatuses(pageB)), SYNCED).toEqual(['Disputed']);
    await expect.poll(() => onlyRow(pageB).getByText('Conflict').count(), SYNCED).toBe(0);
  });
});

