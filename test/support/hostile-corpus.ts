/**
 * The hostile-input corpus (test/fixtures/hostile/payloads.json: a plain JSON array of HTML
 * strings: scripts, event handlers, javascript:/data: URLs, SVG/MathML, forms, frames and known
 * DOMPurify mutation-XSS vectors) and a checker that lists active content left in a DOM.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the corpus lives. */
export const HOSTILE_CORPUS_PATH = resolve('test/fixtures/hostile/payloads.json');

/** Every payload in the corpus. */
export function hostileCorpus(): string[] {
  const parsed: unknown = JSON.parse(readFileSync(HOSTILE_CORPUS_PATH, 'utf8'));
  if (!Array.isArray(parsed) || parsed.some((p) => typeof p !== 'string')) throw new Error(`${HOSTILE_CORPUS_PATH} must be a JSON array of strings`);
  return parsed as string[];
}

/** Elements that run code, load content, submit data or restyle the page. */
const ACTIVE_ELEMENTS = new Set([
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'isindex', 'keygen', 'svg', 'math', 'template',
  'noscript', 'video', 'audio', 'source', 'track', 'img', 'picture', 'image', 'details', 'marquee', 'xmp', 'plaintext', 'noembed', 'canvas',
]);

/** Attributes that take a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'codebase', 'cite', 'srcset']);

/** Link schemes that cannot run code. */
const SAFE_URL = /^(?:https?:|mailto:)/i;

/**
 * Problems found under `root` (including root itself): active elements, event-handler and
 * style attributes, srcdoc, and URL attributes that are not http(s) or mailto. Empty when safe.
 */
export function activeContentIn(root: Element | DocumentFragment): string[] {
  const problems: string[] = [];
  const elements = [...(root.nodeType === 1 ? [root as Element] : []), ...Array.from(root.querySelectorAll('*'))];
  for (const el of elements) {
    const tag = el.localName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} attribute on <${tag}>`);
      else if (name === 'style' || name === 'srcdoc') problems.push(`${name} attribute on <${tag}>`);
      else if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(attr.value.trim())) problems.push(`${name}="${attr.value.slice(0, 60)}" on <${tag}>`);
    }
  }
  return problems;
}
