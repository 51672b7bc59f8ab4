/**
 * The desk benchmark's library: a 100,000-word article (3,000 paragraphs) with 2,000 claims, some
 * overlapping or nested, and the same text with none, written through the services. Deterministic:
 * every run measures the same articles.
 */
import { resolve } from 'node:path';
import { describeRange } from '../../src-shared/anchoring/describe';
import type { ClaimRecord, StatusId } from '../../src-shared/model';
import { STATUS_IDS } from '../../src-shared/statuses';
import { openFactmark } from '../../src-main/services/factmark';
import { makeClaim } from '../support/claims';
import { seeded } from '../../src-shared/seeded';

export const PARAGRAPHS = 3_000;
export const WORDS_PER_PARAGRAPH = 34; // 102,000 words
export const CLAIMS = 2_000;
/** The paragraphs an open must have painted with every highlight in them (more than the opening screen shows). */
export const FIRST_SCREEN_PARAGRAPHS = 20;

const VOCABULARY = (
  'the minister said growth exports rose percent last year council budget report figures claimed officials ' +
  'according to data showed fell unemployment inflation record highest lowest since government spokesperson ' +
  'announced promised million billion euros dollars tax health schools hospitals roads police crime rate'
).split(' ');


function makeParagraphs(variant: string): string[] {
  const next = seeded(7);
  return Array.from({ length: PARAGRAPHS }, (_, p) => {
    const words = Array.from({ length: WORDS_PER_PARAGRAPH }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
    words[0] = `${variant}${p + 1}.`;
    return words.join(' ');
  });
}

/** 2,000 claims spread over the text: most on their own, every 8th overlapping and every 10th nested in the one before. */
function makeClaims(articleId: string, text: string): ClaimRecord[] {
  const next = seeded(11);
  const claims: ClaimRecord[] = [];
  const step = Math.floor(text.length / CLAIMS);
  for (let i = 0; i < CLAIMS; i++) {
    let start = i * step + Math.floor(next() * (step / 3));
    let end = start + 20 + Math.floor(next() * 60);
    const prev = claims[i - 1]?.target.position;
    if (prev && i % 8 === 0) {
      start = prev.start + Math.floor((prev.end - prev.start) / 2);
      end = prev.end + 30;
    } else if (prev && i % 10 === 0) {
      start = prev.start + 3;
      end = Math.max(start + 4, prev.end - 3);
    }
    while (/\s/.test(text[start])) start++;
    while (/\s/.test(text[end - 1])) end--;
    const status = STATUS_IDS[i % STATUS_IDS.length] as StatusId;
    claims.push(
      makeClaim({
        id: `bench-${i}`,
        articleId,
        target: describeRange(text, start, end),
        claimant: `Speaker ${i % 37}`,
        status,
        evidence: i % 5 === 0 ? [{ id: `ev-${i}`, url: 'https://example.org/source', title: 'Source', date: '', citation: '', note: '', stance: 'supports' }] : [],
      }),
    );
  }
  return claims;
}

/**
 * Write both articles (with and without claims) into a fresh data folder through the services.
 * Returns how many claims start in the first screen's paragraphs of the article with claims.
 */
export async function makeLibrary(dataDir: string): Promise<number> {
  let firstScreenClaims = 0;
  const factmark = await openFactmark({ dataDir, resourcesDir: resolve('resources'), seed: false });
  try {
    for (const [title, variant, withClaims] of [
      ['Without claims', 'P', false],
      ['With claims', 'Q', true],
    ] as const) {
      const paragraphs = makeParagraphs(variant);
      const doc = { type: 'doc', content: paragraphs.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) };
      const created = await factmark.dispatcher.call('library.create', { meta: { title }, doc });
      if (!created.ok) throw new Error(created.error.message);
      const articleId = (created.value as { id: string }).id;
      if (!withClaims) continue;
      const data = await factmark.ctx.store.article(articleId);
      const claims = makeClaims(articleId, paragraphs.join('\n\n'));
      const firstScreenEnd = paragraphs.slice(0, FIRST_SCREEN_PARAGRAPHS).join('\n\n').length;
      firstScreenClaims = claims.filter((c) => c.target.position.start < firstScreenEnd).length;
      await factmark.ctx.store.writeArticle({ ...data, claims });
    }
  } finally {
    await factmark.close();
  }
  return firstScreenClaims;
}
