/**
 * The two URL rules, in one place, always by parsing (never by a string prefix): a web address is
 * an absolute http(s) URL (source URLs, evidence, URL import, links opened outside the app); a
 * link target may also be mailto (links kept in articles).
 */

/** Protocols of web addresses. */
export const WEB_PROTOCOLS: readonly string[] = ['http:', 'https:'];

/** Protocols a link in an article may have. */
export const LINK_PROTOCOLS: readonly string[] = [...WEB_PROTOCOLS, 'mailto:'];

/** `raw` parsed (against `base` when relative), or null when it is not a URL. */
export function parseUrl(raw: string, base?: string): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/** `raw` as an absolute http(s) URL, or null. */
export function webUrl(raw: string, base?: string): URL | null {
  const url = parseUrl(raw, base);
  return url && WEB_PROTOCOLS.includes(url.protocol) ? url : null;
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(raw: string): boolean {
  return webUrl(raw) !== null;
}

/** True for an absolute URL a link may point to: http(s) or mailto. */
export function isSafeHref(raw: string): boolean {
  const url = parseUrl(raw);
  return !!url && LINK_PROTOCOLS.includes(url.protocol);
}
