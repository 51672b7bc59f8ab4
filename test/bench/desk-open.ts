/**
 * Timing an article's open in the desk benchmark: from the click in the library list to the first
 * frame painted with the highlights of its first screen (or with all of them), marked for the
 * Chromium trace that gives the figures.
 */
import type { Page } from 'playwright-core';
import { FIRST_SCREEN_PARAGRAPHS } from './desk-library';
import { OPEN_MARK, openTimes, READY_MARK, recordTrace } from './frame-trace';

export const OPEN_RUNS = 30;
/** Quiet time before each timed open, in ms. */
const SETTLE_MS = 150;

/**
 * Open an article from the library list and wait for the first frame with the highlights of its
 * first screen, that is with `highlights` distinct claims drawn in its first paragraphs
 * (`complete` false), or with every highlight in place (`complete` true). With `marked`, the click
 * and that frame are marked for the trace (openTimes); returns a rough ms (to a task after that frame).
 */
export async function timeOpen(page: Page, title: string, highlights: number, complete = false, marked = false): Promise<number> {
  return page.evaluate(
    async ([name, expected, all, paragraphs, mark, openMark, readyMark]) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Library"] button')].find((b) => b.textContent?.includes(name))!;
      const drawn = (view: Element) => {
        const ids = new Set<string>();
        for (const p of [...view.querySelectorAll('p')].slice(0, paragraphs)) for (const el of p.querySelectorAll('[data-claim-id]')) ids.add(el.getAttribute('data-claim-id')!);
        return ids.size;
      };
      const ready = () => {
        const view = document.querySelector(`.fm-article-text[aria-label="Article text: ${name}"]`);
        const done = !all || view?.closest('[data-highlights]')?.getAttribute('data-highlights') === 'complete';
        return !!view && done && drawn(view) === expected;
      };
      const t0 = performance.now();
      if (mark) performance.mark(openMark);
      button.click();
      // Checked at the start of each frame: the first frame that starts with the article ready is the one timed.
      return new Promise<number>((resolve) => {
        const poll = () => {
          if (!ready()) return requestAnimationFrame(poll);
          if (mark) performance.mark(readyMark);
          setTimeout(() => resolve(performance.now() - t0), 0);
        };
        requestAnimationFrame(poll);
      });
    },
    [title, highlights, complete, FIRST_SCREEN_PARAGRAPHS, marked, OPEN_MARK, READY_MARK] as const,
  );
}

/** Let the page go quiet (every highlight drawn, saves and garbage collection done) before the next timed open. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-highlights="complete"]').waitFor();
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * Each timed open starts from the other article, fully drawn and quiet, as a user's click would:
 * without claims, with claims (first screen), and with claims until every highlight is in place.
 * Times come from a Chromium trace: from the click to the end of the painting of the first frame
 * that shows the article ready.
 */
export async function openEach(page: Page, firstScreenClaims: number): Promise<{ withClaims: number[]; withAll: number[]; without: number[] }> {
  const from = async (title: string, highlights: number) => {
    await timeOpen(page, title, highlights, true);
    await settle(page);
  };
  await from('Without claims', 0); // warm-up
  await from('With claims', firstScreenClaims);
  const events = await recordTrace(page, async () => {
    for (let i = 0; i < OPEN_RUNS; i++) {
      await from('With claims', firstScreenClaims);
      await timeOpen(page, 'Without claims', 0, false, true);
      await settle(page);
      await timeOpen(page, 'With claims', firstScreenClaims, false, true);
      await settle(page);
      await from('Without claims', 0);
      await timeOpen(page, 'With claims', firstScreenClaims, true, true);
    }
  });
  const times = openTimes(events);
  if (times.length !== OPEN_RUNS * 3) throw new Error(`expected ${OPEN_RUNS * 3} timed opens, the trace has ${times.length}`);
  const nth = (k: number) => times.filter((_, i) => i % 3 === k);
  return { without: nth(0), withClaims: nth(1), withAll: nth(2) };
}
