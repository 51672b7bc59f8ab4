/**
 * Bounds on how far a zip archive (a .docx) may inflate, checked before any parser reads it: the
 * sizes its directory declares, then the bytes each entry really inflates to, counted as they
 * stream out and stopped as soon as an entry passes its declared size or the total passes the
 * limit. A 1 MB "zip bomb" whose document.xml inflates to gigabytes is refused after inflating at
 * most MAX_INFLATED_BYTES, instead of exhausting memory.
 */
import type { Readable } from 'node:stream';
import type JSZip from 'jszip';
import { FactmarkError } from '../../../src-shared/contract';

/** The most an archive may inflate to, all entries together. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

/** The most entries an archive may hold. */
export const MAX_ZIP_ENTRIES = 10_000;

/** The message for an archive over the limits. */
export function tooLargeWhenUnpacked(label: string): FactmarkError {
  return new FactmarkError('invalid-input', `${label} is too large when unpacked (over ${MAX_INFLATED_BYTES / 1024 / 1024} MB): this file is too large or too complex to import`);
}

/** The uncompressed size an entry's directory record declares (JSZip keeps it on the private `_data`). */
function declaredSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size >= 0 ? size : Number.POSITIVE_INFINITY;
}

/** Inflate one entry, counting bytes; rejects once it passes `allowed` bytes. Resolves to the bytes counted. */
function inflatedSize(entry: JSZip.JSZipObject, allowed: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const stream = entry.nodeStream('nodebuffer') as Readable;
    stream
      .on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > allowed) {
          stream.destroy(); // stops pulling: nothing more is inflated
          reject(new RangeError('over the limit'));
        }
      })
      .on('error', (error: Error) => reject(error))
      .on('end', () => resolve(count));
  });
}

/**
 * Check that `zip` inflates to at most `maxBytes` in all, with no entry inflating past the size
 * it declares. Throws invalid-input naming `label` otherwise.
 */
export async function checkInflatedSize(zip: JSZip, label: string, maxBytes = MAX_INFLATED_BYTES): Promise<void> {
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > MAX_ZIP_ENTRIES) throw new FactmarkError('invalid-input', `${label} holds over ${MAX_ZIP_ENTRIES} files: this file is too large or too complex to import`);
  const declared = entries.reduce((sum, entry) => sum + declaredSize(entry), 0);
  if (declared > maxBytes) throw tooLargeWhenUnpacked(label);
  let total = 0;
  for (const entry of entries) {
    try {
      total += await inflatedSize(entry, Math.min(declaredSize(entry), maxBytes - total));
    } catch (error) {
      if (error instanceof RangeError) throw tooLargeWhenUnpacked(label);
      throw new FactmarkError('invalid-input', `${label} is a damaged zip archive: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}
