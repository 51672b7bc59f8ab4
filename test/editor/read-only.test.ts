/** The read-only plugin and the claim-list diff the view uses to redraw only what changed. */
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { StatusId } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { claimChanges } from '../../src-renderer/editor/claim-changes';
import { readOnlyPlugin } from '../../src-renderer/editor/read-only';
import { makeClaim } from '../support/claims';

describe('read-only plugin', () => {
  const doc = articleSchema.node('doc', null, [articleSchema.node('paragraph', null, [articleSchema.text('Unchanged text.')])]);
  const state = EditorState.create({ doc, plugins: [readOnlyPlugin()] });

  it('refuses a transaction that changes the document', () => {
    const next = state.applyTransaction(state.tr.insertText('typed ', 1)).state;
    expect(next.doc.eq(doc)).toBe(true);
  });

  it('lets selection changes through', () => {
    const next = state.apply(state.tr.setSelection(TextSelection.create(doc, 2, 8)));
    expect(next.selection.from).toBe(2);
    expect(next.selection.to).toBe(8);
  });
});

describe('claim changes', () => {
  const claim = (id: string, revision = 1, status: StatusId = 'unverified') =>
    makeClaim({ id, revision, status, claimant: '', target: { quote: { exact: id, prefix: '', suffix: '' }, position: { start: 0, end: 1 } } });
  const a = claim('a');
  const b = claim('b');
  const c = claim('c');

  it('finds nothing when the same objects come back in a new array', () => {
    expect(claimChanges([a, b], [a, b])).toEqual({ upserts: [], removals: [] });
  });

  it('finds new, changed and removed claims', () => {
    const b2 = claim('b', 2, 'false');
    expect(claimChanges([a, b, c], [b2, c, claim('d')])).toEqual({ upserts: [b2, claim('d')], removals: ['a'] });
  });

  it('finds one change among many kept objects, wherever it is, and claims that moved', () => {
    const many = Array.from({ length: 50 }, (_, i) => claim(`m${i}`));
    const changed = claim('m20', 2, 'false');
    expect(claimChanges(many, many.map((m) => (m.id === 'm20' ? changed : m)))).toEqual({ upserts: [changed], removals: [] });
    const added = claim('new');
    expect(claimChanges(many, [...many.slice(0, 7), added, ...many.slice(7)])).toEqual({ upserts: [added], removals: [] });
    expect(claimChanges(many, [...many.slice(0, 49)])).toEqual({ upserts: [], removals: ['m49'] });
    expect(claimChanges(many, many.slice(1))).toEqual({ upserts: [], removals: ['m0'] });
    // The same objects in another order: nothing to redraw; a duplicate-free swap at both ends.
    expect(claimChanges(many, [many[49], ...many.slice(1, 49), many[0]])).toEqual({ upserts: [], removals: [] });
    expect(claimChanges([a, b, c], [c, b, a])).toEqual({ upserts: [], removals: [] });
    expect(claimChanges([], [a])).toEqual({ upserts: [a], removals: [] });
    expect(claimChanges([a], [])).toEqual({ upserts: [], removals: ['a'] });
  });

  it('does not redraw a saved copy that draws alike', () => {
    expect(claimChanges([a, b], [a, claim('b', 2)])).toEqual({ upserts: [], removals: [] });
  });
});
