/** Checks on raw bytes before any parsing: empty, too large, or a known binary format. */
import { FactmarkError } from '../../../src-shared/contract';

/** Largest input accepted for import (a file, a fetched page or a paste). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** Magic numbers of common binary formats that get renamed or mislabelled as text. */
const SIGNATURES: { name: string; bytes: number[]; at?: number }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP image', bytes: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'an old Word (.doc) file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/** The name of the binary format `bytes` starts with, if it is one we know. */
export function binaryFormatOf(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(({ bytes: sig, at = 0 }) => sig.every((b, i) => bytes[at + i] === b))?.name;
}

/** True when bytes start with a zip local-file header (as every .docx does). */
export function isZip(bytes: Uint8Array): boolean {
  return binaryFormatOf(bytes) === 'a zip archive';
}

/** Refuse empty and oversized input. `label` names it in the message ("report.html"). */
export function checkSize(bytes: Uint8Array, label: string): void {
  if (bytes.length === 0) throw new FactmarkError('invalid-input', `${label} is empty`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new FactmarkError('invalid-input', `${label} is over 25 MB (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`);
  }
}

/** Refuse bytes that are a known binary format, for converters that expect text. */
export function checkTextual(bytes: Uint8Array, label: string): void {
  const format = binaryFormatOf(bytes);
  if (format) throw new FactmarkError('invalid-input', `${label} is not a text file (it looks like ${format})`);
}

/** Refuse decoded text that holds NULs or many control characters: a binary file of an unknown kind. */
export function checkDecodedText(text: string, label: string): void {
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) controls += sample.length; // one NUL is enough
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0xfffd) controls++;
  }
  if (controls > sample.length * 0.01) throw new FactmarkError('invalid-input', `${label} is not a text file (it holds binary data)`);
}
