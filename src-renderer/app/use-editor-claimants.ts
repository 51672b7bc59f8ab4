/** The claimant names the claim editor suggests: the open article's, then the library's (fetched as the editor opens). */
import { useEffect, useMemo, useRef, useState } from 'react';
import { claimantKey, rankClaimants, type ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { mergeSuggestions } from '../desk/claim-list';
import { useTally } from '../desk/claim-tally';

export function useEditorClaimants(client: FactmarkClient, claims: readonly ClaimRecord[], editorOpen: boolean) {
  const [libraryClaimants, setLibraryClaimants] = useState<string[]>([]);
  useEffect(() => {
    if (editorOpen) client.call('claims.claimants', {}).then(setLibraryClaimants, () => undefined);
  }, [client, editorOpen]);
  // A status change or a note does not change the names' counts: they are ranked and merged again only when those change.
  const counts = useTally(claims, claimantKey);
  // A new claim changes a count, but seldom the ranking: the same names keep the same array, so what shows them is not drawn again.
  const ranked = useRef<string[]>([]);
  const articleClaimants = useMemo(() => (ranked.current = sameItems(ranked.current, rankClaimants(counts))), [counts]);
  const suggestions = useMemo(() => mergeSuggestions(articleClaimants, libraryClaimants), [articleClaimants, libraryClaimants]);
  return { articleClaimants, suggestions };
}

/** `next`, or `before` when it holds the same items in the same order. */
function sameItems(before: string[], next: string[]): string[] {
  return before.length === next.length && before.every((name, i) => name === next[i]) ? before : next;
}
