/** The claimant names the claim editor suggests: the open article's, then the library's (fetched as the editor opens). */
import { useEffect, useMemo, useState } from 'react';
import type { ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import { claimantsOf, mergeSuggestions } from '../desk/claim-list';

export function useEditorClaimants(client: FactmarkClient, claims: readonly ClaimRecord[], editorOpen: boolean) {
  const [libraryClaimants, setLibraryClaimants] = useState<string[]>([]);
  useEffect(() => {
    if (editorOpen) client.call('claims.claimants', {}).then(setLibraryClaimants, () => undefined);
  }, [client, editorOpen]);
  const articleClaimants = useMemo(() => claimantsOf(claims), [claims]);
  const suggestions = useMemo(() => mergeSuggestions(articleClaimants, libraryClaimants), [articleClaimants, libraryClaimants]);
  return { articleClaimants, suggestions };
}
