/**
 * The page itself in the browser host: it runs under the strict CSP (no inline styles either) with
 * no violation while the desk is used, and a page opened without its token says how to get a new link.
 */
import { REPORT_STYLE_HASH } from '../../src-main/services/export/report-css';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrExplain } from './support/chromium';
import { claimText, openDesk } from './support/desk';
import { nextPaint } from './support/settle';
import { useHostAndBrowser } from './support/suite';

const chromiumPath = chromiumOrExplain();

/** Before the page loads: collect every CSP violation it reports. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} ${event.sample} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

describe.skipIf(!chromiumPath)('the page in the browser host', () => {
  const env = useHostAndBrowser(chromiumPath);

  it('is served with a CSP that allows no inline style or script', async () => {
    const response = await fetch(`${env.host.origin}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    // The one inline <style> allowed is the exported report's own stylesheet, by its hash (for the export preview).
    expect(policy).toContain(`style-src 'self' '${REPORT_STYLE_HASH}';`);
    expect(policy).not.toMatch(/unsafe-/);
  });

  it('runs the desk with no CSP violation: claims, the editor, dialogs, and chunks estimated by the stylesheet', async () => {
    const page = await openDesk(env.browser, env.host, { beforeLoad: recordViolations });
    await claimText(page, 'no progress has been made');
    await page.getByRole('region', { name: 'Edit claim' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await nextPaint(page);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    const chunk = await page.locator('.fm-chunk').first().evaluate((el) => ({ blocks: el.getAttribute('data-blocks'), style: el.getAttribute('style'), size: getComputedStyle(el).containIntrinsicHeight, em: parseFloat(getComputedStyle(el).fontSize) }));
    expect(chunk.style).toBeNull();
    expect(chunk.size).toBe(`auto ${Number(chunk.blocks) * 5 * chunk.em}px`);
    await page.context().close();
  });

  it('opened without its token (a bookmark), says how to get a new link', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.host.origin}/`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('needs its access token');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('npm start');
    expect(text).toContain('Open this URL in your browser');
    expect(text).toMatch(/run `npm start` again and open the address it prints/);
    await context.close();
  });

  it('with an out-of-date token (Factmark restarted since), says to open the new URL', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.host.origin}/#token=from-an-earlier-run`);
    await expect.poll(() => page.getByText(/out-of-date access token/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/out-of-date access token/).first().textContent()).toContain('open the URL that `npm start` or `npm run web` printed');
    await context.close();
  });
});
