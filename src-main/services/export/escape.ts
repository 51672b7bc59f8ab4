/** Escaping for HTML text and attributes, and the link check every exported href goes through. */
import { isSafeHref } from '../../../src-shared/schema';
import { hasBidiControls, isolateBidi } from './common';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** The href to write for a URL, or null when it is not http(s)/mailto (then it is shown as text only). */
export function safeHref(url: string): string | null {
  return url && isSafeHref(url) ? url : null;
}

export { isHttpUrl } from '../../../src-shared/model';

/** JSON text safe to paste into a <script type="application/ld+json"> element: "<" is written as \\u003c. */
export function jsonForScript(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/</g, '\\u003c')}\n`;
}

/** User text as HTML element content: escaped, and inside <bdi> (isolated) when it holds bidi controls. */
export function htmlText(text: string): string {
  return hasBidiControls(text) ? `<bdi>${escapeHtml(isolateBidi(text))}</bdi>` : escapeHtml(text);
}
