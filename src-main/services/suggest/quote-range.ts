/** The text range of the Nth occurrence of a quote in an article (the CLI names quotes, the operations ranges). */
import type { ArticleRecord } from '../../../src-shared/model';
import { resolveRange } from '../claims';
import { articleText } from '../documents';

export function quoteRange(article: Pick<ArticleRecord, 'doc' | 'textHash'>, quote: string, occurrence: number): { start: number; end: number } {
  return resolveRange(articleText(article), { quote, occurrence });
}
