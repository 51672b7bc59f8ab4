/** The desk's two claim actions that need the view and the messages: claim the selected text, delete a claim. */
import { useCallback, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { newClaim } from '../../src-shared/claims';
import type { ClaimTarget } from '../../src-shared/model';
import type { Desk } from '../desk/use-desk';
import type { ArticleViewHandle } from '../editor/ArticleView';
import { IS_MAC } from '../shortcuts';
import type { Overlay } from './Overlays';

interface Options {
  desk: Desk;
  viewHandle: RefObject<ArticleViewHandle | null>;
  setOverlay: Dispatch<SetStateAction<Overlay>>;
  setMessage: (text: string | null) => void;
  setNotice: (text: string) => void;
  /** Called with each new claim made by hand, to pre-fill its claimant. */
  suggestClaimant: (claimId: string, target: ClaimTarget) => void;
}

export function useClaimActions({ desk, viewHandle, setOverlay, setMessage, setNotice, suggestClaimant }: Options) {
  const { dispatch } = desk;
  const articleId = desk.state.articleId;
  const claimSelection = useCallback(
    (given?: ClaimTarget | null) => {
      if (!articleId) return;
      const target = given ?? viewHandle.current?.selectedTarget();
      if (!target) return setNotice('Select some text in the article first.');
      const claim = newClaim({ id: crypto.randomUUID(), articleId, target, stamp: desk.stamp() });
      dispatch({ type: 'create', claim });
      suggestClaimant(claim.id, target);
      setMessage(null);
      viewHandle.current?.clearSelection();
    },
    [desk, dispatch, setMessage, setNotice, articleId, suggestClaimant, viewHandle],
  );

  const deleteClaim = useCallback(
    (id: string) => {
      setOverlay((o) => (o?.kind === 'editor' && o.claimId === id ? null : o));
      dispatch({ type: 'delete', claimId: id });
      setNotice(`Claim deleted. Undo with ${IS_MAC ? '⌘Z' : 'Ctrl+Z'}.`);
    },
    [dispatch, setNotice, setOverlay],
  );
  return { claimSelection, deleteClaim };
}
