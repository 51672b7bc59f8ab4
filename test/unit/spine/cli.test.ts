/** The CLI in-process (runCli) and once as a real process through `npm run cli`. */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../support/cli';
import { makeTempDir } from '../../support/temp-library';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCliIn(dir, ...args);

describe('cli', () => {
  it('lists the sample, adds a claim by quote and lists it, in text and JSON', async () => {
    const list = await cli('list', '--json');
    expect(list.code).toBe(0);
    const [sample] = JSON.parse(list.out);
    const add = await cli('claim', 'add', 'lavrov and', '--quote', 'no progress has been made', '--status', 'in review', '--claimant', 'News conferences', '--evidence', 'https://example.org/a', '--note', 'check transcripts');
    expect(add.err).toBe('');
    expect(add.out).toMatch(/^Added claim \S+ \(In review\)/);
    const listed = await cli('claim', 'list', sample.id, '--json');
    expect(listed.err).toBe('');
    const claims = JSON.parse(listed.out);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ status: 'in-review', claimant: 'News conferences', note: 'check transcripts', target: { quote: { exact: 'no progress has been made' } } });
    expect(claims[0].evidence[0].url).toBe('https://example.org/a');
    expect((await cli('show', sample.id)).out).toContain('Claims: 1 (In review 1)');
  });

  it('imports a text file and finds it by title prefix', async () => {
    const file = join(dir, 'note.txt');
    await writeFile(file, 'Budget vote delayed\n\nThe council said the vote moves to May.\n\nCritics said it was the third delay.');
    const imported = await cli('import', file, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toBeTruthy();
    const shown = await cli('show', 'budget vote');
    expect(shown.out).toContain('The council said the vote moves to May.');
  });

  it('gives a one-line error and a non-zero exit for bad input, changing nothing', async () => {
    await cli('list');
    const cases: string[][] = [
      ['claim', 'add', 'lavrov', '--quote', 'words that are not in the article'],
      ['claim', 'add', 'lavrov', '--quote', 'Kuleba', '--occurrence', '99'],
      ['claim', 'add', 'lavrov', '--quote', 'Kuleba', '--status', 'maybe'],
      ['claim', 'add', 'lavrov', '--quote', 'Kuleba', '--evidence', 'javascript:alert(1)'],
      ['show', 'no such article'],
      ['import', join(dir, 'missing.txt')],
      ['frobnicate'],
      ['claim', 'add', 'lavrov', '--bogus-flag'],
    ];
    for (const args of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.split('\n')[0]).toMatch(/^factmark: /);
    }
    expect(JSON.parse((await cli('list', '--json')).out)[0].claimCount).toBe(0);
  });

  it('runs as a real process with npm run cli', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'cli', '--', 'list', '--data-dir', dir], { timeout: 60_000 });
    expect(stdout).toMatch(/Lavrov and Kuleba meet in Antalya/);
  }, 60_000);
});
