/**
 * The article as HTML with every claim highlighted. The ProseMirror document is walked block by
 * block; each textblock's characters are located with the plain-text projection (src-shared/text.ts),
 * cut at every claim boundary, and written with a stack of open wrappers (claim marks outermost,
 * then links/em/strong) so overlapping and nested claims stack as nested <mark> elements.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { statusInfo } from '../../../src-shared/statuses';
import { projectText, type TextProjection } from '../../../src-shared/text';
import type { NumberedClaim } from './common';
import { escapeHtml, htmlText, safeHref } from './escape';

/** An element to open around a run of text: a claim highlight or a document mark. */
interface Wrapper {
  key: string;
  open: string;
  close: string;
  /** Set on claim wrappers: the claim, so its number label can be written where it starts. */
  claim?: PlacedClaim;
}

type PlacedClaim = NumberedClaim & { range: { start: number; end: number } };

/** The open tag of a claim highlight: status class, id and number for styling and tests, a title for hover. */
function claimWrapper(c: PlacedClaim): Wrapper {
  const info = statusInfo(c.claim.status);
  const title = `Claim ${c.number}: ${info.label}`;
  return {
    key: `claim:${c.claim.id}`,
    open: `<mark class="claim s-${info.id}" data-claim="${escapeHtml(c.claim.id)}" data-number="${c.number}" title="${escapeHtml(title)}">`,
    close: '</mark>',
    claim: c,
  };
}

/** The label written where a claim starts: its number and status glyph, linking to its finding (which links back to it by its id). */
export function claimLabel(c: NumberedClaim): string {
  const info = statusInfo(c.claim.status);
  return `<a class="claim-num s-${info.id}" id="mark-${c.number}" href="#claim-${c.number}" aria-label="Claim ${c.number}, ${escapeHtml(info.label)}: see the finding">${c.number}&#8239;${escapeHtml(info.glyph)}</a>`;
}

function markWrapper(mark: Mark): Wrapper {
  switch (mark.type.name) {
    case 'em':
      return { key: 'em', open: '<em>', close: '</em>' };
    case 'strong':
      return { key: 'strong', open: '<strong>', close: '</strong>' };
    case 'link': {
      const href = safeHref(String(mark.attrs.href ?? ''));
      return href
        ? { key: `link:${href}`, open: `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">`, close: '</a>' }
        : { key: 'link:unsafe', open: '<span class="link">', close: '</span>' };
    }
    default:
      return { key: `mark:${mark.type.name}`, open: '<span>', close: '</span>' };
  }
}

/** Claims before marks; among claims, the outer (earlier start, later end) first. */
function byNesting(a: PlacedClaim, b: PlacedClaim): number {
  return a.range.start - b.range.start || b.range.end - a.range.end || a.number - b.number;
}

/** Writes runs of inline content, opening and closing only the wrappers that change between runs. */
class InlineWriter {
  private readonly stack: Wrapper[] = [];
  readonly out: string[] = [];

  /** `labelled` is shared across blocks, so a claim's label is written once, where it first opens. */
  constructor(private readonly labelled: Set<string>) {}

  write(wrappers: readonly Wrapper[], html: string): void {
    let keep = 0;
    while (keep < this.stack.length && keep < wrappers.length && this.stack[keep].key === wrappers[keep].key) keep++;
    this.closeTo(keep);
    for (let i = keep; i < wrappers.length; i++) {
      const w = wrappers[i];
      this.out.push(w.open);
      if (w.claim && !this.labelled.has(w.claim.claim.id)) {
        this.labelled.add(w.claim.claim.id);
        this.out.push(claimLabel(w.claim));
      }
      this.stack.push(w);
    }
    this.out.push(html);
  }

  closeTo(depth: number): void {
    while (this.stack.length > depth) this.out.push(this.stack.pop()!.close);
  }
}

/** Render a textblock's inline content from text offset `offset`, cutting at claim boundaries. */
function renderInline(block: PMNode, offset: number, claims: readonly PlacedClaim[], labelled: Set<string>): string {
  const blockEnd = offset + block.content.size;
  const here = claims.filter((c) => c.range.start < blockEnd && c.range.end > offset);
  const cuts = new Set<number>();
  for (const c of here) {
    cuts.add(c.range.start);
    cuts.add(c.range.end);
  }
  const wrappersOf = new Map(here.map((c) => [c, claimWrapper(c)]));
  const writer = new InlineWriter(labelled);
  let at = offset;
  block.forEach((child) => {
    const childStart = at;
    const childEnd = at + child.nodeSize;
    at = childEnd;
    const marks = child.marks.map(markWrapper);
    const points = [childStart, ...[...cuts].filter((p) => p > childStart && p < childEnd).sort((a, b) => a - b), childEnd];
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const active = here.filter((c) => c.range.start <= s && c.range.end > s).sort(byNesting);
      const wrappers = [...active.map((c) => wrappersOf.get(c)!), ...marks];
      const html = child.isText ? htmlText(child.text!.slice(s - childStart, e - childStart)) : child.type.name === 'hard_break' ? '<br>' : '';
      writer.write(wrappers, html);
    }
  });
  writer.closeTo(0);
  return writer.out.join('');
}

/** Walks the document's blocks in order, tracking which projection block comes next. */
class DocRenderer {
  private blockIndex = 0;
  private readonly labelled = new Set<string>();

  constructor(
    private readonly proj: TextProjection,
    private readonly claims: readonly PlacedClaim[],
  ) {}

  children(node: PMNode): string {
    const parts: string[] = [];
    node.forEach((child) => parts.push(this.block(child)));
    return parts.join('\n');
  }

  private block(node: PMNode): string {
    if (node.isTextblock) {
      const span = this.proj.blocks[this.blockIndex++];
      const inner = renderInline(node, span.offset, this.claims, this.labelled);
      if (node.type.name === 'heading') {
        const level = Math.min(6, Number(node.attrs.level) + 2); // under the report's own h1 and its section's h2
        return `<h${level}>${inner}</h${level}>`;
      }
      return `<p>${inner}</p>`;
    }
    switch (node.type.name) {
      case 'blockquote':
        return `<blockquote>\n${this.children(node)}\n</blockquote>`;
      case 'bullet_list':
        return `<ul>\n${this.children(node)}\n</ul>`;
      case 'ordered_list': {
        const order = Number(node.attrs.order);
        return `<ol${Number.isInteger(order) && order !== 1 ? ` start="${order}"` : ''}>\n${this.children(node)}\n</ol>`;
      }
      case 'list_item':
        return `<li>${this.children(node)}</li>`;
      default:
        return `<div>\n${this.children(node)}\n</div>`;
    }
  }
}

/** The article body as HTML with every anchored claim highlighted and numbered. */
export function renderHighlightedDoc(doc: PMNode, claims: readonly NumberedClaim[]): string {
  const placed = claims.filter((c): c is PlacedClaim => c.range !== null);
  return new DocRenderer(projectText(doc), placed).children(doc);
}
