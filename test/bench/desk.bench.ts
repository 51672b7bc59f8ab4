/**
 * Speed of the annotation desk in Chromium on a long article: 100,000 words (3,000 paragraphs)
 * with 2,000 claims (some overlapping or nested) against the same text with none. Measures, in
 * the page: open (request to the first screen painted with its highlights), one edit (create a
 * claim; change a status: the key press to the next painted frame, and the page's own work in
 * that time, from a Chromium trace), selecting a claim in the panel and scrolling to it, and the JS
 * heap after opening. Prints figures; not pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describeRange } from '../../src-shared/anchoring/describe';
import type { ClaimRecord, StatusId } from '../../src-shared/model';
import { STATUS_IDS } from '../../src-shared/statuses';
import { openFactmark } from '../../src-main/services/factmark';
import { findChromium, launchChromium } from '../e2e/support/chromium';
import { startWebHost } from '../e2e/support/web-host';
import { makeTempDir } from '../support/temp-library';
import { makeClaim } from '../support/claims';
import { printTraceBreakdown, profileEdits } from './cpu-profile';
import { EDIT_MARK, editFrames, OPEN_MARK, openTimes, READY_MARK, recordTrace, type EditFrame } from './frame-trace';
import { percentile } from './stats';

const PARAGRAPHS = 3_000;
const WORDS_PER_PARAGRAPH = 34; // 102,000 words
const CLAIMS = 2_000;
const OPEN_RUNS = 30;
/** Quiet time before each timed open, in ms. */
const SETTLE_MS = 150;
/** The paragraphs an open must have painted with every highlight in them (more than the opening screen shows). */
const FIRST_SCREEN_PARAGRAPHS = 20;
const EDIT_RUNS = 40;
const SELECT_RUNS = 40;

const VOCABULARY = (
  'the minister said growth exports rose percent last year council budget report figures claimed officials ' +
  'according to data showed fell unemployment inflation record highest lowest since government spokesperson ' +
  'announced promised million billion euros dollars tax health schools hospitals roads police crime rate'
).split(' ');

/** A deterministic pseudo-random generator, so every run measures the same article. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function makeParagraphs(variant: string): string[] {
  const next = rng(7);
  return Array.from({ length: PARAGRAPHS }, (_, p) => {
    const words = Array.from({ length: WORDS_PER_PARAGRAPH }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
    words[0] = `${variant}${p + 1}.`;
    return words.join(' ');
  });
}

/** 2,000 claims spread over the text: most on their own, every 8th overlapping and every 10th nested in the one before. */
function makeClaims(articleId: string, text: string): ClaimRecord[] {
  const next = rng(11);
  const claims: ClaimRecord[] = [];
  const step = Math.floor(text.length / CLAIMS);
  for (let i = 0; i < CLAIMS; i++) {
    let start = i * step + Math.floor(next() * (step / 3));
    let end = start + 20 + Math.floor(next() * 60);
    const prev = claims[i - 1]?.target.position;
    if (prev && i % 8 === 0) {
      start = prev.start + Math.floor((prev.end - prev.start) / 2);
      end = prev.end + 30;
    } else if (prev && i % 10 === 0) {
      start = prev.start + 3;
      end = Math.max(start + 4, prev.end - 3);
    }
    while (/\s/.test(text[start])) start++;
    while (/\s/.test(text[end - 1])) end--;
    const status = STATUS_IDS[i % STATUS_IDS.length] as StatusId;
    claims.push(
      makeClaim({
        id: `bench-${i}`,
        articleId,
        target: describeRange(text, start, end),
        claimant: `Speaker ${i % 37}`,
        status,
        evidence: i % 5 === 0 ? [{ id: `ev-${i}`, url: 'https://example.org/source', title: 'Source', date: '', citation: '', note: '', stance: 'supports' }] : [],
      }),
    );
  }
  return claims;
}

/**
 * Write both articles (with and without claims) into a fresh data folder through the services.
 * Returns how many claims start in the first screen's paragraphs of the article with claims.
 */
async function makeLibrary(dataDir: string): Promise<number> {
  let firstScreenClaims = 0;
  const factmark = await openFactmark({ dataDir, resourcesDir: resolve('resources'), seed: false });
  try {
    for (const [title, variant, withClaims] of [
      ['Without claims', 'P', false],
      ['With claims', 'Q', true],
    ] as const) {
      const paragraphs = makeParagraphs(variant);
      const doc = { type: 'doc', content: paragraphs.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) };
      const created = await factmark.dispatcher.call('library.create', { meta: { title }, doc });
      if (!created.ok) throw new Error(created.error.message);
      const articleId = (created.value as { id: string }).id;
      if (!withClaims) continue;
      const data = await factmark.ctx.store.article(articleId);
      const claims = makeClaims(articleId, paragraphs.join('\n\n'));
      const firstScreenEnd = paragraphs.slice(0, FIRST_SCREEN_PARAGRAPHS).join('\n\n').length;
      firstScreenClaims = claims.filter((c) => c.target.position.start < firstScreenEnd).length;
      await factmark.ctx.store.writeArticle({ ...data, claims });
    }
  } finally {
    await factmark.close();
  }
  return firstScreenClaims;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Open an article from the library list and wait for the first frame with the highlights of its
 * first screen, that is with `highlights` distinct claims drawn in its first paragraphs
 * (`complete` false), or with every highlight in place (`complete` true). With `marked`, the click
 * and that frame are marked for the trace (openTimes); returns a rough ms (to a task after that frame).
 */
async function timeOpen(page: Page, title: string, highlights: number, complete = false, marked = false): Promise<number> {
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
async function openEach(page: Page, firstScreenClaims: number): Promise<{ withClaims: number[]; withAll: number[]; without: number[] }> {
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

/**
 * Installed in the page before it loads. `frameAfter(act)` runs act, then resolves with the ms until
 * the next frame has been painted (a task after requestAnimationFrame). `atAnyPhase(n)` waits for
 * a frame and then a pseudo-random 0–16 ms, so successive key presses land at every phase of the
 * 60 Hz frame clock, as a user's do. `__name` is the helper tsx adds around named functions in the
 * callbacks below, which the page would otherwise lack.
 */
const PAGE_HELPERS = `
window.__name = (f) => f;
window.profileEdits = false;
window.frameAfter = (act) => new Promise((resolve) => {
  const t0 = performance.now();
  act();
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
});
window.atAnyPhase = (n) => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, (n * 7) % 17)));
window.pressKey = (target, key) => {
  performance.mark('${EDIT_MARK}');
  if (window.profileEdits) console.profile('edit');
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
    if (window.profileEdits) console.profileEnd('edit');
    resolve();
  }, 0)));
};`;

interface PageHelpers {
  frameAfter(act: () => void): Promise<number>;
  atAnyPhase(n: number): Promise<void>;
  /** Mark the edit for the trace, press the key, and resolve once the next frame is painted. */
  pressKey(target: EventTarget, key: string): Promise<void>;
}

/** Create a claim with the C key on a selection in the middle of the article, and check it is drawn and selected. */
async function createClaim(page: Page, i: number): Promise<void> {
  await page.evaluate(async (n) => {
    const helpers = window as unknown as PageHelpers;
    const paragraphs = document.querySelectorAll('.fm-article-text p');
    const p = paragraphs[(n * 71) % paragraphs.length];
    p.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let text: Text | null = null;
    for (let t = walker.nextNode(); t && !text; t = walker.nextNode()) if ((t.textContent?.length ?? 0) > 30) text = t as Text;
    if (!text) throw new Error('no long text in the paragraph');
    const expected = text.textContent!.slice(2, 22).trim();
    const range = document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 22);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    // A user takes far longer than this to select text and press a key: the scrolled-to part of
    // the article has been drawn (chunks coming into view are laid out a frame or two later).
    for (let f = 0; f < 4; f++) await helpers.atAnyPhase(0);
    await helpers.atAnyPhase(n);
    const highlighted = document.querySelectorAll('.fm-article-text [data-claim-id]').length;
    await helpers.pressKey(document.querySelector('.fm-article-text')!, 'c');
    const selected = document.querySelector<HTMLElement>('.fm-hl-selected');
    const row = document.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
    if (!selected || selected.textContent !== expected || row?.dataset.claimId !== selected.dataset.claimId) {
      throw new Error(`the claim was not drawn (${highlighted} highlights before)`);
    }
  }, i);
}

/** Pause before a status key, in ms: a reviewer presses it a moment after creating the claim, not within the same frames. */
const STATUS_PAUSE_MS = 100;

/**
 * Change the selected claim's status with a number key, and check the new status is drawn.
 * Returns false when the key was the claim's status already (a new claim's, for every sixth run):
 * nothing is drawn then, and the frame timed is the next one painted for whatever comes next.
 */
async function changeStatus(page: Page, i: number): Promise<boolean> {
  return page.evaluate(async ([n, pause]) => {
    const helpers = window as unknown as PageHelpers;
    const key = String((n % 6) + 1);
    const status = ['unverified', 'in-review', 'verified', 'disputed', 'false', 'misleading'][Number(key) - 1];
    await new Promise((resolve) => setTimeout(resolve, pause));
    await helpers.atAnyPhase(n + 5);
    const already = document.querySelector<HTMLElement>('.fm-hl-selected')?.classList.contains(`fm-hl-${status}`) ?? false;
    await helpers.pressKey(document.body, key);
    const selected = document.querySelector<HTMLElement>('.fm-hl-selected');
    if (!selected?.className.includes(status)) throw new Error('the status was not drawn');
    return !already;
  }, [i, STATUS_PAUSE_MS] as const);
}

/** The frame clock alone: ms from an action that draws nothing, at any phase of the clock, to the next painted frame. */
async function timeNothing(page: Page, i: number): Promise<number> {
  return page.evaluate(async (n) => {
    const helpers = window as unknown as PageHelpers;
    await helpers.atAnyPhase(n);
    return helpers.frameAfter(() => undefined);
  }, i);
}

/** Scroll the claims list somewhere, then click a row: ms to the frame painted with the article scrolled to it. */
async function timeSelect(page: Page, i: number): Promise<number> {
  return page.evaluate(
    async (n) => {
      const scroller = document.querySelector('.fm-claim-scroller')!;
      scroller.scrollTop = ((n * 7919) % 100) / 100 * (scroller.scrollHeight - scroller.clientHeight);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const rows = [...document.querySelectorAll<HTMLElement>('[role="option"][data-claim-id]')];
      const row = rows[Math.floor(rows.length / 2)];
      const main = document.querySelector('.fm-main')!;
      const before = main.scrollTop;
      const ms = await (window as unknown as PageHelpers).frameAfter(() => row.click());
      const hl = document.querySelector(`.fm-article-text [data-claim-id="${row.dataset.claimId}"]`);
      if (!hl?.classList.contains('fm-hl-selected')) throw new Error('the claim was not emphasised');
      const r = hl.getBoundingClientRect();
      const box = main.getBoundingClientRect();
      if (r.bottom < box.top || r.top > box.bottom) throw new Error(`the article was not scrolled to the claim (from ${before})`);
      return ms;
    },
    i,
  );
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function main(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new Error('No Chromium found: set CHROMIUM_PATH');
  const build = process.env.DESK_BENCH_NO_BUILD ? { status: 0 } : spawnSync('npm', ['run', 'build:web'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('npm run build:web failed');

  const dataDir = await makeTempDir('factmark-desk-bench-');
  const t = performance.now();
  const firstScreenClaims = await makeLibrary(dataDir);
  console.log(`Library written in ${((performance.now() - t) / 1000).toFixed(1)} s: ${PARAGRAPHS} paragraphs, ${PARAGRAPHS * WORDS_PER_PARAGRAPH} words, ${CLAIMS} claims`);

  const host = await startWebHost({ dataDir });
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(PAGE_HELPERS);
    await page.goto(host.openUrl);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /With claims/ }).waitFor();

    if (process.env.DESK_PROFILE) {
      // Only where the edits' time goes (see cpu-profile.ts), no timings.
      await timeOpen(page, 'With claims', firstScreenClaims, true);
      const edits = async () => {
        for (let i = 0; i < EDIT_RUNS; i++) {
          await createClaim(page, i);
          await changeStatus(page, i);
        }
      };
      if (process.env.DESK_PROFILE === 'trace') {
        const events = await recordTrace(page, edits);
        printTraceBreakdown(events, ['create', 'status']);
        return;
      }
      await profileEdits(page, ['create', 'status'], edits);
      return;
    }
    const open = await openEach(page, firstScreenClaims);
    const heapWith = await heapMB(page);
    await timeOpen(page, 'Without claims', 0);
    const heapWithout = await heapMB(page);
    await timeOpen(page, 'With claims', firstScreenClaims, true); // every highlight in place before editing

    const changed: boolean[] = [];
    const events = await recordTrace(page, async () => {
      for (let i = 0; i < EDIT_RUNS; i++) {
        await createClaim(page, i);
        changed.push(await changeStatus(page, i));
      }
    });
    const frames = editFrames(events);
    const create = frames.filter((_, i) => i % 2 === 0);
    const status = frames.filter((_, i) => i % 2 === 1);
    const nothing: number[] = [];
    for (let i = 0; i < EDIT_RUNS; i++) nothing.push(await timeNothing(page, i));
    const edit = (runs: EditFrame[]) => {
      const busy = runs.map((r) => r.busy);
      if (process.env.DESK_RUNS) console.log(`  page busy of each run: ${busy.map((b) => b.toFixed(1)).join(', ')}`); // to see the tail behind a p95
      const wall = runs.map((r) => r.wall);
      const cpu = runs.map((r) => r.cpu);
      return (
        `page busy p50 ${ms(percentile(busy, 50))}, p95 ${ms(percentile(busy, 95))} (target p95 <= 16 ms); its main-thread CPU p50 ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}; ` +
        `key press to painted frame p50 ${ms(percentile(wall, 50))}, p95 ${ms(percentile(wall, 95))}`
      );
    };
    const select: number[] = [];
    for (let i = 0; i < SELECT_RUNS; i++) select.push(await timeSelect(page, i));

    const ratio = percentile(open.withClaims, 50) / percentile(open.without, 50);
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Chromium ${browser.version()} headless`);
    console.log(`Open, request to the first screen painted with its highlights (all ${firstScreenClaims} claims in its first ${FIRST_SCREEN_PARAGRAPHS} paragraphs; median of ${OPEN_RUNS}): with ${CLAIMS} claims ${ms(percentile(open.withClaims, 50))}, without ${ms(percentile(open.without, 50))}; ratio ${ratio.toFixed(2)} (target <= 1.25)`);
    console.log(`  runs with claims: ${open.withClaims.map((n) => n.toFixed(0)).join(', ')}; without: ${open.without.map((n) => n.toFixed(0)).join(', ')}`);
    console.log(
      `Open until all ${CLAIMS} highlights are in place (the first 200 claims come with the article, the rest in a second call after the first paint): ${ms(percentile(open.withAll, 50))}; ratio ${(percentile(open.withAll, 50) / percentile(open.without, 50)).toFixed(2)}`,
    );
    console.log(`Create a claim (C key), ${EDIT_RUNS} runs: ${edit(create)}`);
    console.log(`Change a status (number key), ${EDIT_RUNS} runs: ${edit(status)}`);
    const same = changed.filter((c) => !c).length;
    if (same > 0) {
      const real = status.filter((_, i) => changed[i]);
      console.log(
        `  ${same} of those runs pressed the claim's own status (a new claim's), which draws nothing: their "frame" is the next one painted, for the next claim's scroll. ` +
          `The ${real.length} runs that changed the status: page busy p50 ${ms(percentile(real.map((r) => r.busy), 50))}, p95 ${ms(percentile(real.map((r) => r.busy), 95))}; CPU p95 ${ms(percentile(real.map((r) => r.cpu), 95))}`,
      );
    }
    console.log(
      `  Key presses land at every phase of the 60 Hz frame clock. "Page busy" is the main thread's work from the key press until that frame is painted (the handler, React's commit, ` +
        `any other task, and the frame's style, layout and paint), read from a Chromium trace; its CPU is the thread time of that work (busy minus the time other processes held the cores). ` +
        `The rest of "key press to painted frame" is waiting for the next refresh. ` +
        `The clock alone (nothing drawn, timed the same way): p50 ${ms(percentile(nothing, 50))}, p95 ${ms(percentile(nothing, 95))}.`,
    );
    console.log(`Select a claim in the panel and scroll to it: p50 ${ms(percentile(select, 50))}, p95 ${ms(percentile(select, 95))} (target p95 <= 50 ms, ${SELECT_RUNS} runs)`);
    console.log(`JS heap after opening (after GC): with claims ${heapWith.toFixed(1)} MB, without ${heapWithout.toFixed(1)} MB`);
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
