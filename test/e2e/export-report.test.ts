/**
 * The exported report in a real Chromium: every claim highlighted and numbered, hostile content
 * inert (nothing runs, nothing loads), status colours applied; and the PDF printed by Chromium,
 * whose extracted text (pdfjs-dist) holds every quote.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import { STATUSES } from '../../src-shared/statuses';
import { HOSTILE_CLAIMANT, openSampleLibrary, type SampleLibrary } from '../fixtures/export/sample-library';
import { makeTempDir } from '../support/temp-library';
import { chromiumOrExplain, launchChromium } from './support/chromium';

const chromiumPath = chromiumOrExplain();

/** The text of each page of a PDF, as pdfjs extracts it. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

/** All text of a PDF. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

const squash = (s: string) => s.replace(/\s+/g, '');
const numbers = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);

describe.skipIf(!chromiumPath)('exported report in Chromium', () => {
  let sample: SampleLibrary;
  let browser: Browser;
  let html: string;

  beforeAll(async () => {
    sample = await openSampleLibrary();
    browser = await launchChromium(chromiumPath!);
    const file = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'html' });
    html = 'text' in file ? file.text : '';
  });

  afterAll(async () => {
    await browser?.close();
    await sample?.lib.cleanup();
  });

  it('shows every claim highlighted and numbered, runs nothing and loads nothing', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(html, { waitUntil: 'load' });
    const ids = await page.$$eval('.article-text mark[data-claim]', (marks) => [...new Set(marks.map((m) => m.getAttribute('data-claim')))]);
    expect(ids.sort()).toEqual(sample.claims.map((c) => c.id).sort());
    expect(await page.locator('.article-text .claim-num').count()).toBe(sample.claims.length);
    expect(await page.locator('section.claim').count()).toBe(sample.claims.length);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('img, script').count()).toBe(0);
    await expect.poll(() => page.locator('#claim-1 .claimant').textContent()).toBe(HOSTILE_CLAIMANT);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    for (const s of STATUSES) {
      const mark = page.locator(`.article-text mark.s-${s.id}`).first();
      if ((await mark.count()) === 0) continue;
      const background = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(numbers(background), s.id).toEqual(numbers(s.colour));
    }
    // The number labels link to their entries.
    await page.locator('.article-text a.claim-num').first().click();
    expect(await page.evaluate(() => location.hash)).toBe('#claim-1');
    await page.close();
  });

  it('prints a PDF with selectable text that holds every quote', async () => {
    const file = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'pdf' });
    if (!('dataBase64' in file)) throw new Error('PDF should come as bytes');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(await pdfText(new Uint8Array(bytes)));
    for (const c of sample.claims) expect(text, c.target.quote.exact).toContain(squash(c.target.quote.exact));
    expect(text).toContain(squash(HOSTILE_CLAIMANT));
    expect(text).toContain(squash('Lavrov and Kuleba meet in Antalya'));
  });

  it('numbers the PDF’s pages under a running title, keeps links, and is tagged', async () => {
    const file = await sample.lib.call('export.article', { articleId: sample.articleId, format: 'pdf' });
    if (!('dataBase64' in file)) throw new Error('PDF should come as bytes');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const pages = (await pdfPages(new Uint8Array(bytes))).map(squash);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(squash(`Page ${i + 1} of ${pages.length}`));
      expect(page).toContain(squash('Fact-check: Lavrov and Kuleba meet in Antalya'));
    });
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/URI\s*\(https:\/\/news\.example\/world\/antalya-talks\)/);
  });

  it('writes the PDF from the CLI', async () => {
    const out = await makeTempDir('factmark-pdf-');
    try {
      await sample.lib.factmark.flush();
      const lines: string[] = [];
      const code = await runCli(['export', sample.articleId, '--format', 'pdf', '--out', join(out, 'r.pdf'), '--data-dir', sample.lib.dir], {
        out: (l) => lines.push(l),
        err: (l) => lines.push(l),
        env: {},
      });
      expect(lines.join('\n')).toMatch(/^Wrote .*r\.pdf \(PDF report, \d+ bytes\)$/);
      expect(code).toBe(0);
      const bytes = await readFile(join(out, 'r.pdf'));
      expect(squash(await pdfText(new Uint8Array(bytes)))).toContain(squash(sample.claims[0].target.quote.exact));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
