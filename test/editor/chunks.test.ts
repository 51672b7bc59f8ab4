/** The view's chunked document: the same text and blocks as the stored article, grouped for display. */
import { describe, expect, it } from 'vitest';
import { Node as PMNode } from 'prosemirror-model';
import { articleSchema } from '../../src-shared/schema';
import { projectText } from '../../src-shared/text';
import { chunkedDoc } from '../../src-renderer/editor/chunks';

const stored = {
  type: 'doc' as const,
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
    ...Array.from({ length: 6 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i}.` }] })),
    { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'An item' }] }] }] },
  ],
};

describe('chunked view document', () => {
  it('groups the top-level blocks in chunks of the given size, in order', () => {
    const doc = chunkedDoc(stored, 3);
    expect(doc.childCount).toBe(3);
    expect([0, 1, 2].map((i) => doc.child(i).childCount)).toEqual([3, 3, 2]);
    expect(doc.child(0).type.name).toBe('chunk');
  });

  it('projects exactly the text of the stored document', () => {
    const original = projectText(PMNode.fromJSON(articleSchema, stored));
    const chunked = projectText(chunkedDoc(stored, 3));
    expect(chunked.text).toBe(original.text);
    expect(chunked.blocks.map((b) => [b.offset, b.length])).toEqual(original.blocks.map((b) => [b.offset, b.length]));
  });

  it('makes a valid document of an empty article', () => {
    const doc = chunkedDoc({ type: 'doc', content: [] });
    expect(() => doc.check()).not.toThrow();
    expect(projectText(doc).text).toBe('');
  });

  it('renders each chunk as one element carrying its block count (the stylesheet estimates its height), with no inline style', () => {
    const spec = chunkedDoc(stored, 4).child(0).type.spec.toDOM!(chunkedDoc(stored, 4).child(0)) as unknown as [string, Record<string, string>];
    expect(spec[0]).toBe('div');
    expect(spec[1].class).toBe('fm-chunk');
    expect(spec[1]['data-blocks']).toBe('4');
    expect(spec[1].style).toBeUndefined();
  });
});
