/**
 * A PdfPrinter over a local Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by
 * playwright-core. The page gets no JavaScript and no network: every request is aborted.
 */
import { accessSync, constants } from 'node:fs';
import { FactmarkError } from '../../../src-shared/contract';
import { EMPTY_HEADER, footerTemplate, type PdfPrinter } from './pdf';

/** The one-line message when no Chromium can be found. */
export const CHROMIUM_MISSING = 'PDF export needs Chromium: install it or set CHROMIUM_PATH';

/** Where Chromium is looked for when CHROMIUM_PATH is not set. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a quiet, headless Chromium that talks to nothing. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use: CHROMIUM_PATH when set (it must exist), else the first candidate found; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

/** A printer that launches Chromium at `executablePath` for each document and closes it after. */
export function createChromiumPrinter(executablePath: string): PdfPrinter {
  return async (html, { title }) => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      // Tagged (a structure tree for screen readers and reflow), with the running title and page numbers in the footer.
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: EMPTY_HEADER,
        footerTemplate: footerTemplate(title),
      });
    } finally {
      await browser.close();
    }
  };
}

/** The Chromium printer for this machine; throws CHROMIUM_MISSING when there is no Chromium. */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  const path = findChromium(env);
  if (!path) throw new FactmarkError('internal', CHROMIUM_MISSING);
  return createChromiumPrinter(path);
}
