/**
 * Golden files: every text format of the sample fixture, with a fixed clock and fixed ids, must
 * match test/fixtures/export/golden/* byte for byte. Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleLibrary, type SampleLibrary } from '../../fixtures/export/sample-library';

const GOLDEN_DIR = resolve('test/fixtures/export/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const TEXT_FORMATS = [
  ['html', 'sample.html'],
  ['md', 'sample.md'],
  ['csv', 'sample.csv'],
  ['json', 'sample.factmark.json'],
  ['w3c', 'sample.annotations.jsonld'],
  ['claimreview', 'sample.claimreview.jsonld'],
] as const;

describe('export golden files (sample article, fixed clock and ids)', () => {
  let sample: SampleLibrary;

  beforeAll(async () => {
    sample = await openSampleLibrary();
  });

  afterAll(async () => {
    await sample?.lib.cleanup();
  });

  it.each(TEXT_FORMATS)('%s matches %s', async (format, golden) => {
    const file = await sample.lib.call('export.article', { articleId: sample.articleId, format });
    if (!('text' in file)) throw new Error(`${format} should be a text format`);
    const path = join(GOLDEN_DIR, golden);
    if (UPDATE) await writeFile(path, file.text, 'utf8');
    if (!existsSync(path)) throw new Error(`Missing golden file ${golden}: run with UPDATE_GOLDEN=1 and commit it`);
    expect(file.text).toBe(await readFile(path, 'utf8'));
  });

  it('renders the same bytes twice (no hidden clock or randomness)', async () => {
    for (const [format] of TEXT_FORMATS) {
      const a = await sample.lib.call('export.article', { articleId: sample.articleId, format });
      const b = await sample.lib.call('export.article', { articleId: sample.articleId, format });
      expect(a).toEqual(b);
    }
  });
});
