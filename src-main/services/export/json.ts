/**
 * Factmark's own JSON format: every article record with all its claims, exactly as stored (ids,
 * timestamps, revisions, history), so export.restore can put them back unchanged.
 */
import { z } from 'zod';
import { Article, Claim, Timestamp } from '../../../src-shared/model';
import type { ExportBundle } from './types';

/** The version of the format this build writes and reads. */
export const FACTMARK_EXPORT_VERSION = 1;

/** The shape of a Factmark JSON export. */
export const FactmarkExport = z.object({
  format: z.literal('factmark'),
  version: z.literal(FACTMARK_EXPORT_VERSION),
  exportedAt: Timestamp,
  articles: z.array(z.object({ article: Article, claims: z.array(Claim) })),
});

export type FactmarkExportData = z.infer<typeof FactmarkExport>;

/** Render the bundle as a Factmark JSON export (claims in document order). */
export function renderJson(bundle: ExportBundle): string {
  const data: FactmarkExportData = {
    format: 'factmark',
    version: FACTMARK_EXPORT_VERSION,
    exportedAt: bundle.exportedAt,
    articles: bundle.articles.map(({ article, claims }) => ({ article, claims })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
