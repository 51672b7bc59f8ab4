/**
 * An imported article's text starts with its headline, so a claim can be made on the headline like
 * on any other text (claims anchor on the text projection, src-shared/text.ts). When the source names
 * a title that is not already the text's first block, it becomes a first-level heading in front;
 * page starts (PDF) move down by what was added. A title made up from a file name or the text's
 * first line, or typed by the user for a paste, is never added.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { PageStartEntry } from '../../../src-shared/model';
import { articleSchema } from '../../../src-shared/schema';
import { BLOCK_SEPARATOR } from '../../../src-shared/text';
import { foldTitle as fold } from '../../../src-shared/title';


export function withHeadline(doc: PMNode, sourceTitle: string | null | undefined, pages?: PageStartEntry[]): { doc: PMNode; pages?: PageStartEntry[] } {
  const title = sourceTitle?.replace(/\s+/g, ' ').trim() ?? '';
  const first = doc.firstChild;
  // A text that opens with its title, or with its own first-level heading (a Word "Title" paragraph), already has its headline.
  const opensWithTitle = !!first && fold(first.textContent) === fold(title);
  const opensWithHeading = first?.type.name === 'heading' && Number(first.attrs.level) === 1;
  if (!title || opensWithTitle || opensWithHeading) return { doc, ...(pages ? { pages } : {}) };
  const heading = articleSchema.nodes.heading.create({ level: 1 }, articleSchema.text(title));
  const shift = title.length + BLOCK_SEPARATOR.length;
  return {
    doc: doc.copy(doc.content.addToStart(heading)),
    ...(pages ? { pages: pages.map((p) => ({ ...p, start: p.start + shift })) } : {}),
  };
}
