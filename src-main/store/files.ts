/** The shapes of the store's files on disk, each with its schemaVersion. */
import { z } from 'zod';
import { Article, ArticleSummary, Claim, type ArticleSummaryRow } from '../../src-shared/model';
import { DEFAULT_PREFERENCES, Preferences } from '../../src-shared/contract';
import { isChecked } from './checked';

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = 3;

export const IndexFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(ArticleSummary),
});

export const ArticleFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: Article,
  claims: z.array(Claim),
});

export const PrefsFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  prefs: Preferences,
});

export type IndexData = z.infer<typeof IndexFile>;
export type ArticleData = z.infer<typeof ArticleFile>;
export type PrefsData = z.infer<typeof PrefsFile>;

/**
 * Validate an article file's data for saving. The article record and claims that are the very
 * objects of `previous` (validated when they were loaded or saved) are kept as they are, so saving
 * one claim validates that claim, not the whole file; so are records their caller vouched for
 * (checked.ts: parsed with the same schema, Article or Claim, just before, e.g. a teammate's claim team sync read).
 */
export function checkArticleData(next: ArticleData, previous: ArticleData | null): ArticleData {
  if (next.schemaVersion !== SCHEMA_VERSION || !Array.isArray(next.claims)) return ArticleFile.parse(next);
  const claimChecked = (record: unknown) => isChecked(Claim, record);
  if (!previous && !isChecked(Article, next.article) && !next.claims.some(claimChecked)) return ArticleFile.parse(next);
  const known = new Set<unknown>(previous?.claims);
  const kept = (record: unknown) => known.has(record) || claimChecked(record);
  return {
    schemaVersion: SCHEMA_VERSION,
    article: (previous && next.article === previous.article) || isChecked(Article, next.article) ? next.article : Article.parse(next.article),
    claims: next.claims.map((claim) => (kept(claim) ? claim : Claim.parse(claim))),
  };
}

export const DEFAULT_PREFS: PrefsData['prefs'] = DEFAULT_PREFERENCES;

/** The index row for an article file. */
export function summarise(data: ArticleData): ArticleSummaryRow {
  const { id, title, byline, publisher, sourceUrl, publishedAt, importedAt, updatedAt, textHash, previousVersionId } = data.article;
  return {
    id, title, byline, publisher, sourceUrl, publishedAt, importedAt, updatedAt, textHash,
    claimCount: data.claims.length,
    ...(previousVersionId ? { previousVersionId } : {}),
  };
}
