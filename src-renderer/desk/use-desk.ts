/**
 * The desk in React: one DeskStore for the app's life, its state as React state (the host's answers
 * in a transition, behind input), the rest of a long article's claims fetched after the first
 * paint, and the page's unload held while saves are on their way.
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { ChangeStamp } from '../../src-shared/claims';
import { errorMessage, type FactmarkClient } from '../api/client';
import { afterNextPaint, nextPaint } from '../after-paint';
import { DeskStore } from './desk-store';
import type { DeskEvent, DeskState } from './desk-state';
import { clientSaveTransport } from './save-queue';

export interface Desk {
  state: DeskState;
  dispatch(event: DeskEvent): void;
  /** Now, by the reviewer named in preferences. */
  stamp(): ChangeStamp;
}

export function useDesk(client: FactmarkClient, reviewer: string): Desk {
  const [store] = useState(() => new DeskStore(clientSaveTransport(client), nextPaint));
  const [state, setState] = useState(store.state);

  useEffect(() => {
    setState(store.state);
    return store.subscribe((next, urgent) => (urgent ? setState(next) : startTransition(() => setState(next))));
  }, [store]);

  // A long article opens with its first claims; the rest are fetched once that first screen is painted.
  const { articleId, opening, loading } = state;
  useEffect(() => {
    const last = opening[opening.length - 1];
    if (!articleId || !loading || !last) return;
    let live = true;
    const cancelPaint = afterNextPaint(() => {
      client.call('claims.list', { articleId, after: last.id }).then(
        (claims) => live && store.dispatch({ type: 'more-claims', articleId, claims }),
        (error: unknown) => live && store.dispatch({ type: 'more-claims-failed', articleId, message: errorMessage(error) }),
      );
    });
    return () => {
      live = false;
      cancelPaint();
    };
    // A new opening (a new `opening` array) starts a fetch; `loading` is set with it.
  }, [client, store, articleId, opening]);

  // Leaving the page while a change is on its way to the host holds the unload: the browser asks
  // first; the desktop app waits for the save (src-main/electron/close-guard.ts).
  useEffect(() => {
    const holdUnload = (event: BeforeUnloadEvent) => {
      if (store.state.inFlight === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', holdUnload);
    return () => window.removeEventListener('beforeunload', holdUnload);
  }, [store]);

  return useMemo(() => ({ state, dispatch: store.dispatch, stamp: () => ({ at: new Date().toISOString(), reviewer }) }), [state, store, reviewer]);
}
