/** The shapes of the store's files on disk, each with its schemaVersion. */
import { z, type ZodTypeAny } from 'zod';
import { Article, ArticleSummary, Claim, type ArticleSummaryRow } from '../../src-shared/model';
import { DEFAULT_PREFERENCES, Preferences } from '../../src-shared/contract';
import { isChecked, vouchChecked } from './checked';

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = 3;

export const IndexFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(ArticleSummary),
});

/** An article file. Its parse vouches for the article and each claim (checked.ts), so a save takes them without parsing them again. */
export const ArticleFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: Article.transform((article) => vouchChecked(Article, article)),
  claims: z.array(Claim.transform((claim) => vouchChecked(Claim, claim))),
});

export const PrefsFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  prefs: Preferences,
});

export type IndexData = z.infer<typeof IndexFile>;
export type ArticleData = z.infer<typeof ArticleFile>;
export type PrefsData = z.infer<typeof PrefsFile>;

/** `record` as it is when vouched for with `schema`, else parsed (and vouched for); throws when invalid. */
function checked<T extends object>(schema: ZodTypeAny, record: T): T {
  return isChecked(schema, record) ? record : vouchChecked(schema, schema.parse(record) as T);
}

/**
 * Validate an article file's data for saving. Records vouched for as checked are kept as they are:
 * every record the store loaded or saved (ArticleFile vouches for what it parses) and those a
 * caller parsed just before (e.g. a teammate's claim team sync read), so saving one changed claim
 * validates that claim, not the whole file.
 */
export function checkArticleData(next: ArticleData): ArticleData {
  if (next.schemaVersion !== SCHEMA_VERSION || !Array.isArray(next.claims)) return ArticleFile.parse(next);
  try {
    return { schemaVersion: SCHEMA_VERSION, article: checked(Article, next.article), claims: next.claims.map((claim) => checked(Claim, claim)) };
  } catch {
    return ArticleFile.parse(next); // throws, naming the bad field by its place in the file
  }
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
