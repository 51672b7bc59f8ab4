/**
 * Where the reviewer was: the last article opened (reopened after a reload) and each article's
 * scroll position in the article pane, kept in the page's local storage. A new article opens at
 * its headline.
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';

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
    storage()?.setItem(LAST_KEY, articleId);
    const stored = Number(storage()?.getItem(scrollKey(articleId)) ?? 0);
    const saved = Number.isFinite(stored) ? stored : 0;
    el.scrollTop = saved;
    // Once more after the first frame, when panels that load after the article have their height.
    const frame = requestAnimationFrame(() => {
      if (Math.abs(el.scrollTop - saved) > 1) el.scrollTop = saved;
    });
    return () => cancelAnimationFrame(frame);
  }, [scroller, articleId]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || !articleId) return;
    let frame = 0;
    const opened = performance.now();
    const onScroll = () => {
      if (frame || performance.now() - opened < 250) return; // the restore's own scrolls are not the reviewer's

      frame = requestAnimationFrame(() => {
        frame = 0;
        storage()?.setItem(scrollKey(articleId), String(Math.round(el.scrollTop)));
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
    };
  }, [scroller, articleId]);
}
