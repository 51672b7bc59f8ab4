/**
 * Every importer, fed random and hostile bytes through import.file, either imports or refuses
 * with a known code and a one-line message, and a refusal leaves the data folder unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERTERS } from '../../../src-main/services/import';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { snapshotFolder } from '../../support/folder-snapshot';
import { HOSTILE_STRINGS } from './hostile-values';

const RUNS = 60;

let lib: TempLibrary;
let baseline: Record<string, string>;

beforeAll(async () => {
  lib = await openTempLibrary();
  baseline = await snapshotFolder(lib.dir);
});
afterAll(async () => lib?.cleanup());

/** Byte soups that look a little like each format: zip headers, BOMs, markup, binary. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00'), b])),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.concat([Buffer.from([0xff, 0xfe]), b])),
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => Buffer.from(`<html><head><title>${s}</title></head><body><p>${s}</p><script>${s}</script></body></html>`)),
  fc.string({ maxLength: 500 }).map((s) => Buffer.from(s, 'utf8')),
  fc.constant(Buffer.alloc(0)),
  fc.constant(Buffer.alloc(300, 0)),
);

describe('importers refuse malformed files cleanly', () => {
  for (const extension of Object.keys(CONVERTERS)) {
    it(`${extension} files`, async () => {
      await fc.assert(
        fc.asyncProperty(bytes, fc.constantFrom('article', '../../evil', '<b>x</b>', 'CON', 'a'.repeat(300)), async (data, stem) => {
          const result = await lib.factmark.dispatcher.call('import.file', { fileName: `${stem}${extension}`, dataBase64: Buffer.from(data).toString('base64') });
          if (result.ok) {
            baseline = await snapshotFolder(lib.dir);
            return;
          }
          expect(['invalid-input', 'invalid-request', 'conflict'], result.error.message).toContain(result.error.code);
          expect(result.error.message).toMatch(/^\S[^\n]*$/);
          expect(await snapshotFolder(lib.dir)).toEqual(baseline);
        }),
        { numRuns: RUNS },
      );
    }, 60_000);
  }
});
