/**
 * Claim suggestions for the open article: fetched from suggest.claims while wanted, minus the
 * sentences that have become claims; dismissing one is remembered by the host for that article.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SuggestedSentenceRecord } from '../../src-shared/contract-suggest';
import { ENGLISH_ONLY_NOTE } from '../../src-shared/contract-suggest';
import type { ArticleRecord, ClaimRecord } from '../../src-shared/model';
import type { FactmarkClient } from '../api/client';

export type Suggestion = SuggestedSentenceRecord;

export interface SuggestionsState {
  /** Suggestions not claimed yet, in document order. */
  items: readonly Suggestion[];
  loading: boolean;
  /** Why there are none (another language), or null. */
  note: string | null;
  dismiss(s: Suggestion): Promise<void>;
}

/** Whether a language tag names English (an empty tag is left to the host's check of the text). */
function englishTag(language: string): boolean {
  const tag = language.trim().toLowerCase();
  return tag === '' || tag === 'en' || tag.startsWith('en-') || tag === 'english';
}

export function useSuggestions(options: {
  client: FactmarkClient;
  article: ArticleRecord | null;
  claims: readonly ClaimRecord[];
  wanted: boolean;
  report(error: unknown): void;
}): SuggestionsState {
  const { client, article, claims, wanted, report } = options;
  const [fetched, setFetched] = useState<{ key: string; items: Suggestion[] } | null>(null);
  const key = article ? `${article.id}:${article.textHash}` : '';
  const articleId = article?.id ?? '';

  useEffect(() => {
    if (!wanted || !articleId || fetched?.key === key) return;
    let live = true;
    client.call('suggest.claims', { articleId }).then(
      (items) => live && setFetched({ key, items }),
      (error) => live && report(error),
    );
    return () => {
      live = false;
    };
  }, [client, articleId, key, wanted, fetched?.key, report]);

  const current = fetched?.key === key ? fetched.items : null;
  const items = useMemo(() => {
    if (!current) return [];
    return current.filter((s) => !claims.some((c) => c.target.position.start < s.end && c.target.position.end > s.start));
  }, [current, claims]);

  const dismiss = useCallback(
    async (s: Suggestion) => {
      setFetched((f) => (f && f.key === key ? { key, items: f.items.filter((x) => x.start !== s.start) } : f));
      try {
        await client.call('suggest.dismiss', { articleId, start: s.start, end: s.end });
      } catch (error) {
        report(error);
      }
    },
    [client, articleId, key, report],
  );

  const note = article && !englishTag(article.language) ? ENGLISH_ONLY_NOTE : null;
  return { items, loading: wanted && !!articleId && current === null && note === null, note, dismiss };
}
