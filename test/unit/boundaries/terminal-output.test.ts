/**
 * The CLI never sends a terminal escape sequence or a bidirectional override it read from the
 * library (issue 17, items 6 and 7): titles, claimants, quotes and notes holding ESC ] 52
 * (clipboard), OSC 8 links, ESC [ 2J or U+202E reach `list`, `show`, `claim list` and errors
 * shown visibly; --json output carries them as \u escapes with the same parsed value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTerminal } from '../../../src-main/cli/terminal-text';
import { runCliIn } from '../../support/cli';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';

const ESC = '\u001b';
const CLIPBOARD = `${ESC}]52;c;ZXZpbA==\u0007`;
const LINK = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
const CLEAR = `${ESC}[2J`;
const CSI_C1 = '\u009b31m';
const RLO = '\u202e';
const TITLE = `Port talks ${CLIPBOARD}${CLEAR} report${RLO}txt.exe`;
const TEXT = `The council approved the expansion ${LINK} on Tuesday. The minister said 1,800 jobs.`;

/** Any character a terminal could act on, or that reorders what is shown. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let lib: TempLibrary;
let articleId: string;

beforeAll(async () => {
  lib = await openTempLibrary();
  const article = await lib.call('library.create', {
    meta: { title: TITLE, byline: `Lee ${CSI_C1}Chen` },
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
  });
  articleId = article.id;
  await lib.call('claims.create', { articleId, range: { quote: 'The minister said 1,800 jobs.' }, claimant: `Minister ${RLO}gnoW${CLEAR}`, note: `note ${CLIPBOARD}` });
  await lib.factmark.close();
});
afterAll(async () => lib.cleanup());

describe('human-readable CLI output', () => {
  it.each([['list'], ['show', 'id0001'], ['claim', 'list', 'id0001']])('%s %s shows control and bidi characters visibly', async (...args) => {
    const r = await runCliIn(lib.dir, ...args.filter(Boolean));
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.out).toContain('␛');
    expect(r.out).toContain('<U+202E>');
  });

  it('shows the title in `list` as visible text on one line', async () => {
    const r = await runCliIn(lib.dir, 'list');
    expect(r.out).toBe(`${articleId}  Port talks ␛]52;c;ZXZpbA==␇␛[2J report<U+202E>txt.exe  (1 claim)`);
  });

  it('keeps error messages that quote library text free of raw controls', async () => {
    const r = await runCliIn(lib.dir, 'show', `Port talks ${ESC}[2J nothing`);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(RAW);
  });

  it('escapes them in --json output, which still parses to the same values', async () => {
    const r = await runCliIn(lib.dir, 'claim', 'list', articleId, '--json');
    expect(r.out).not.toMatch(RAW);
    const claims = JSON.parse(r.out);
    expect(claims[0].claimant).toBe(`Minister ${RLO}gnoW${CLEAR}`);
    const show = await runCliIn(lib.dir, 'show', articleId, '--json');
    expect(show.out).not.toMatch(RAW);
    expect(JSON.parse(show.out).article.byline).toBe(`Lee ${CSI_C1}Chen`);
  });
});

describe('forTerminal', () => {
  it('turns controls into pictures and bidi controls into codes, and leaves ordinary text alone', () => {
    expect(forTerminal(`a${ESC}[2Jb\tc\nd\u007f`)).toBe('a␛[2Jb␉c␊d␡');
    expect(forTerminal(`x${RLO}y\u2066z\u200f`)).toBe('x<U+202E>y<U+2066>z<U+200F>');
    expect(forTerminal('Zürich — “quoted” 東京 🙂')).toBe('Zürich — “quoted” 東京 🙂');
  });
});
