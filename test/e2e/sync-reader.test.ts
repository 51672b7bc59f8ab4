/**
 * Team library E2E (issue 11, access): a reader account. A pouchdb-server behind the loopback proxy
 * that answers writes with CouchDB's 403 `forbidden`; a writer's host puts a claim in the team
 * library; a second host connects through the proxy in Preferences ▸ Team library and changes that
 * claim: the app says the library is read-only for it, lists the refused change by claim and keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousFindings } from './support/axe';
import { chromiumOrExplain } from './support/chromium';
import { claimRows, highlightStatuses, hostCall, openDesk, sampleArticleId, waitSaved } from './support/desk';
import { SYNCED, teamHosts } from './support/team-hosts';
import { startReaderProxy, type ReaderProxy } from '../support/reader-proxy';
import { ADMIN } from '../support/team-server';

const chromiumPath = chromiumOrExplain();
const DB = 'factmark-readers';

describe.skipIf(!chromiumPath)('team library: a reader account', () => {
  const pair = teamHosts(DB, chromiumPath!); // a: the writer, b: the reader
  let proxy: ReaderProxy;

  beforeAll(async () => {
    proxy = await startReaderProxy(pair.server.url);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('says the library is read-only, lists the refused change by claim and keeps it locally', async () => {
    await hostCall(pair.a, 'sync.connect', pair.settings());
    const articleId = await sampleArticleId(pair.a);
    await hostCall(pair.a, 'claims.create', { articleId, range: { quote: 'no progress has been made' }, status: 'false', claimant: 'Sergei Lavrov' });
    await expect.poll(async () => (await hostCall(pair.a, 'sync.status', {})).state, SYNCED).toBe('synced');

    // The reader connects through Preferences, to the proxy that refuses writes.
    const page = await openDesk(pair.browser, pair.b, { bypassCSP: true });
    await page.getByRole('button', { name: 'Preferences', exact: true }).click();
    const team = page.getByRole('dialog', { name: 'Preferences' }).getByRole('region', { name: 'Team library' });
    await team.getByRole('textbox', { name: 'Server URL' }).fill(proxy.url);
    await team.getByRole('textbox', { name: 'Database name' }).fill(DB);
    await team.getByRole('textbox', { name: 'User name' }).fill(ADMIN.user);
    await team.getByLabel('Password').fill(ADMIN.password);
    await team.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => team.getByRole('button', { name: 'Disconnect' }).count(), SYNCED).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => claimRows(page).count(), SYNCED).toBe(1);

    // A change on the reader's side: refused by the server, reported by claim, kept here.
    await claimRows(page).first().click();
    await page.keyboard.press('2'); // In review
    await waitSaved(page);
    const banner = page.getByRole('region', { name: 'Team library' });
    await expect.poll(() => banner.getByText('This team library is read-only for you (reader account).').count(), SYNCED).toBe(1);
    await expect.poll(() => banner.getByText(/1 change was refused by the server/).count(), SYNCED).toBe(1);
    await banner.getByText(/refused by the server/).click();
    expect(await banner.getByRole('listitem').first().textContent()).toMatch(/^Claim “no progress has been made” in “.+”: .*Only writers may change the team library/);
    await expect.poll(() => claimRows(page).first().getByText('Not sent').count(), SYNCED).toBe(1);
    await expect.poll(() => page.getByRole('status', { name: /^Team library:/ }).getAttribute('aria-label'), SYNCED).toMatch(/read-only$/);
    expect(Object.values(await highlightStatuses(page))).toEqual(['In review']);

    // The indicator opens the Team library preferences, which say so too.
    await page.getByRole('status', { name: /^Team library:/ }).getByRole('button').click();
    await team.getByText('This team library is read-only for you (reader account).').waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // Nothing reached the team: the writer still has the claim as it made it.
    const claims = await hostCall(pair.a, 'claims.list', { articleId });
    expect(claims.map((c) => c.status)).toEqual(['false']);
    expect(proxy.refused).toBeGreaterThan(0);
  });
});
