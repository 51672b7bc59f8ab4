/**
 * Typographic folding for comparing versions of a text: curly quotes, dashes and unusual spaces
 * become their plain forms, one character for one, so offsets in folded text are offsets in the
 * original. Re-anchoring compares folded text, so a house-style change is not an edit.
 */

const FOLDED: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '\u0060': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u3000': ' ', '\t': ' ',
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'g');

/** The text with typographic variants replaced by plain ones; always the same length. */
export function foldTypography(text: string): string {
  return text.replace(FOLDABLE, (ch) => FOLDED[ch]);
}

/** Folded, with "--" and "…" as their one-character forms, every run of whitespace as one space, trimmed. */
export function normaliseWording(text: string): string {
  return foldTypography(text).replace(/\u2026/g, '...').replace(/-{2,}/g, '-').replace(/\s+/g, ' ').trim();
}

/** True when two passages say the same words, ignoring typography and spacing. */
export function sameWording(a: string, b: string): boolean {
  return a === b || normaliseWording(a) === normaliseWording(b);
}
