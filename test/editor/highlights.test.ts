/** The highlights plugin on EditorState alone: anchoring, mapping, upsert/remove/select, overlaps and orphans. */
import { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src-shared/anchoring/describe';
import type { ClaimRecord, StatusId } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { docText } from '../../src-shared/text';
import { claimRange, claimsAt, highlightDecorations, highlightsPlugin, selectedHighlight, withHighlights, type HighlightsMeta } from '../../src-renderer/editor/highlights';
import { makeClaim } from '../support/claims';

const PARAGRAPHS = ['The minister said growth was 4 percent last year.', 'Critics said the figure was closer to 2 percent.'];

function makeDoc(paragraphs: readonly string[] = PARAGRAPHS): PMNode {
  return articleSchema.node(
    'doc',
    null,
    paragraphs.map((p) => articleSchema.node('paragraph', null, [articleSchema.text(p)])),
  );
}

/** A claim on the first occurrence of `quote` in the document's text. */
function claimOn(doc: PMNode, id: string, quote: string, status: StatusId = 'unverified'): ClaimRecord {
  const text = docText(doc);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}" in the test document`);
  return makeClaim({ id, target: describeRange(text, start, start + quote.length), status });
}

function withMeta(state: EditorState, meta: HighlightsMeta): EditorState {
  return withHighlights(state, meta);
}

function stateWith(claims: ClaimRecord[], doc = makeDoc()): EditorState {
  return withMeta(EditorState.create({ doc, plugins: [highlightsPlugin()] }), { set: claims });
}

/** Each highlight as id -> highlighted text. */
function highlighted(state: EditorState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of highlightDecorations(state).find()) {
    out[(d.spec as { claimId: string }).claimId] = state.doc.textBetween(d.from, d.to, '\n\n');
  }
  return out;
}

function classOf(state: EditorState, id: string): string {
  const [d] = highlightDecorations(state).find(undefined, undefined, (spec) => spec.claimId === id);
  return (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class;
}

describe('highlights plugin', () => {
  const doc = makeDoc();

  it('draws one decoration per claim over the text its selectors name', () => {
    const state = stateWith([claimOn(doc, 'c1', 'growth was 4 percent'), claimOn(doc, 'c2', 'closer to 2 percent', 'false')]);
    expect(highlighted(state)).toEqual({ c1: 'growth was 4 percent', c2: 'closer to 2 percent' });
    expect(classOf(state, 'c2')).toContain('fm-hl-false');
    expect(state.doc.eq(doc)).toBe(true);
  });

  it('draws a claim that spans two paragraphs', () => {
    const state = stateWith([claimOn(doc, 'c1', 'last year.\n\nCritics said')]);
    const decos = highlightDecorations(state).find();
    expect(decos).toHaveLength(1);
    expect(state.doc.textBetween(decos[0].from, decos[0].to, '\n\n')).toBe('last year.\n\nCritics said');
  });

  it('maps a claim through an insertion before it', () => {
    const state = stateWith([claimOn(doc, 'c1', 'growth was 4 percent')]);
    const before = claimRange(state, 'c1')!;
    const next = state.apply(state.tr.insertText('Yesterday, ', 1));
    expect(claimRange(next, 'c1')).toEqual({ from: before.from + 11, to: before.to + 11 });
    expect(highlighted(next)).toEqual({ c1: 'growth was 4 percent' });
  });

  it('finds, redraws and removes a claim mapped far from where it was drawn', () => {
    const claim = claimOn(doc, 'c1', 'growth was 4 percent');
    const state = stateWith([claim]);
    const before = claimRange(state, 'c1')!;
    const moved = state.apply(state.tr.insertText('A much longer opening sentence than the claim. ', 1));
    expect(claimRange(moved, 'c1')).toEqual({ from: before.from + 47, to: before.to + 47 });
    const selected = withMeta(moved, { select: 'c1' });
    expect(classOf(selected, 'c1')).toContain('fm-hl-selected');
    expect(highlightDecorations(withMeta(selected, { remove: 'c1' })).find()).toHaveLength(0);
  });

  it('maps a claim through an insertion inside it', () => {
    const state = stateWith([claimOn(doc, 'c1', 'growth was 4 percent')]);
    const { from } = claimRange(state, 'c1')!;
    const next = state.apply(state.tr.insertText('about ', from + 'growth was '.length));
    expect(highlighted(next)).toEqual({ c1: 'growth was about 4 percent' });
  });

  it('keeps overlapping and nested claims, and lists the innermost first at a position', () => {
    const outer = claimOn(doc, 'outer', 'The minister said growth was 4 percent');
    const inner = claimOn(doc, 'inner', '4 percent');
    const overlap = claimOn(doc, 'overlap', 'percent last year');
    const state = stateWith([outer, inner, overlap]);
    expect(Object.keys(highlighted(state)).sort()).toEqual(['inner', 'outer', 'overlap']);
    const pos = claimRange(state, 'inner')!.from + 3; // inside "percent"
    expect(claimsAt(state, pos)).toEqual(['inner', 'overlap', 'outer']);
    expect(claimsAt(state, claimRange(state, 'outer')!.from + 1)).toEqual(['outer']);
  });

  it('adds one claim with upsert and leaves the others as they were', () => {
    const first = claimOn(doc, 'c1', 'growth was 4 percent');
    const state = stateWith([first]);
    // find() hands out positioned copies; the decoration's type object is what is kept or rebuilt.
    const typeOf = (st: EditorState) => (highlightDecorations(st).find(undefined, undefined, (s) => s.claimId === 'c1')[0] as unknown as { type: object }).type;
    const kept = typeOf(state);
    const next = withMeta(state, { upsert: claimOn(doc, 'c2', 'Critics said') });
    expect(highlighted(next)).toEqual({ c1: 'growth was 4 percent', c2: 'Critics said' });
    expect(typeOf(next)).toBe(kept);
  });

  it('replaces a claim’s decoration on upsert when its status changes', () => {
    const claim = claimOn(doc, 'c1', 'growth was 4 percent');
    const state = withMeta(stateWith([claim]), { upsert: { ...claim, status: 'verified', revision: 2 } });
    expect(classOf(state, 'c1')).toContain('fm-hl-verified');
    expect(highlightDecorations(state).find()).toHaveLength(1);
  });

  it('removes a claim and forgets it was selected', () => {
    let state = stateWith([claimOn(doc, 'c1', 'growth was 4 percent'), claimOn(doc, 'c2', 'Critics said')]);
    state = withMeta(state, { select: 'c1' });
    state = withMeta(state, { remove: 'c1' });
    expect(highlighted(state)).toEqual({ c2: 'Critics said' });
    expect(selectedHighlight(state)).toBeNull();
  });

  it('moves the selected emphasis from one claim to another', () => {
    let state = stateWith([claimOn(doc, 'c1', 'growth was 4 percent'), claimOn(doc, 'c2', 'Critics said')]);
    state = withMeta(state, { select: 'c1' });
    expect(classOf(state, 'c1')).toContain('fm-hl-selected');
    state = withMeta(state, { select: 'c2' });
    expect(classOf(state, 'c1')).not.toContain('fm-hl-selected');
    expect(classOf(state, 'c2')).toContain('fm-hl-selected');
    expect(selectedHighlight(state)).toBe('c2');
  });

  it('applies several changes in one transaction, in order', () => {
    const state = withMeta(stateWith([claimOn(doc, 'c1', 'growth was 4 percent')]), [
      { remove: 'c1' },
      { upsert: claimOn(doc, 'c2', 'Critics said', 'verified') },
      { select: 'c2' },
    ]);
    expect(highlighted(state)).toEqual({ c2: 'Critics said' });
    expect(classOf(state, 'c2')).toContain('fm-hl-selected');
  });

  it('draws nothing for a claim whose text is gone (the desk lists it as an orphan), and removes it without error', () => {
    const elsewhere = claimOn(makeDoc(['An entirely different article about the harbour budget.']), 'gone', 'the harbour budget');
    let state = stateWith([claimOn(doc, 'c1', 'Critics said'), elsewhere]);
    expect(highlighted(state)).toEqual({ c1: 'Critics said' });
    state = withMeta(state, { remove: 'gone' });
    expect(highlighted(state)).toEqual({ c1: 'Critics said' });
  });

  it('describes each highlight’s status and claimant for assistive technology', () => {
    const claim = { ...claimOn(doc, 'c1', 'Critics said', 'disputed'), claimant: 'The minister' };
    const [d] = highlightDecorations(stateWith([claim])).find();
    const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    expect(attrs['aria-description']).toBe('Disputed claim by The minister');
    expect(attrs.role).toBe('mark');
  });
});
