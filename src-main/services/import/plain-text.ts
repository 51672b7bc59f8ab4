/** Plain text -> article document: paragraphs split on blank lines, or on line breaks when there are none. */
import { FactmarkError } from '../../../src-shared/contract';
import { parseDoc } from '../documents';
import type { Converted, Converter } from './converted';
import type { DocJSONValue } from './doc-json';
import { paragraphsDoc } from './doc-json';
import { decodePlain, charsetOf } from './encoding';
import { checkDecodedText, checkTextual } from './input-checks';

/** Split text into paragraphs the way the text suggests. */
export function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const byBlankLine = normalised.split(/\n[ \t]*\n+/);
  const parts = byBlankLine.length > 1 ? byBlankLine.map((p) => p.replace(/\s*\n\s*/g, ' ')) : normalised.split('\n');
  return parts.map((p) => p.replace(/[ \t\u00A0]+/g, ' ').trim()).filter((p) => p.length > 0);
}

export function plainTextToDoc(text: string): DocJSONValue {
  return paragraphsDoc(splitParagraphs(text));
}

/** The title a plain text suggests: its first paragraph when short, unpunctuated and followed by more. */
export function suggestedTitle(paragraphs: readonly string[]): string | undefined {
  const first = paragraphs[0] ?? '';
  return paragraphs.length > 1 && first.length <= 150 && !/[.!?:;,]$/.test(first) ? first : undefined;
}

/** Decoded text -> converted article; `label` names it in the error for no text. */
export function convertText(text: string, label: string): Converted {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) throw new FactmarkError('invalid-input', `${label} has no text to import`);
  return { meta: { title: suggestedTitle(paragraphs) }, doc: parseDoc(paragraphsDoc(paragraphs)) };
}

/** A .txt file (any encoding with a BOM or declared charset; else UTF-8 or windows-1252). */
export const convertPlainText: Converter = (bytes, source) => {
  checkTextual(bytes, source.label);
  const text = decodePlain(bytes, charsetOf(source.contentType));
  checkDecodedText(text, source.label);
  return convertText(text, source.label);
};
