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

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--no-first-run', '--disable-quic'] });
}
