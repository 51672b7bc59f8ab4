/** Per-suite fixture: the real browser host on a temp data folder and one Chromium, for a describe block. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { startWebHost, type WebHost } from './web-host';

export interface HostAndBrowser {
  host: WebHost;
  browser: Browser;
}

/**
 * Start a host and a browser before the suite's tests (and before its own beforeAll hooks, when
 * called first) and stop both after them. Read `.host` and `.browser` inside hooks and tests.
 */
export function useHostAndBrowser(chromiumPath: string | null): HostAndBrowser {
  const env = {} as HostAndBrowser;
  beforeAll(async () => {
    env.host = await startWebHost();
    env.browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.host?.stop();
  });
  return env;
}
