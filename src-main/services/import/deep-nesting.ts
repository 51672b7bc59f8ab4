/**
 * Deeply nested HTML made harmless before jsdom and Readability see it. jsdom's tree building slows
 * with the square of the nesting depth and Readability with its cube (1,000 nested <div>s took
 * 44 s), and very deep trees overflow recursive code. A cheap scan estimates the depth; only when
 * it is over MAX_NESTING is the page parsed with parse5 (linear, no recursion), every element
 * deeper than MAX_NESTING replaced by its content (the text is kept, spaced where blocks were),
 * and the flattened page serialised for the normal path.
 */
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';

/** The deepest element nesting kept; deeper elements are unwrapped. Real articles stay far below it. */
export const MAX_NESTING = 128;

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** Elements whose end tag may be left out: a new one of the same kind closes the open one. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'optgroup']);
/** Elements without content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
/** Elements whose content is not markup: skipped by the scan. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Inline elements: unwrapping them adds no space. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'big', 'nobr']);

const TAG = /<(?:!--[\s\S]*?(?:-->|$)|(\/?)([a-zA-Z][^\s/>]*)[^>]*>)/g;

/**
 * An estimate of how deep the elements of `html` nest, counting start and end tags (end tags
 * close back to their element; stray ones are ignored). It stops counting once past `limit`.
 */
export function estimatedNesting(html: string, limit = MAX_NESTING): number {
  const open: string[] = [];
  const lower = html.toLowerCase();
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment
    if (match[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (VOID.has(name) || match[0].endsWith('/>')) continue;
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name)) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    }
    open.push(name);
    if (open.length > deepest) deepest = open.length;
    if (deepest > limit) break;
  }
  return deepest;
}

function textNode(value: string, parentNode: ParentNode): TextNode {
  return { nodeName: '#text', value, parentNode };
}

/** Replace `node`'s content by its descendants' text and empty elements, in order, without nesting. */
function flattenContent(node: ParentNode): void {
  const flat: ChildNode[] = [];
  /** Add text, joined to the text before it (so thousands of unwrapped blocks leave one text node, not thousands). */
  const addText = (value: string): void => {
    const last = flat[flat.length - 1];
    if (last?.nodeName !== '#text') return void flat.push(textNode(value, node));
    const text = last as TextNode;
    if (value === ' ' && /\s$/.test(text.value)) return;
    text.value += value;
  };
  // An explicit stack (no recursion): entries are nodes to visit, or a marker for a block's end.
  const stack: (ChildNode | 'space')[] = [...node.childNodes].reverse();
  while (stack.length) {
    const item = stack.pop()!;
    if (item === 'space') {
      addText(' ');
      continue;
    }
    if (item.nodeName === '#text') {
      addText((item as TextNode).value);
      continue;
    }
    const children = 'childNodes' in item ? item.childNodes : [];
    if (children.length === 0) {
      item.parentNode = node;
      flat.push(item);
      continue;
    }
    if (!INLINE.has(item.nodeName)) {
      addText(' ');
      stack.push('space');
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  node.childNodes = flat;
}

/** `html` with every element nested deeper than `limit` unwrapped; `html` itself when the estimate stays within it. */
export function limitNesting(html: string, limit = MAX_NESTING): string {
  if (estimatedNesting(html, limit) <= limit) return html;
  const document = parse(html, { scriptingEnabled: false });
  const stack: { node: ParentNode; depth: number }[] = [{ node: document, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth >= limit) {
      flattenContent(node);
      continue;
    }
    for (const child of node.childNodes) if ('childNodes' in child) stack.push({ node: child, depth: depth + 1 });
    const content = (node as { content?: ParentNode }).content; // a <template>'s own fragment
    if (content) stack.push({ node: content, depth: depth + 1 });
  }
  return serialize(document);
}
