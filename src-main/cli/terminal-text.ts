/**
 * Text made safe for a terminal. Article titles, claimants, quotes and notes come from imported
 * pages and other people's exports, so they may hold terminal escape sequences (ESC ] 52 writes
 * the clipboard, OSC 8 makes links, ESC [ 2J clears the screen) or bidirectional overrides (U+202E
 * shows "txt.exe" as "exe.txt"). Human-readable output shows every such character visibly instead
 * of sending it; JSON output escapes them as \u sequences (the parsed value is unchanged).
 */

/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Bidirectional formatting characters: embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A character as the visible code "<U+202E>". */
function codeOf(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** A control character as its Unicode control picture (ESC -> ␛, DEL -> ␡), or its code for C1 ones. */
function pictureOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return codeOf(char);
}

/**
 * `text` for a human reader at a terminal: control characters become visible pictures (newlines
 * and tabs are kept when `multiline`), bidirectional controls become "<U+202E>"-style codes.
 */
export function forTerminal(text: string, options: { multiline?: boolean } = {}): string {
  return text
    .replace(CONTROL, (char) => (options.multiline && (char === '\n' || char === '\t') ? char : pictureOf(char)))
    .replace(BIDI, codeOf);
}

/** JSON text with C1 controls, DEL and bidirectional controls escaped as \u sequences (JSON.stringify escapes only C0). */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
