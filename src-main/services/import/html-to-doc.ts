/**
 * A sanitised DOM element -> an article document: inline styles read into bold/italic, images
 * and tables turned into short placeholders, links resolved and limited to http(s)/mailto, then
 * prosemirror-model's DOMParser with the article schema, and empty blocks pruned.
 */
import { DOMParser as PMDOMParser, Fragment, type Node as PMNode } from 'prosemirror-model';
import { articleSchema, isSafeHref } from '../../../src-shared/schema';

/** The text put where an image was: "[Image: alt]" or "[Image]". */
export function imagePlaceholder(alt: string | null): string {
  const text = (alt ?? '').replace(/\s+/g, ' ').trim();
  return text ? `[Image: ${text}]` : '[Image]';
}

/** The text put where a table was: "[Table omitted: caption]" or "[Table omitted]". */
export function tablePlaceholder(caption: string | null): string {
  const text = (caption ?? '').replace(/\s+/g, ' ').trim();
  return text ? `[Table omitted: ${text}]` : '[Table omitted]';
}

const parser = PMDOMParser.fromSchema(articleSchema);

/** Elements of `root` matching `selector`, as a static array (safe to mutate while iterating). */
function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Replace an element by its children. */
function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/** Wrap an element's children in a new `tag` element inside it. */
function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

/**
 * Turn inline styles into elements the schema reads, then drop every style attribute. Handles the
 * pastes of word processors: Google Docs wraps a whole paste in <b style="font-weight:normal">
 * and marks bold as <span style="font-weight:700">.
 */
function readInlineStyles(root: ParentNode): void {
  for (const el of all(root, '[style]')) {
    const style = (el as HTMLElement).style;
    const weight = style.fontWeight;
    const tag = el.tagName.toLowerCase();
    if ((tag === 'b' || tag === 'strong') && (weight === 'normal' || weight === '400')) {
      unwrap(el);
      continue;
    }
    if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) wrapChildren(el, 'strong');
    if (style.fontStyle === 'italic' || style.fontStyle === 'oblique') wrapChildren(el, 'em');
    el.removeAttribute('style');
  }
}

/** Images become an italic "[Image: alt]", tables a paragraph "[Table omitted]"; rules are dropped. Returns the placeholders. */
function replaceWithPlaceholders(root: ParentNode): Element[] {
  const placeholders: Element[] = [];
  for (const table of all(root, 'table')) {
    if (!root.contains(table)) continue; // inside a table already replaced
    const doc = table.ownerDocument;
    const p = doc.createElement('p');
    const em = doc.createElement('em');
    em.textContent = tablePlaceholder(table.querySelector('caption')?.textContent ?? null);
    p.append(em);
    table.replaceWith(p);
    placeholders.push(em);
  }
  for (const img of all(root, 'img')) {
    const em = img.ownerDocument.createElement('em');
    em.textContent = imagePlaceholder(img.getAttribute('alt'));
    img.replaceWith(em);
    placeholders.push(em);
  }
  for (const hr of all(root, 'hr')) hr.remove();
  return placeholders;
}

/** True when `root` has text outside the placeholders (an image-only page has nothing to annotate). */
function hasOwnText(root: ParentNode & Node, placeholders: readonly Element[]): boolean {
  const placeholderText = placeholders.reduce((n, el) => n + (el.textContent ?? '').replace(/\s+/g, '').length, 0);
  return (root.textContent ?? '').replace(/\s+/g, '').length > placeholderText;
}

/** Make link targets absolute against `base`; unwrap links whose target is not http(s) or mailto. */
function resolveLinks(root: ParentNode, base: string | undefined): void {
  for (const a of all(root, 'a')) {
    const raw = (a.getAttribute('href') ?? '').trim();
    let href = '';
    try {
      href = new URL(raw, base).href;
    } catch {
      href = '';
    }
    if (raw && isSafeHref(href)) a.setAttribute('href', href);
    else unwrap(a);
  }
}

/** Drop textblocks with only whitespace, and containers left empty; null when nothing is left. */
export function pruneEmpty(node: PMNode): PMNode | null {
  if (node.isTextblock) return node.textContent.trim() ? node : null;
  if (node.isLeaf) return node;
  const children: PMNode[] = [];
  node.forEach((child) => {
    const kept = pruneEmpty(child);
    if (kept) children.push(kept);
  });
  return children.length ? node.type.create(node.attrs, Fragment.fromArray(children), node.marks) : null;
}

/**
 * Convert the content of a sanitised element to an article document, or null when it has no
 * text of its own. The element is modified in place.
 */
export function sanitisedToDoc(root: HTMLElement, base?: string): PMNode | null {
  readInlineStyles(root);
  const placeholders = replaceWithPlaceholders(root);
  if (!hasOwnText(root, placeholders)) return null;
  resolveLinks(root, base);
  const doc = pruneEmpty(parser.parse(root));
  if (!doc) return null;
  doc.check();
  return doc;
}

/** The text of the first heading of a document, if it has one before other text. */
export function leadingHeading(doc: PMNode): string | undefined {
  const first = doc.firstChild;
  return first?.type.name === 'heading' ? first.textContent.trim() || undefined : undefined;
}
