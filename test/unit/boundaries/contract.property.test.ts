/**
 * Property tests at the contract boundary: thousands of random and hostile payloads go to every
 * operation through the Dispatcher. Each rejection must be a known code with a one-line message,
 * never an internal error, and must leave every file in the data folder byte-for-byte unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type CallResult, type OperationName } from '../../../src-shared/contract';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';
import { HOSTILE_STRINGS, HOSTILE_VALUES } from './hostile-values';

const RUNS = 200;
const KNOWN_CODES = ['invalid-request', 'not-found', 'conflict', 'invalid-input', 'read-only', 'locked'];

let lib: TempLibrary;
let baseline: Record<string, string>;
const valid: Partial<Record<OperationName, Record<string, unknown>>> = {};

const DOC = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The minister said exports rose 12 percent in 2025.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Critics called the figure misleading.' }] },
  ],
};

beforeAll(async () => {
  lib = await openTempLibrary();
  const article = await lib.call('library.create', { meta: { title: 'Exports' }, doc: DOC as never });
  const claim = await lib.call('claims.create', { articleId: article.id, range: { quote: 'exports rose 12 percent' }, claimant: 'the minister' });
  const [backup] = await lib.call('backups.list', { articleId: article.id });
  const a = article.id;
  Object.assign(valid, {
    'library.list': {},
    'library.get': { articleId: a },
    'library.create': { meta: { title: 'New' }, doc: DOC },
    'library.rename': { articleId: a, title: 'Renamed' },
    'library.updateMeta': { articleId: a, meta: { byline: 'B' } },
    'library.delete': { articleId: a },
    'claims.list': { articleId: a },
    'claims.create': { articleId: a, range: { quote: 'misleading' }, claimant: 'c', status: 'false', note: 'n', evidence: [] },
    'claims.update': { articleId: a, claimId: claim.id, baseRevision: claim.revision, patch: { note: 'x' } },
    'claims.delete': { articleId: a, claimId: claim.id },
    'claims.restore': { claim },
    'import.file': { fileName: 'a.txt', dataBase64: Buffer.from('Title\n\nBody text here.').toString('base64') },
    'import.url': { url: 'not a url' },
    'import.paste': { text: 'Pasted text.' },
    'backups.list': { articleId: a },
    'backups.restore': { articleId: a, backupId: backup.id },
    'store.notices': {},
    'prefs.get': {},
    'prefs.set': { reviewer: 'R' },
    'export.formats': {},
    'export.article': { articleId: a, format: 'md' },
    'export.library': { format: 'csv' },
    'export.restore': { format: 'json', content: '{}' },
  });
  await lib.factmark.flush();
  baseline = await snapshotFolder(lib.dir);
});

afterAll(async () => lib?.cleanup());

/** A value that is hostile for a field; for import.url never an http(s) address (no network in tests). */
function hostileValue(op: OperationName): fc.Arbitrary<unknown> {
  const values = op === 'import.url' ? HOSTILE_VALUES.filter((v) => typeof v !== 'string' || !/^\s*https?:/i.test(v)) : HOSTILE_VALUES;
  return fc.oneof(fc.constantFrom(...values), fc.string(), fc.integer(), fc.double(), fc.object({ maxDepth: 2 }));
}

/** Payloads for one operation: pure junk, or its valid payload with one field broken, dropped or added. */
function payloads(op: OperationName): fc.Arbitrary<unknown> {
  const base = valid[op] ?? {};
  const keys = Object.keys(base);
  const junk = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
  const broken = keys.length
    ? fc.tuple(fc.constantFrom(...keys), hostileValue(op)).map(([key, value]) => ({ ...base, [key]: value }))
    : junk;
  const nested = fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.string(), hostileValue(op)).map(([key, inner, value]) => {
    const field = base[key];
    return { ...base, [key]: typeof field === 'object' && field !== null && !Array.isArray(field) ? { ...field, [inner || 'k']: value } : value };
  });
  const dropped = keys.length ? fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))) : junk;
  const extra = fc.tuple(fc.string({ minLength: 1 }), hostileValue(op)).map(([key, value]) => ({ ...base, [key]: value }));
  return fc.oneof(junk, broken, nested, dropped, extra, fc.constantFrom(...HOSTILE_VALUES));
}

async function check(op: OperationName, payload: unknown): Promise<void> {
  const result = (await lib.factmark.dispatcher.call(op, payload)) as CallResult<unknown>;
  if (result.ok) {
    baseline = await snapshotFolder(lib.dir); // a mutation that happened to be valid: the new state is the baseline
    return;
  }
  expect(KNOWN_CODES, `${op}: ${result.error.message}`).toContain(result.error.code);
  expect(result.error.message).toMatch(/^\S[^\n]*$/);
  expect(result.error.message.length).toBeLessThan(1_000);
  expect(await snapshotFolder(lib.dir), `${op} changed files while refusing ${JSON.stringify(payload)?.slice(0, 200)}`).toEqual(baseline);
}

describe('every contract operation refuses malformed input without touching the store', () => {
  for (const op of OPERATION_NAMES) {
    it(op, async () => {
      await fc.assert(fc.asyncProperty(payloads(op), (payload) => check(op, payload)), { numRuns: RUNS });
    });
  }

  it('refuses unknown operation names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS), fc.anything()), async (name) => {
        const result = await lib.factmark.dispatcher.call(name, {});
        if (typeof name === 'string' && (OPERATION_NAMES as string[]).includes(name)) return;
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Unknown operation: /) } });
      }),
      { numRuns: RUNS },
    );
    expect(await snapshotFolder(lib.dir)).toEqual(baseline);
  });
});
