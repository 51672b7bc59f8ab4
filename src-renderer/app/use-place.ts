/**
 * Where the reviewer was: the last article opened (reopened after a reload) and each article's
 * scroll position in the article pane, kept in the page's local storage. A new article opens at
 * its headline.
 */
import { useLayoutEffect, type RefObject } from 'react';

const LAST_KEY = 'factmark.lastArticle';
const scrollKey = (articleId: string) => `factmark.scroll.${articleId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage refused (a locked-down profile): places are simply not kept
  }
}

/** The article opened last, if it is still in the library. */
export function lastArticle(ids: readonly string[]): string | null {
  const id = storage()?.getItem(LAST_KEY) ?? null;
  return id && ids.includes(id) ? id : null;
}

/** Remember the open article and keep its scroll position in `scroller`; put it back when it opens. */
export function usePlace(scroller: RefObject<HTMLElement | null>, articleId: string | null): void {
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !articleId) return;
    const store = storage();
    store?.setItem(LAST_KEY, articleId);
    const stored = Number(store?.getItem(scrollKey(articleId)) ?? 0);
    const saved = Number.isFinite(stored) ? stored : 0;
    el.scrollTop = saved;
    let restoring = true;
    let pending = 0;
    // Once more after the first frame, when panels that load after the article have their height;
    // the restore ends after the frame that delivers that scroll's event.
    let frame = requestAnimationFrame(() => {
      if (Math.abs(el.scrollTop - saved) > 1) el.scrollTop = saved;
      frame = requestAnimationFrame(() => (restoring = false));
    });
    const onScroll = () => {
      // While restoring, a position held short of the saved one by a pane not yet laid out is not the reviewer's.
      const clamped = el.scrollTop < saved - 1 && el.scrollTop >= el.scrollHeight - el.clientHeight - 1;
      if ((restoring && clamped) || pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        store?.setItem(scrollKey(articleId), String(Math.round(el.scrollTop)));
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(pending);
      el.removeEventListener('scroll', onScroll);
    };
  }, [scroller, articleId]);
}
