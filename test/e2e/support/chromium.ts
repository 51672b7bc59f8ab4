/** Find and launch Debian's Chromium for end-to-end tests (never a browser download). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to use: CHROMIUM_PATH, else the first system Chromium found; null if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

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

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
