/**
 * DOMPurify over jsdom with an allow-list that matches what the article schema can hold (plus the
 * structural elements whose text we keep). Everything active — script, style, iframe, object,
 * embed, form controls, SVG and MathML, event handlers, javascript: and data: URLs — is removed.
 * The element is cleaned in place and then parsed directly, never serialised and reparsed (the
 * step mutation-XSS depends on).
 */
import createDOMPurify, { type Config } from 'dompurify';

/** Elements kept: the schema's own, plus containers whose text is kept; img and table become placeholders. */
const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'br',
  'a', 'em', 'i', 'strong', 'b', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'cite', 'q', 'abbr', 'time', 'code', 'span',
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'pre', 'hr', 'address', 'dl', 'dt', 'dd',
  'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
];

/** Attributes kept: link targets, list start, image alt text, and inline style (read for bold/italic, then dropped). */
const ALLOWED_ATTR = ['href', 'start', 'alt', 'style'];

/** Only http(s), mailto and relative URLs (resolved against the page's address later). */
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const CONFIG: Config & { IN_PLACE: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Form controls and raw-text elements lose their text too, not just their tags.
  ADD_FORBID_CONTENTS: ['textarea', 'select', 'option', 'button', 'datalist', 'output', 'template', 'title'],
  // Sanitise the element itself: no copy, and never a serialise-and-reparse round trip.
  IN_PLACE: true,
};

/**
 * Sanitise a detached element of `window`'s document in place and return it. The element must be
 * an allowed container (a <div>) and belong to `window` (DOMPurify checks nodes against its
 * window's types).
 */
export function sanitiseInPlace(window: Window, root: HTMLElement): HTMLElement {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!purify.isSupported) throw new Error('DOMPurify is not supported by this DOM');
  purify.sanitize(root, CONFIG);
  return root;
}
