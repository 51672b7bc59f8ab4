/** Article documents on the Node side: schema check, plain text and its hash, and a cache of texts (one per service context). */
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

/** The plain-text projection of an article's document. */
export function articleText(article: Pick<ArticleRecord, 'doc'>): string {
  return docText(parseDoc(article.doc));
}

/** Articles' plain texts, kept by text hash so a claim save does not rebuild its article's text. */
export interface TextCache {
  of(article: Pick<ArticleRecord, 'doc' | 'textHash'>): string;
}

/** A TextCache holding the texts of up to `size` articles (the least recently used is dropped first). */
export function createTextCache(size = 50): TextCache {
  const texts = new Map<string, string>();
  return {
    of(article) {
      let text = texts.get(article.textHash);
      if (text === undefined) {
        text = articleText(article);
        if (texts.size >= size) texts.delete(texts.keys().next().value as string);
      } else {
        texts.delete(article.textHash);
      }
      texts.set(article.textHash, text);
      return text;
    },
  };
}
