/** The export and restore-export CLI commands, in-process over a temp data folder. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { CHROMIUM_MISSING } from '../../../src-main/services/export/chromium-printer';
import { FactmarkExport } from '../../../src-main/services/export/json';
import { W3cAnnotationCollection } from '../../../src-main/services/export/w3c-schema';
import { SCHEMA_VERSION } from '../../../src-main/store/files';
import { makeTempDir } from '../../support/temp-library';
import { openSampleLibrary, type SampleLibrary } from '../../fixtures/export/sample-library';

let sample: SampleLibrary;
let out: string;

beforeEach(async () => {
  sample = await openSampleLibrary();
  await sample.lib.factmark.flush();
  out = await makeTempDir('factmark-export-out-');
});

afterEach(async () => {
  await sample.lib.cleanup();
  await rm(out, { recursive: true, force: true });
});

const cli = runCliIn;

describe('export command', () => {
  it('writes every text format for one article, by title prefix', async () => {
    for (const format of ['html', 'md', 'csv', 'json', 'w3c', 'claimreview']) {
      const file = join(out, `report.${format}`);
      const r = await cli(sample.lib.dir, 'export', 'lavrov and kuleba', '--format', format, '--out', file);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
    }
    const html = await readFile(join(out, 'report.html'), 'utf8');
    for (const c of sample.claims) expect(html).toContain(`data-claim="${c.id}"`);
    const json = FactmarkExport.parse(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    expect(json.articles[0].claims).toHaveLength(sample.claims.length);
    W3cAnnotationCollection.parse(JSON.parse(await readFile(join(out, 'report.w3c'), 'utf8')));
    const csv = await readFile(join(out, 'report.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Papa.parse(csv.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(sample.claims.length);
  });

  it('exports only --claims, in document order', async () => {
    const [first, second] = sample.claims;
    const file = join(out, 'some.json');
    expect((await cli(sample.lib.dir, 'export', sample.articleId, '--format', 'json', '--out', file, '--claims', `${second.id},${first.id}`)).code).toBe(0);
    const ids = FactmarkExport.parse(JSON.parse(await readFile(file, 'utf8'))).articles[0].claims.map((c) => c.id);
    expect(new Set(ids)).toEqual(new Set([first.id, second.id]));
    const missing = await cli(sample.lib.dir, 'export', sample.articleId, '--format', 'json', '--out', join(out, 'x.json'), '--claims', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`factmark: No claim with id nope in article ${sample.articleId}`);
  });

  it('with --all: one file for collection formats, one file per article into a folder for reports', async () => {
    const second = join(out, 'second.txt');
    await writeFile(second, 'Second story\n\nA council member said the budget doubled.');
    await sample.lib.factmark.close();
    expect((await cli(sample.lib.dir, 'import', second)).code).toBe(0);
    const all = join(out, 'all.factmark.json');
    expect((await cli(sample.lib.dir, 'export', '--all', '--format', 'json', '--out', all)).code).toBe(0);
    expect(FactmarkExport.parse(JSON.parse(await readFile(all, 'utf8'))).articles.map((a) => a.article.title).sort()).toEqual(
      ['Lavrov and Kuleba meet in Antalya: no progress on ceasefire', 'Second story'].sort(),
    );
    const folder = join(out, 'reports');
    const r = await cli(sample.lib.dir, 'export', '--all', '--format', 'md', '--out', folder);
    expect(r.out).toBe(`Wrote 2 md files to ${folder}`);
    expect((await readdir(folder)).sort()).toEqual(['lavrov-and-kuleba-meet-in-antalya-no-progress-on-ceasefire.md', 'second-story.md']);
  });

  it('refuses bad input with one line and exit 1 or 2, writing nothing', async () => {
    await writeFile(join(out, 'existing.txt'), 'keep');
    const cases: [string[], number, RegExp][] = [
      [['export', sample.articleId, '--format', 'docx', '--out', join(out, 'a.docx')], 2, /unknown format "docx"; use one of html, pdf, md, csv, json, w3c, claimreview/],
      [['export', sample.articleId, '--out', join(out, 'a.html')], 2, /--format is required/],
      [['export', sample.articleId, '--format', 'html'], 2, /--out FILE is required/],
      [['export', '--format', 'html', '--out', join(out, 'a.html')], 2, /missing article/],
      [['export', sample.articleId, '--all', '--format', 'json', '--out', join(out, 'a.json')], 2, /not both/],
      [['export', sample.articleId, '--format', 'html', '--out', join(out, 'no-such-folder', 'a.html')], 1, /does not exist/],
      [['export', sample.articleId, '--format', 'html', '--out', out], 1, /is a folder/],
      [['export', '--all', '--format', 'html', '--out', join(out, 'existing.txt')], 1, /is a file/],
      [['export', 'no such article', '--format', 'html', '--out', join(out, 'a.html')], 1, /No article/],
    ];
    for (const [args, code, message] of cases) {
      const r = await cli(sample.lib.dir, ...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err.split('\n')[0]).toMatch(message);
    }
    expect(await readdir(out)).toEqual(['existing.txt']);
  });

  it('says in one line that PDF needs Chromium when there is none, and writes nothing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(out, 'no-chromium-here');
    try {
      const r = await cli(sample.lib.dir, 'export', sample.articleId, '--format', 'pdf', '--out', join(out, 'a.pdf'));
      expect(r.code).toBe(1);
      expect(r.err).toBe(`factmark: ${CHROMIUM_MISSING}`);
      expect(existsSync(join(out, 'a.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

describe('restore-export command', () => {
  it('restores a JSON export, and a W3C export with --article-json, into empty libraries exactly', async () => {
    const json = join(out, 'a.factmark.json');
    const w3c = join(out, 'a.annotations.jsonld');
    await cli(sample.lib.dir, 'export', sample.articleId, '--format', 'json', '--out', json);
    await cli(sample.lib.dir, 'export', sample.articleId, '--format', 'w3c', '--out', w3c);
    const original = await sample.lib.call('library.get', { articleId: sample.articleId });
    for (const args of [[json], [w3c, '--article-json', json]]) {
      const target = join(out, `lib-${args.length}`);
      await mkdir(target);
      await writeFile(join(target, 'index.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION, articles: [] }));
      const r = await cli(target, 'restore-export', ...args);
      expect(r.err).toBe('');
      expect(r.out).toBe(`Restored 1 article:\n${sample.articleId}  ${original.article.title}  (${sample.claims.length} claims)`);
      const shown = await cli(target, 'show', sample.articleId, '--json');
      expect(JSON.parse(shown.out)).toEqual(original);
    }
    const again = await cli(sample.lib.dir, 'restore-export', json);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already in the library/);
  });

  it('refuses files that are not Factmark or W3C exports', async () => {
    const bad = join(out, 'bad.json');
    await writeFile(bad, '{"hello": 1}');
    const r = await cli(sample.lib.dir, 'restore-export', bad);
    expect(r.code).toBe(1);
    expect(r.err).toBe('factmark: bad.json is neither a Factmark JSON export nor a W3C AnnotationCollection');
    expect((await cli(sample.lib.dir, 'restore-export', join(out, 'missing.json'))).err).toMatch(/^factmark: Cannot read the export file .*ENOENT$/);
  });
});
