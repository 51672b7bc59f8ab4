/**
 * Speed of the annotation desk in Chromium on a long article: 100,000 words (3,000 paragraphs)
 * with 2,000 claims (some overlapping or nested) against the same text with none. Measures, in
 * the page: open (request to highlights painted), one edit (create a claim; change a status: the
 * command to the next painted frame), selecting a claim in the panel and scrolling to it, and the
 * JS heap after opening. Prints figures; not pass/fail.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describeRange } from '../../src-shared/anchoring/describe';
import type { ClaimRecord, StatusId } from '../../src-shared/model';
import { STATUS_IDS } from '../../src-shared/statuses';
import { openFactmark } from '../../src-main/services/factmark';
import { saveArticle } from '../../src-main/services/library';
import { findChromium, launchChromium } from '../e2e/support/chromium';
import { startWebHost } from '../e2e/support/web-host';
import { makeTempDir } from '../support/temp-library';
import { makeClaim } from '../support/claims';

const PARAGRAPHS = 3_000;
const WORDS_PER_PARAGRAPH = 34; // 102,000 words
const CLAIMS = 2_000;
const OPEN_RUNS = 10;
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
        evidence: i % 5 === 0 ? [{ id: `ev-${i}`, url: 'https://example.org/source', title: 'Source', note: '', stance: 'supports' }] : [],
      }),
    );
  }
  return claims;
}

/**
 * Write both articles (with and without claims) into a fresh data folder through the services.
 * Returns how many claims start in the first screen's paragraphs of the article with claims.
 */
export async function makeLibrary(dataDir: string): Promise<number> {
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
      await saveArticle(factmark.ctx, { ...data, claims }, { reindex: true });
    }
  } finally {
    await factmark.close();
  }
  return firstScreenClaims;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (values: number[]) => percentile(values, 50);
const ms = (n: number) => `${n.toFixed(1)} ms`;

/**
 * Open an article from the library list: ms from the click to the first frame painted with the
 * highlights of its first screen, that is with `highlights` distinct claims drawn in its first
 * paragraphs (`complete` false), or with every highlight in place (`complete` true).
 */
export async function timeOpen(page: Page, title: string, highlights: number, complete = false): Promise<number> {
  return page.evaluate(
    async ([name, expected, all, paragraphs]) => {
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
      button.click();
      // Checked at the start of each frame: once the article is there, the task after that frame's paint stops the clock.
      return new Promise<number>((resolve) => {
        const poll = () => (ready() ? setTimeout(() => resolve(performance.now() - t0), 0) : requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      });
    },
    [title, highlights, complete, FIRST_SCREEN_PARAGRAPHS] as const,
  );
}

/** Switch to the other article and back, so every open starts from another article, as a user's would. */
async function openEach(page: Page, firstScreenClaims: number): Promise<{ withClaims: number[]; withAll: number[]; without: number[] }> {
  const withClaims: number[] = [];
  const withAll: number[] = [];
  const without: number[] = [];
  await timeOpen(page, 'Without claims', 0); // warm-up
  await timeOpen(page, 'With claims', firstScreenClaims);
  for (let i = 0; i < OPEN_RUNS; i++) {
    without.push(await timeOpen(page, 'Without claims', 0));
    withClaims.push(await timeOpen(page, 'With claims', firstScreenClaims));
    await timeOpen(page, 'Without claims', 0);
    withAll.push(await timeOpen(page, 'With claims', firstScreenClaims, true));
  }
  return { withClaims, withAll, without };
}

/**
 * Installed in the page before it loads: `frameAfter(act)` runs act, then resolves with the ms until
 * the next frame has been painted (a task after requestAnimationFrame). It also leaves in
 * `window.lastWork` the part of that time the page was busy with it: act and the microtasks it
 * queued (React's commit), plus that frame from its start (before any animation-frame callback the
 * edit asked for) to after its paint (style, layout, paint); the rest is waiting for the frame
 * clock (60 Hz), which no page can shorten. `__name` is the helper tsx adds around named functions
 * in the callbacks below, which the page would otherwise lack.
 */
export const PAGE_HELPERS = `
window.__name = (f) => f;
window.frameAfter = (act) => new Promise((resolve) => {
  const t0 = performance.now();
  let handled = 0;
  let frame = 0;
  requestAnimationFrame(() => { frame = performance.now(); });
  act();
  queueMicrotask(() => { handled = performance.now() - t0; });
  requestAnimationFrame(() => {
    setTimeout(() => {
      const end = performance.now();
      window.lastWork = handled + (end - frame);
      resolve(end - t0);
    }, 0);
  });
});`;

/** One edit's figures: ms from the command to the painted frame, and how much of it the page was busy. */
export interface EditTiming {
  ms: number;
  work: number;
}

type FrameAfter = (act: () => void) => Promise<number>;

/** Create a claim with the C key on a selection in the middle of the article: ms to the painted frame. */
export async function timeCreate(page: Page, i: number): Promise<EditTiming> {
  return page.evaluate(
    async (n) => {
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
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const highlighted = document.querySelectorAll('.fm-article-text [data-claim-id]').length;
      const ms = await (window as unknown as { frameAfter: FrameAfter }).frameAfter(() =>
        document.querySelector('.fm-article-text')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, cancelable: true })),
      );
      const selected = document.querySelector<HTMLElement>('.fm-hl-selected');
      const row = document.querySelector<HTMLElement>('[role="option"][aria-selected="true"]');
      if (!selected || selected.textContent !== expected || row?.dataset.claimId !== selected.dataset.claimId) {
        throw new Error(`the claim was not drawn (${highlighted} highlights before)`);
      }
      return { ms, work: (window as unknown as { lastWork: number }).lastWork };
    },
    i,
  );
}

/** Change the selected claim's status with a number key: ms to the painted frame. */
export async function timeStatus(page: Page, i: number): Promise<EditTiming> {
  return page.evaluate(
    async (n) => {
      const key = String((n % 6) + 1);
      const ms = await (window as unknown as { frameAfter: FrameAfter }).frameAfter(() =>
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })),
      );
      const selected = document.querySelector<HTMLElement>('.fm-hl-selected');
      if (!selected?.className.includes(['unverified', 'in-review', 'verified', 'disputed', 'false', 'misleading'][Number(key) - 1])) throw new Error('the status was not drawn');
      return { ms, work: (window as unknown as { lastWork: number }).lastWork };
    },
    i,
  );
}

/**
 * The frame clock alone: an action that draws nothing, timed like an edit. `afterFrame` true starts
 * it right after a painted frame, as timeCreate's key press is (it waits a frame for the selection
 * to settle), so the next frame is a whole 60 Hz interval away; false starts it whenever the call
 * arrives, as timeStatus's key press is.
 */
export async function timeNothing(page: Page, afterFrame: boolean): Promise<number> {
  return page.evaluate(async (settle) => {
    if (settle) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return (window as unknown as { frameAfter: FrameAfter }).frameAfter(() => undefined);
  }, afterFrame);
}

/** Scroll the claims list somewhere, then click a row: ms to the frame painted with the article scrolled to it. */
export async function timeSelect(page: Page, i: number): Promise<number> {
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
      const ms = await (window as unknown as { frameAfter: FrameAfter }).frameAfter(() => row.click());
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

    const open = await openEach(page, firstScreenClaims);
    const heapWith = await heapMB(page);
    await timeOpen(page, 'Without claims', 0);
    const heapWithout = await heapMB(page);
    await timeOpen(page, 'With claims', firstScreenClaims, true); // every highlight in place before editing

    const create: EditTiming[] = [];
    const status: EditTiming[] = [];
    const nothingAfterFrame: number[] = [];
    const nothing: number[] = [];
    for (let i = 0; i < EDIT_RUNS; i++) {
      create.push(await timeCreate(page, i));
      status.push(await timeStatus(page, i));
      nothingAfterFrame.push(await timeNothing(page, true));
      nothing.push(await timeNothing(page, false));
    }
    const edit = (runs: EditTiming[]) => {
      const total = runs.map((r) => r.ms);
      const work = runs.map((r) => r.work);
      return `p50 ${ms(median(total))}, p95 ${ms(percentile(total, 95))}; busy p50 ${ms(median(work))}, p95 ${ms(percentile(work, 95))}`;
    };
    const select: number[] = [];
    for (let i = 0; i < SELECT_RUNS; i++) select.push(await timeSelect(page, i));

    const ratio = median(open.withClaims) / median(open.without);
    console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Chromium ${browser.version()} headless`);
    console.log(`Open, request to the first screen painted with its highlights (all ${firstScreenClaims} claims in its first ${FIRST_SCREEN_PARAGRAPHS} paragraphs; median of ${OPEN_RUNS}): with ${CLAIMS} claims ${ms(median(open.withClaims))}, without ${ms(median(open.without))}; ratio ${ratio.toFixed(2)} (target <= 1.25)`);
    console.log(`  runs with claims: ${open.withClaims.map((n) => n.toFixed(0)).join(', ')}; without: ${open.without.map((n) => n.toFixed(0)).join(', ')}`);
    console.log(
      `Open until all ${CLAIMS} highlights are in place (the first 200 claims come with the article, the rest in a second call after the first paint): ${ms(median(open.withAll))}; ratio ${(median(open.withAll) / median(open.without)).toFixed(2)}`,
    );
    console.log(`Create a claim (C key) to painted frame: ${edit(create)} (target p95 <= 16 ms, ${EDIT_RUNS} runs)`);
    console.log(`Change a status (number key) to painted frame: ${edit(status)} (target p95 <= 16 ms, ${EDIT_RUNS} runs)`);
    console.log(
      `  The frame clock alone (nothing drawn, timed the same way): from right after a frame, as the C key is pressed, p50 ${ms(median(nothingAfterFrame))}, p95 ${ms(percentile(nothingAfterFrame, 95))}; ` +
        `as the number key is, p50 ${ms(median(nothing))}, p95 ${ms(percentile(nothing, 95))}. "Busy" is the page's own time in an edit (handler, commit, and that frame's style, layout and paint); the rest is waiting for the next frame.`,
    );
    console.log(`Select a claim in the panel and scroll to it: p50 ${ms(median(select))}, p95 ${ms(percentile(select, 95))} (target p95 <= 50 ms, ${SELECT_RUNS} runs)`);
    console.log(`JS heap after opening (after GC): with claims ${heapWith.toFixed(1)} MB, without ${heapWithout.toFixed(1)} MB`);
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Run when started as a script (npm run bench), not when imported for profiling.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
