/** The claimant names the claim editor suggests: the open article's, then the library's (fetched as the editor opens). */
import { useEffect, useMemo, useState } from 'react';
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
  const articleClaimants = useMemo(() => rankClaimants(counts), [counts]);
  const suggestions = useMemo(() => mergeSuggestions(articleClaimants, libraryClaimants), [articleClaimants, libraryClaimants]);
  return { articleClaimants, suggestions };
}
