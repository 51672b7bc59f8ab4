/**
 * The library side of the app: the article list, the open article (the newest answer wins), the
 * preferences, and the store's notices. Opening an article tells the desk in the same update.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_PREFERENCES, type PreferencesRecord } from '../../src-shared/contract';
import type { ArticleMetaFields, ArticleRecord, ArticleSummaryRow } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';
import type { DeskEvent } from '../desk/desk-state';
import type { Messages } from './use-messages';
import { lastArticle } from './use-place';

/**
 * Claims fetched with an article when it opens; an article with more gets the rest right after its
 * first paint, so thousands of claims do not hold up the first screen (whose highlights are among these).
 */
export const OPENING_CLAIMS = 200;

export interface Library {
  articles: readonly ArticleSummaryRow[];
  /** The open article (its claims live in the desk). */
  article: ArticleRecord | null;
  prefs: PreferencesRecord;
  /** Whether the preferences have been read from the host (before that, `prefs` are the defaults). */
  prefsLoaded: boolean;
  refreshList(): Promise<ArticleSummaryRow[]>;
  /** Open (or reload) an article. */
  openArticle(id: string): Promise<void>;
  /** Open from the list: choosing the article already open, or opening, changes nothing. */
  openFromLibrary(id: string): void;
  savePrefs(next: PreferencesRecord): Promise<void>;
  saveDetails(meta: ArticleMetaFields): Promise<void>;
  onImported(id: string, duplicate: boolean): void;
  /** After articles were deleted or restored: refresh the list and open `openId`, else the first one (or none). */
  reopen(openId: string | null): Promise<void>;
}

/** `countsChanged`: the desk's count of creates and deletes; the list's claim counts follow it. */
export function useLibrary(client: FactmarkClient, dispatch: (event: DeskEvent) => void, messages: Messages, onOpened: () => void, countsChanged = 0): Library {
  const { report, setMessage, setNotice } = messages;
  const [articles, setArticles] = useState<ArticleSummaryRow[]>([]);
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  const [prefs, setPrefs] = useState<PreferencesRecord>(DEFAULT_PREFERENCES);
  const [prefsLoaded, setPrefsLoaded] = useState(false);
  const opened = useRef(onOpened);
  opened.current = onOpened;

  const refreshList = useCallback(async () => {
    const rows = await client.call('library.list', {});
    startTransition(() => setArticles(rows)); // counts only: never ahead of an edit being drawn
    return rows;
  }, [client]);
  useEffect(() => {
    if (countsChanged) void refreshList().catch(report);
  }, [countsChanged, refreshList, report]);

  /** How many of the store's notices the user has seen. */
  const noticesShown = useRef(0);
  /** Tell the user what the store repaired or refused (a damaged file moved aside, a newer file opened read-only). */
  const showStoreNotices = useCallback(async () => {
    const notices = await client.call('store.notices', {});
    const fresh = notices.slice(noticesShown.current);
    noticesShown.current = notices.length;
    if (fresh.length) setMessage(fresh.map((n) => n.message).join(' '));
  }, [client, setMessage]);

  /** The newest open asked for: only its answer is shown, so a slower, older answer never replaces it. */
  const latestOpen = useRef<{ serial: number; id: string | null }>({ serial: 0, id: null });

  const openArticle = useCallback(
    async (id: string) => {
      const serial = ++latestOpen.current.serial;
      latestOpen.current.id = id;
      const current = () => latestOpen.current.serial === serial;
      try {
        const result = await client.call('library.get', { articleId: id, claimLimit: OPENING_CLAIMS });
        if (!current()) return;
        void showStoreNotices().catch(report);
        // One update: the desk's claims and the article they anchor in change together.
        dispatch({ type: 'opened', articleId: result.article.id, claims: result.claims, claimCount: result.claimCount });
        setArticle(result.article);
        opened.current();
      } catch (error) {
        if (!current()) return;
        latestOpen.current.id = null; // choosing it again tries again
        report(error);
      }
    },
    [client, dispatch, report, showStoreNotices],
  );

  const openFromLibrary = useCallback(
    (id: string) => {
      if (latestOpen.current.id !== id) void openArticle(id);
    },
    [openArticle],
  );

  useEffect(() => {
    // The article used last (else the newest) opens at start, unless the user has chosen one already.
    refreshList()
      .then((rows) => {
        const first = lastArticle(rows.map((r) => r.id)) ?? rows[0]?.id;
        return first && latestOpen.current.serial === 0 ? openArticle(first) : undefined;
      })
      .catch(report);
    client.call('prefs.get', {}).then((loaded) => {
      setPrefs(loaded);
      setPrefsLoaded(true);
    }, report);
  }, [client, refreshList, openArticle, report]);

  const savePrefs = useCallback(
    async (next: PreferencesRecord) => {
      setPrefs(await client.call('prefs.set', next));
      setNotice('Preferences saved.');
    },
    [client, setNotice],
  );

  const saveDetails = useCallback(
    async (meta: ArticleMetaFields) => {
      if (!article) return;
      const saved = await client.call('library.updateMeta', { articleId: article.id, meta });
      setArticle((a) => (a && a.id === saved.id ? saved : a));
      setNotice('Article details saved.');
      void refreshList().catch(report);
    },
    [article, client, refreshList, report, setNotice],
  );

  const onImported = useCallback(
    (id: string, duplicate: boolean) => {
      void refreshList()
        .then(() => openArticle(id))
        .catch(report);
      setNotice(duplicate ? 'Already in the library: opened the existing article.' : 'Article imported.');
    },
    [openArticle, refreshList, report, setNotice],
  );

  const reopen = useCallback(
    async (openId: string | null) => {
      const rows = await refreshList();
      const next = openId ?? rows[0]?.id ?? null;
      if (next) return openArticle(next);
      latestOpen.current = { serial: latestOpen.current.serial + 1, id: null };
      setArticle(null);
    },
    [openArticle, refreshList],
  );

  return { articles, article, prefs, prefsLoaded, refreshList, openArticle, openFromLibrary, savePrefs, saveDetails, onImported, reopen };
}
