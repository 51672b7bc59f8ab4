/**
 * Runs @doyensec/electronegativity over the Electron and Node sources (src-main) and fails on any
 * finding that is not justified by an "electronegativity-ok <CHECK_ID>: <reason>" comment on or
 * just above the flagged line. The renderer's Content-Security-Policy is a meta tag the build adds
 * (electron.vite.config.ts), so the scan also gets a page carrying that same policy to evaluate.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/web/csp';
import { makeTempDir } from '../../support/temp-library';

const BIN = resolve('node_modules/.bin/electronegativity');
const ELECTRON_VERSION = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

/**
 * Checks left out, each with its reason: this one downloads Electron's release list, and CI has
 * no internet; the Electron version is pinned in package.json and upgraded there.
 */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

interface Finding {
  id: string;
  file: string | null;
  line: number;
  message: string;
}

/** Scan a copy of src-main plus the built page's CSP; the SARIF report's findings. */
async function scan(): Promise<{ findings: Finding[]; root: string }> {
  const root = await makeTempDir('factmark-electronegativity-');
  await cp(resolve('src-main'), join(root, 'src-main'), { recursive: true });
  await mkdir(join(root, 'renderer'));
  // As electron.vite.config.ts writes it: frame-ancestors is ignored in a meta tag, so it is left out there.
  const policy = CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, '');
  await writeFile(
    join(root, 'renderer', 'index.html'),
    `<!doctype html><html><head><meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="${policy}" /></head><body></body></html>`,
  );
  const report = join(root, 'report.sarif');
  const run = spawnSync(BIN, ['-i', root, '-o', report, '-r', '-v', 'false', '-e', ELECTRON_VERSION, '-x', EXCLUDED_CHECKS.join(',')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, run.stderr || run.stdout).toBe(0);
  const sarif = JSON.parse(await readFile(report, 'utf8')) as {
    runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  };
  const findings = sarif.runs[0].results.map((r) => {
    const where = r.locations[0]?.physicalLocation;
    const uri = where?.artifactLocation.uri ?? '';
    return { id: r.ruleId, file: uri && !uri.startsWith('file:') ? uri : null, line: where?.region.startLine ?? 0, message: r.message.text };
  });
  return { findings, root };
}

/** Generated files scanned above, and the source file whose comments justify findings in them. */
const SOURCE_OF: Record<string, string> = { 'renderer/index.html': 'src-main/web/csp.ts' };

/** The justification for a finding, if the flagged line or the two above it (or the generated file's source) carry one. */
async function justification(root: string, finding: Finding): Promise<string | null> {
  if (!finding.file) return null;
  const source = SOURCE_OF[finding.file];
  const lines = (await readFile(join(root, source ?? finding.file), 'utf8')).split('\n');
  const near = source ? lines.join('\n') : lines.slice(Math.max(0, finding.line - 3), finding.line).join('\n');
  const match = new RegExp(`electronegativity-ok ${finding.id}: (.{20,})`).exec(near);
  return match ? match[1] : null;
}

describe('electronegativity', () => {
  it('finds nothing in src-main that is not justified beside the code', async () => {
    const { findings, root } = await scan();
    // The scan must have read the Electron files: the preload is always reported for review.
    expect(findings.some((f) => f.id === 'PRELOAD_JS_CHECK' && f.file?.endsWith('electron/desktop.ts'))).toBe(true);
    const unjustified: string[] = [];
    for (const finding of findings) {
      if (!(await justification(root, finding))) unjustified.push(`${finding.id} at ${finding.file ?? '(global)'}:${finding.line} — ${finding.message.slice(0, 160)}`);
    }
    await rm(root, { recursive: true, force: true });
    expect(unjustified).toEqual([]);
  }, 180_000);
});
