/** The claimant names the claim editor suggests: the open article's, then the library's (fetched as the editor opens). */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { claimantsOf, mergeSuggestions } from '../desk/claim-list';

/** `next`, or the previous array when it holds the same names in the same order (so what depends on it is not redone). */
function useSameNames(next: string[]): string[] {
  const kept = useRef(next);
  if (next !== kept.current && (next.length !== kept.current.length || next.some((name, i) => name !== kept.current[i]))) kept.current = next;
  return kept.current;
}

export function useEditorClaimants(client: FactmarkClient, claims: readonly ClaimRecord[], editorOpen: boolean) {
  const [libraryClaimants, setLibraryClaimants] = useState<string[]>([]);
  useEffect(() => {
    if (editorOpen) client.call('claims.claimants', {}).then(setLibraryClaimants, () => undefined);
  }, [client, editorOpen]);
  // A status change or a note does not change the names: the merged list is made again only when they do.
  const articleClaimants = useSameNames(useMemo(() => claimantsOf(claims), [claims]));
  const suggestions = useMemo(() => mergeSuggestions(articleClaimants, libraryClaimants), [articleClaimants, libraryClaimants]);
  return { articleClaimants, suggestions };
}
