/** Pasted content -> article: rich HTML through the sanitiser (falling back to its plain text), or plain text. */
import { FactmarkError } from '../../../src-shared/contract';
import type { Converted } from './converted';
import { convertHtml } from './html';
import { convertText } from './plain-text';

/** Rich paste: its HTML, or its plain-text version when the HTML holds no text (an image-only selection, say). */
export function convertPaste(html: string | undefined, text: string, label: string): Converted {
  if (!html) return convertText(text, label);
  try {
    return convertHtml(html, { label, extract: false });
  } catch (error) {
    if (error instanceof FactmarkError && text.trim()) return convertText(text, label);
    throw error;
  }
}
