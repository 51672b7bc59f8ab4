/** Article documents on the Node side: schema check, plain text and its hash, with a small cache. */
import { createHash } from 'node:crypto';
import { Node as PMNode } from 'prosemirror-model';
import { FactmarkError } from '../../src-shared/contract';
import type { ArticleRecord } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { docText } from '../../src-shared/text';

/** Parse document JSON against the article schema; throws invalid-input with the reason. */
export function parseDoc(json: unknown): PMNode {
  try {
    const node = PMNode.fromJSON(articleSchema, json);
    node.check();
    return node;
  } catch (error) {
    throw new FactmarkError('invalid-input', `The document does not fit the article schema: ${(error as Error).message}`);
  }
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const textCache = new Map<string, string>();

/** The plain-text projection of an article, cached by its text hash. */
export function articleText(article: Pick<ArticleRecord, 'doc' | 'textHash'>): string {
  let text = textCache.get(article.textHash);
  if (text === undefined) {
    text = docText(parseDoc(article.doc));
    if (textCache.size > 50) textCache.clear();
    textCache.set(article.textHash, text);
  }
  return text;
}
