/**
 * Events to wait for when a test shows that something did NOT happen (instead of a fixed wait):
 * the page has read a given answer from the host, the page's requests have all ended, the next
 * frame has been painted.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Filled by recordAnswersRead: each host answer the page has read, as "<operation> <request body>". */
    __answersRead?: string[];
  }
}

/** Before the page loads: note each /api answer once the page has read its body (the transport's response.json()). */
export async function recordAnswersRead(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__answersRead = [];
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      const url = String(input instanceof Request ? input.url : input);
      const match = /\/api\/([^/?#]+)/.exec(url);
      if (!match) return response;
      const read = response.json.bind(response);
      response.json = async () => {
        const body = await read();
        window.__answersRead!.push(`${decodeURIComponent(match[1])} ${String(init?.body ?? '')}`);
        return body;
      };
      return response;
    };
  });
}

/** Resolves once the page has read an answer to `operation` whose request body contains `bodyPart`, and has painted a frame since. */
export async function answerRead(page: Page, operation: string, bodyPart: string): Promise<void> {
  await page.waitForFunction(([op, part]) => (window.__answersRead ?? []).some((entry) => entry.startsWith(`${op} `) && entry.includes(part)), [operation, bodyPart] as const);
  await nextPaint(page);
}

/** Resolves after the next frame is painted and the tasks queued before it (a React commit, event handlers) have run. */
export async function nextPaint(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Counts the page's requests in flight from now on; `quiet()` resolves once none is left, after a painted frame. */
export function trackRequests(page: Page): { quiet(): Promise<void> } {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const done = () => {
    inFlight -= 1;
    if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
  };
  page.on('request', () => void (inFlight += 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async quiet() {
      if (inFlight > 0) await new Promise<void>((resolve) => waiters.push(resolve));
      await nextPaint(page);
    },
  };
}
