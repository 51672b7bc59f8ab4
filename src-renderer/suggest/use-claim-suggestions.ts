/**
 * The desk's claim-suggestion state: the underline toggle, the claims panel's tab, the
 * suggestions, accepting one as a claim with its claimant, and the claimant pre-filled (as a
 * suggestion with its cue) on claims created by hand.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Node as PMNode } from 'prosemirror-model';
import { describeRange } from '../../src-shared/anchoring/describe';
import { newClaim } from '../../src-shared/claims';
import type { ArticleRecord, ClaimTarget } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { docText } from '../../src-shared/text';
import type { FactmarkClient } from '../api/client';
import type { Desk } from '../desk/use-desk';
import { useSuggestions, type Suggestion } from './use-suggestions';

export type SideTab = 'claims' | 'suggestions';

/** The line the claim editor shows under a pre-filled claimant. */
function hint(claimant: string, cue?: string, source?: string): string {
  return `Suggested claimant “${claimant}”${cue ? `, from “${source ?? claimant}” (${cue})` : ''}. Keep it or type another.`;
}

export function useClaimSuggestions(options: { client: FactmarkClient; article: ArticleRecord | null; desk: Desk; report(error: unknown): void }) {
  const { client, article, desk, report } = options;
  const [underline, setUnderline] = useState(false);
  const [tab, setTab] = useState<SideTab>('claims');
  const [hints, setHints] = useState<Record<string, string>>({});
  const suggestions = useSuggestions({ client, article, claims: desk.state.claims, wanted: underline || tab === 'suggestions', report });
  const latest = useRef(desk);
  latest.current = desk;
  const text = useMemo(() => (article ? docText(PMNode.fromJSON(articleSchema, article.doc)) : ''), [article]);
  const underlined = useMemo(() => (underline ? suggestions.items.map(({ start, end }) => ({ start, end })) : undefined), [underline, suggestions.items]);

  /** Turn a suggestion into a claim with its suggested claimant; returns the new claim's id. */
  const accept = useCallback(
    (s: Suggestion): string | null => {
      if (!article) return null;
      const d = latest.current;
      const claim = newClaim({ id: crypto.randomUUID(), articleId: article.id, target: describeRange(text, s.start, s.end), stamp: d.stamp(), claimant: s.claimant ?? '' });
      d.dispatch({ type: 'create', claim });
      d.dispatch({ type: 'select', claimId: claim.id });
      if (s.claimant) setHints((h) => ({ ...h, [claim.id]: hint(s.claimant!, s.claimantSource?.cue, s.claimantSource?.text) }));
      return claim.id;
    },
    [article, text],
  );

  /** After a claim is made by hand: pre-fill its claimant with the suggested one, unless it got one meanwhile. */
  const suggestClaimant = useCallback(
    (claimId: string, target: ClaimTarget) => {
      if (!article) return;
      client.call('suggest.claimant', { articleId: article.id, start: target.position.start, end: target.position.end }).then((r) => {
        const d = latest.current;
        const claim = d.state.claims.find((c) => c.id === claimId);
        if (!r.claimant || !claim || claim.claimant) return;
        d.dispatch({ type: 'update', claimId, patch: { claimant: r.claimant }, stamp: d.stamp(), amend: true });
        const source = r.sourceStart !== undefined ? text.slice(r.sourceStart, r.sourceEnd) : undefined;
        setHints((h) => ({ ...h, [claimId]: hint(r.claimant, r.cue, source) }));
      }, () => undefined);
    },
    [article, client, text],
  );

  /** The hint for a claim whose claimant is still the suggested one. */
  const hintFor = useCallback((claimId: string, claimant: string) => {
    const h = hints[claimId];
    return h && claimant && h.startsWith(`Suggested claimant “${claimant}”`) ? h : undefined;
  }, [hints]);

  return { underline, setUnderline, tab, setTab, suggestions, underlined, accept, suggestClaimant, hintFor };
}
