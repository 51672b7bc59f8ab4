/**
 * The article as the view shows it: its top-level blocks grouped into chunks of CHUNK_BLOCKS, each
 * one element that the browser can skip while off screen (content-visibility). A long article then
 * has tens of top-level elements instead of thousands, so each edit's redraw (ProseMirror walking
 * the top-level nodes, the browser's layout, pre-paint and visibility checks) touches a few dozen.
 * The chunks are display only: the text and its projection (textblocks in order) are unchanged,
 * and every position the view hands out goes through the projection of this document.
 */
import { Node as PMNode, Schema, type NodeSpec } from 'prosemirror-model';
import type { ArticleRecord } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';

/** Top-level blocks per chunk. */
export const CHUNK_BLOCKS = 32;

/**
 * A chunk carries its block count; the stylesheet turns it into the height the chunk is estimated
 * at while skipped (5em a block, .fm-chunk in app.css). An attribute, not a style="": the page's
 * CSP refuses inline styles.
 */
const chunk: NodeSpec = {
  content: 'block+',
  toDOM: (node) => ['div', { class: 'fm-chunk', 'data-blocks': String(node.childCount) }, 0],
};

/**
 * Headings drawn one level down: the page's h1 is the app's name and the article's title is its h2,
 * whether the title is shown above the text or the text starts with it as its headline.
 */
const heading: NodeSpec = { ...articleSchema.spec.nodes.get('heading'), toDOM: (node) => [`h${Math.min(6, Number(node.attrs.level) + 1)}`, 0] };

/** The article schema with a `chunk` node between the document and its blocks. */
export const viewSchema = new Schema({
  nodes: articleSchema.spec.nodes
    .update('doc', { ...articleSchema.spec.nodes.get('doc'), content: 'chunk+' })
    .update('heading', heading)
    .addToEnd('chunk', chunk),
  marks: articleSchema.spec.marks,
});

/** The view's document for a stored article document: the same blocks, in chunks of `size`. */
export function chunkedDoc(json: ArticleRecord['doc'], size = CHUNK_BLOCKS): PMNode {
  const blocks = (json.content ?? []) as unknown[];
  const chunks: unknown[] = [];
  for (let i = 0; i < blocks.length; i += size) chunks.push({ type: 'chunk', content: blocks.slice(i, i + size) });
  // An empty document still needs one (empty) paragraph to be valid.
  if (chunks.length === 0) chunks.push({ type: 'chunk', content: [{ type: 'paragraph' }] });
  return PMNode.fromJSON(viewSchema, { type: 'doc', content: chunks });
}
