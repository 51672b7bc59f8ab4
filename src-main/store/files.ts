/** The shapes of the store's files on disk, each with its schemaVersion. */
import { z } from 'zod';
import { Article, ArticleSummary, Claim, type ArticleSummaryRow } from '../../src-shared/model';
import { DEFAULT_PREFERENCES, Preferences } from '../../src-shared/contract';

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = 2;

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
