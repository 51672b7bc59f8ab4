/** The desk's two claim actions that need the view and the messages: claim the selected text, delete a claim. */
import { useCallback, type RefObject } from 'react';
import { newClaim } from '../../src-shared/claims';
import type { ClaimTarget } from '../../src-shared/model';
import { afterNextPaint } from '../after-paint';
import type { Desk } from '../desk/use-desk';
import type { ArticleViewHandle } from '../editor/ArticleView';
import { IS_MAC } from '../shortcuts';

interface Options {
  desk: Desk;
  viewHandle: RefObject<ArticleViewHandle | null>;
  setMessage: (text: string | null) => void;
  setNotice: (text: string) => void;
  /** Called with each new claim made by hand (after it is painted), to pre-fill its claimant. */
  suggestClaimant: (claimId: string, target: ClaimTarget) => void;
  /** Called with each new claim made by hand: its editor takes the focus. */
  onCreated: (claimId: string) => void;
}

const HEADLINE_OUTSIDE_TEXT = 'This headline is not part of the article’s text (it was added before headlines were kept in the text): import the page again as a new version to claim it.';

/** Whether the selection is in a headline shown apart from the article's text. */
function inSeparateHeadline(): boolean {
  const node = window.getSelection()?.anchorNode ?? null;
  const element = node instanceof Element ? node : node?.parentElement;
  return !!element?.closest('.fm-article-title');
}

export function useClaimActions({ desk, viewHandle, setMessage, setNotice, suggestClaimant, onCreated }: Options) {
  const { dispatch } = desk;
  const articleId = desk.state.articleId;
  const claimSelection = useCallback(
    (given?: ClaimTarget | null) => {
      if (!articleId) return;
      const target = given ?? viewHandle.current?.selectedTarget();
      if (!target) return setNotice(inSeparateHeadline() ? HEADLINE_OUTSIDE_TEXT : 'Select some text in the article first.');
      const claim = newClaim({ id: crypto.randomUUID(), articleId, target, stamp: desk.stamp() });
      dispatch({ type: 'create', claim });
      // Asked after the new claim is painted: sending the request costs the key's frame a few ms.
      afterNextPaint(() => suggestClaimant(claim.id, target));
      setMessage(null);
      viewHandle.current?.clearSelection();
      onCreated(claim.id);
    },
    [desk, dispatch, setMessage, setNotice, articleId, suggestClaimant, viewHandle, onCreated],
  );

  const deleteClaim = useCallback(
    (id: string) => {
      dispatch({ type: 'delete', claimId: id });
      setNotice(`Claim deleted. Undo with ${IS_MAC ? '⌘Z' : 'Ctrl+Z'}.`);
    },
    [dispatch, setNotice],
  );
  return { claimSelection, deleteClaim };
}
