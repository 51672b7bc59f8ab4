/** Plain text -> article document: paragraphs split on blank lines, or on line breaks when there are none. */
import type { DocJSONValue } from './doc-json';
import { paragraphsDoc } from './doc-json';

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
