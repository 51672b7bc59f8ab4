/**
 * The page's own byline line ("By Amira Haddad and Tom Reyes") taken out of a web page before
 * Readability extracts the article. Readability removes that line itself only when the page's
 * metadata names no author; when it does, the line stays and would become a paragraph of the
 * article. Same rule as Readability's (a short element whose class, id, rel or itemprop says
 * byline or author), but only before the article's first paragraph of prose, and never a part
 * of a paragraph (a linked name inside a sentence stays).
 */

const BYLINE_HINT = /byline|author|writtenby|p-author/i;
/** A byline is a short line (Readability's limit). */
const MAX_BYLINE_CHARS = 100;
/** A paragraph this long is article prose: a byline comes before it. */
const PROSE_CHARS = 100;

const hintsOf = (el: Element): string =>
  [el.getAttribute('class'), el.id, el.getAttribute('rel'), el.getAttribute('itemprop')].filter(Boolean).join(' ');

const hidden = (el: Element): boolean =>
  el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '');

/** The element to remove for a byline candidate: itself, or the paragraph it fills; null when it is part of a longer paragraph. */
function bylineBlock(el: Element, text: string): Element | null {
  const paragraph = el.closest('p');
  if (!paragraph || paragraph === el) return el;
  return paragraph.textContent?.trim() === text ? paragraph : null;
}

/** Remove the first visible byline element before the first paragraph of prose under `root`. */
export function removeBylineBlock(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const hinted = BYLINE_HINT.test(hintsOf(el));
    if (!hinted && el.tagName !== 'P') continue; // the text of every wrapper would be read again and again
    const text = el.textContent?.trim() ?? '';
    if (el.tagName === 'P' && text.length >= PROSE_CHARS) return;
    if (!hinted || !text || text.length >= MAX_BYLINE_CHARS || hidden(el)) continue;
    const block = bylineBlock(el, text);
    if (block) {
      block.remove();
      return;
    }
  }
}
