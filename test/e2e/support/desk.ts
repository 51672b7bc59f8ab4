/** Helpers for the annotation desk end-to-end tests: open the desk, claim text, read rows and call the host. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { unwrap } from '../../../src-shared/call';
import type { CallResult, OperationName, RequestOf, ResponseOf } from '../../../src-shared/contract';
import { selectArticleText } from './article';
import type { WebHost } from './web-host';

/** Open the desk in a new page (its own context unless one is given) and wait for the article text. */
export async function openDesk(
  browser: Browser | BrowserContext,
  host: WebHost,
  options: {
    colorScheme?: 'light' | 'dark';
    /** To inject test scripts such as axe-core past the page's CSP. */
    bypassCSP?: boolean;
    /** Set up the page before it loads (init scripts, listeners). */
    beforeLoad?: (page: Page) => Promise<void>;
  } = {},
): Promise<Page> {
  const page =
    'newContext' in browser
      ? await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: options.colorScheme ?? 'light', bypassCSP: options.bypassCSP ?? false })
      : await browser.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`Page error: ${error.message}`);
  });
  await options.beforeLoad?.(page);
  await page.goto(host.openUrl);
  await articleText(page).waitFor();
  return page;
}

export function articleText(page: Page) {
  return page.getByRole('document', { name: /^Article text/ });
}

export function claimRows(page: Page) {
  return page.getByRole('listbox', { name: 'Claims in document order' }).getByRole('option');
}

/** The selected row of the claims list. */
export function selectedRow(page: Page) {
  return page.getByRole('listbox', { name: 'Claims in document order' }).getByRole('option', { selected: true });
}

/** Select `from` (… `to`) in the article and claim it with the C key; waits for the new row and for its editor to take the focus. */
export async function claimText(page: Page, from: string, to?: string): Promise<void> {
  const before = await claimRows(page).count();
  await selectArticleText(page, from, to);
  await page.keyboard.press('c');
  await expect.poll(() => claimRows(page).count()).toBe(before + 1);
  // The new claim's editor takes the focus (on its status) after the claim is painted: wait for
  // it, so a next step that selects text is not undone by that focus arriving late.
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.fm-claim-pane') !== null && document.activeElement?.tagName === 'SELECT')).toBe(true);
}

/** Wait until every change has reached the host. */
export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status').filter({ hasText: /saved|Saving/ }).first().textContent()).toBe('All changes saved');
}

/** Call a contract operation on the host directly (to set up or check data). */
export async function hostCall<N extends OperationName>(host: WebHost, name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-factmark-token': host.token },
    body: JSON.stringify(req),
  });
  return unwrap((await response.json()) as CallResult<ResponseOf<N>>);
}

/** The id of the bundled sample article (found by its title). */
export async function sampleArticleId(host: WebHost): Promise<string> {
  const rows = await hostCall(host, 'library.list', {});
  const sample = rows.find((row) => row.title.startsWith('Lavrov and Kuleba meet in Antalya'));
  if (!sample) throw new Error('The sample article is not in the library');
  return sample.id;
}

/** The status class of each claim's highlight, by claim id. */
export async function highlightStatuses(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.fm-article-text [data-claim-id]')) out[el.dataset.claimId!] = el.dataset.status!;
    return out;
  });
}
