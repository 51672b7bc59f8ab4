/** axe-core in a page (injected from node_modules; the page must be opened with bypassCSP): the serious and critical accessibility findings. */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = resolve('node_modules/axe-core/axe.min.js');

export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Run axe on the page; the serious and critical findings. */
export async function seriousFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
