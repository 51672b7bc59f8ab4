/** Find and launch Debian's Chromium for end-to-end tests (never a browser download). */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../src-main/services/export/chromium-printer';

export { findChromium };

/**
 * Whether the e2e suites can run here. Without a Chromium they say so plainly outside CI;
 * under CI (CI=true) a missing Chromium is an error.
 */
export function chromiumOrExplain(): string | null {
  const path = findChromium();
  if (path) return path;
  const message = 'No Chromium found (install Debian’s chromium or set CHROMIUM_PATH): end-to-end tests cannot run.';
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return null;
}

/** The desk's first-run question (the reviewer's name) is marked answered in every page of this browser, unless `firstRun`. */
export async function launchChromium(executablePath: string, options: { firstRun?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--no-first-run', '--disable-quic'] });
  if (options.firstRun) return browser;
  // Suites test the desk, not the first run: each new context starts with the question answered.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions) => {
    const context = await newContext(contextOptions);
    await context.addInitScript(() => {
      try {
        localStorage.setItem('factmark.reviewerAsked', 'yes');
      } catch {
        // A sandboxed frame (the export preview) has no storage.
      }
    });
    return context;
  };
  browser.newPage = async (pageOptions) => {
    const context = await browser.newContext(pageOptions);
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}
