/** The plain-text projection and its position <-> offset maps. */
import { Node as PMNode } from 'prosemirror-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src-shared/schema';
import { BLOCK_SEPARATOR, docText, offsetToPos, posToOffset, projectText, trimRange } from '../../../src-shared/text';

const doc = PMNode.fromJSON(articleSchema, {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'One ' }, { type: 'text', text: 'two', marks: [{ type: 'em' }] }, { type: 'hard_break' }, { type: 'text', text: 'three' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted.' }] }] },
    { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }] }] },
    { type: 'paragraph' },
  ],
});

describe('text projection', () => {
  it('joins textblocks with the separator and turns hard breaks into newlines', () => {
    expect(docText(doc)).toBe(['Title', 'One two\nthree', 'Quoted.', 'Item', ''].join(BLOCK_SEPARATOR));
  });

  it('maps every character offset to the position of that character and back', () => {
    const proj = projectText(doc);
    for (const block of proj.blocks) {
      for (let i = 0; i < block.length; i++) {
        const pos = offsetToPos(proj, block.offset + i);
        expect(posToOffset(proj, pos)).toBe(block.offset + i);
        const char = doc.textBetween(pos, pos + 1, undefined, '\n');
        expect(char).toBe(proj.text[block.offset + i]);
      }
    }
  });

  it('snaps offsets inside a separator to the neighbouring block ends', () => {
    const proj = projectText(doc);
    const inGap = 'Title'.length + 1;
    expect(offsetToPos(proj, inGap, -1)).toBe(proj.blocks[0].pos + 5);
    expect(offsetToPos(proj, inGap, 1)).toBe(proj.blocks[1].pos);
  });

  it('round-trips text offsets to positions for random documents', () => {
    const paragraphs = fc.array(fc.string({ minLength: 0, maxLength: 20 }).map((s) => s.replace(/[\n\r]/g, ' ')), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const d = PMNode.fromJSON(articleSchema, {
          type: 'doc',
          content: texts.map((t) => (t ? { type: 'paragraph', content: [{ type: 'text', text: t }] } : { type: 'paragraph' })),
        });
        const proj = projectText(d);
        expect(proj.text).toBe(texts.join(BLOCK_SEPARATOR));
        for (const b of proj.blocks) {
          expect(posToOffset(proj, offsetToPos(proj, b.offset))).toBe(b.offset);
          expect(posToOffset(proj, offsetToPos(proj, b.offset + b.length))).toBe(b.offset + b.length);
        }
      }),
    );
  });

  it('trims whitespace from a range and rejects an empty one', () => {
    expect(trimRange('  a b  ', 0, 7)).toEqual({ start: 2, end: 5 });
    expect(trimRange('    ', 0, 4)).toBeNull();
  });
});
