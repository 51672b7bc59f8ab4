/** Whether an article's text starts with its headline (a first heading that reads as its title). */
import type { ArticleRecord } from '../../src-shared/model';
import { foldTitle as fold } from '../../src-shared/title';

interface JsonNode {
  type?: string;
  text?: string;
  content?: JsonNode[];
}

function textOf(node: JsonNode): string {
  return node.text ?? (node.content ?? []).map(textOf).join('');
}


/** True when the document's first block is a heading whose text is the article's title. */
export function startsWithHeadline(article: Pick<ArticleRecord, 'title' | 'doc'>): boolean {
  const first = (article.doc.content as JsonNode[] | undefined)?.[0];
  return first?.type === 'heading' && fold(textOf(first)) === fold(article.title) && fold(article.title) !== '';
}
