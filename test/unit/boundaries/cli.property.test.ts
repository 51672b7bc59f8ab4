/**
 * The CLI at its boundary: random and hostile argument lists never crash it; a failing run exits
 * 1 or 2 with a "factmark: " message on stderr and leaves the data folder unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { COMMANDS } from '../../../src-main/cli/commands';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';
import { HOSTILE_STRINGS } from './hostile-values';

let lib: TempLibrary;
let baseline: Record<string, string>;
let articleId: string;
const codes: Record<number, number> = {};

beforeAll(async () => {
  lib = await openTempLibrary();
  const article = await lib.call('library.create', {
    meta: { title: 'Budget' },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The deficit fell to 3 percent last year.' }] }] },
  });
  articleId = article.id;
  await lib.factmark.close();
  baseline = await snapshotFolder(lib.dir);
});
afterAll(async () => lib?.cleanup());

const word = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('--quote', '--status', '--occurrence', '--evidence', '--note', '--json', '--claimant', '-h', '--', '-', 'Budget', '0', '-1', '99999999999'),
).filter((w) => !w.startsWith('--data-dir')); // the runs must never point at a folder other than the test's

const argv = fc.oneof(
  fc.array(word, { maxLength: 8 }),
  fc.tuple(fc.constantFrom(...COMMANDS.map((c) => c.words)), fc.array(word, { maxLength: 6 })).map(([words, rest]) => [...words, ...rest]),
  fc.tuple(fc.constantFrom(...COMMANDS.map((c) => c.words)), fc.array(word, { maxLength: 4 })).map(([words, rest]) => [...words, articleId, ...rest]),
);

describe('the CLI refuses malformed arguments cleanly', () => {
  it('never crashes, explains each failure in one line and changes nothing when it fails', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const err: string[] = [];
        const out: string[] = [];
        // --data-dir comes first (before any random "--") and is the only one, so no run can point at another folder.
        const code = await runCli(['--data-dir', lib.dir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: { FACTMARK_DATA_DIR: lib.dir } });
        codes[code] = (codes[code] ?? 0) + 1;
        if (code === 0) {
          baseline = await snapshotFolder(lib.dir);
          return;
        }
        expect([1, 2]).toContain(code);
        // A bare or unknown command prints the usage (exit 2); everything else says what was wrong.
        if (err.length === 0) expect(code === 2 && out.join('\n')).toMatch(/^Usage: /);
        else expect(err.join('\n')).toMatch(/^(factmark: \S|\{"error":\{"code":"[a-z-]+","message":"\S)/); // --json errors are JSON
        expect(await snapshotFolder(lib.dir), args.join(' ')).toEqual(baseline);
      }),
      { numRuns: 300 },
    );
    // The runs must reach the commands, not only the argument parser.
    expect(codes[1] ?? 0).toBeGreaterThan(20);
  }, 120_000);
});
