/** Which evidence links may open: only http(s) URLs, checked by parsing, never by pattern. */
import { webUrl } from '../../src-shared/url-safety';

/** The normalised URL when `input` is an absolute http(s) URL; otherwise null. */
export function safeExternalUrl(input: string): string | null {
  return webUrl(input.trim())?.href ?? null;
}

/** Open an http(s) link outside the app (Electron turns window.open into the system browser); false if refused. */
export function openExternal(input: string, open: (url: string, target: string, features: string) => unknown = window.open.bind(window)): boolean {
  const url = safeExternalUrl(input);
  if (!url) return false;
  open(url, '_blank', 'noopener');
  return true;
}
