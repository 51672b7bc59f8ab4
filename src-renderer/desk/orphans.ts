/**
 * Orphans, derived in the desk: the claims whose text is no longer found in the article. The
 * article's plain text is computed once per article record, after the first paint (it is not
 * needed to draw), and each claim is anchored once per text.
 */
import { useEffect, useState } from 'react';
import { Node as PMNode } from 'prosemirror-model';
import { anchorClaim } from '../../src-shared/anchoring/anchor';
import type { ArticleRecord, ClaimRecord } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import { docText } from '../../src-shared/text';
import { afterNextPaint } from '../after-paint';

const texts = new WeakMap<ArticleRecord, string>();
/** Whether each claim (by object) anchors, per text. */
const anchors = new Map<string, WeakMap<ClaimRecord, boolean>>();

/** The article's plain-text projection (src-shared/text.ts), once per article record. */
export function articleText(article: ArticleRecord): string {
  let text = texts.get(article);
  if (text === undefined) {
    text = docText(PMNode.fromJSON(articleSchema, article.doc));
    texts.set(article, text);
  }
  return text;
}

/** The claims that anchor nowhere in `text`, in the order given. */
export function orphansIn(text: string, claims: readonly ClaimRecord[]): ClaimRecord[] {
  let known = anchors.get(text);
  if (!known) {
    anchors.clear(); // one article's text at a time
    known = new WeakMap();
    anchors.set(text, known);
  }
  return claims.filter((claim) => {
    let found = known.get(claim);
    if (found === undefined) {
      found = anchorClaim(text, claim) !== null;
      known.set(claim, found);
    }
    return !found;
  });
}

const NONE: readonly ClaimRecord[] = [];

/** The open article's orphans, worked out after the paint that shows a change (the same list while it stays the same). */
export function useOrphans(article: ArticleRecord | null, claims: readonly ClaimRecord[]): readonly ClaimRecord[] {
  const [orphans, setOrphans] = useState(NONE);
  useEffect(() => {
    if (!article || claims.length === 0) {
      setOrphans(NONE);
      return;
    }
    return afterNextPaint(() => {
      const found = orphansIn(articleText(article), claims);
      setOrphans((was) => (was.length === found.length && was.every((c, i) => c === found[i]) ? was : found.length ? found : NONE));
    });
  }, [article, claims]);
  return orphans;
}
