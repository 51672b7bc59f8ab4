/**
 * Queries over the claim index, scored with BM25 (k1 1.2, b 0.7, BM25+ δ 0.5):
 * - search: every word must occur in the quote (counted twice), note or evidence titles; the last
 *   word may be a prefix. Words are visited rarest first over typed per-shard counters, so the cost
 *   follows the posting lists, not the number of claims.
 * - similar ("checked before"): candidates come from the query's distinctive words only (the
 *   rarest, words in a large share of claims dropped, at most ten), then the best few dozen are
 *   rescored with BM25 over every word of the query and a shared-figure boost.
 */
import type { ClaimIndex } from './claim-index';
import type { ClaimRow, Hit } from './claim-row';
import { Matches, type DocFilter } from './matches';
import { figuresOf, termsOf } from './normalise';
import { postingDoc, postingOtherTf, postingQuoteTf, type Shard } from './shard';
import { TopK } from './top-k';

const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
/** A word found only as a longer word's prefix counts this much (as in MiniSearch). */
const PREFIX_WEIGHT = 0.375;
const MAX_PREFIX_TERMS = 64;
const MAX_QUERY_WORDS = 32;
/** Checked before: at most this many distinctive words pick the candidates ... */
const MAX_SIMILAR_TERMS = 10;
/** ... always the rarest few, and others only if they occur in no more than this share of claims. */
const MIN_SIMILAR_TERMS = 3;
const COMMON_SHARE = 0.05;

/**
 * Per-doc scratch counters, reused by every query (queries run synchronously, one at a time) so
 * a query over a million claims allocates nothing large; every user leaves them zeroed.
 */
const scratchArrays = { reached: new Uint8Array(0), score: new Float64Array(0), touched: new Int32Array(0), finals: new Int32Array(0) };
function scratch(n: number): typeof scratchArrays {
  if (scratchArrays.reached.length < n) {
    scratchArrays.reached = new Uint8Array(n * 2);
    scratchArrays.score = new Float64Array(n * 2);
    scratchArrays.touched = new Int32Array(n * 2);
    scratchArrays.finals = new Int32Array(n * 2);
  }
  return scratchArrays;
}

function tfPart(tf: number, len: number, avg: number): number {
  return tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg)) + DELTA;
}

function idf(df: number, n: number): number {
  return Math.log(1 + (Math.max(n, df) - df + 0.5) / (df + 0.5));
}

interface Stats {
  n: number;
  avgQuote: number;
  avgOther: number;
}

function statsOf(index: ClaimIndex): Stats {
  let n = 0;
  let q = 0;
  let o = 0;
  for (const s of index.shards) {
    n += s.live;
    q += s.sumQuoteLen;
    o += s.sumOtherLen;
  }
  return { n, avgQuote: Math.max(1, q / Math.max(1, n)), avgOther: Math.max(1, o / Math.max(1, n)) };
}

interface Alternative {
  id: number;
  /** The word's weight times its idf. */
  weight: number;
}

/** Claims holding every word of `text` that pass `filter`, with their scores (in no order). */
export function searchIndex(index: ClaimIndex, text: string, filter: DocFilter, matches = new Matches()): Matches {
  const terms = termsOf(text);
  if (!terms.length) return matches;
  const last = terms[terms.length - 1];
  const words = [...new Set(terms)].slice(-MAX_QUERY_WORDS);
  const stats = statsOf(index);
  const vocabulary = index.vocabulary;
  const groups: { alternatives: Alternative[]; cost: number }[] = [];
  for (const word of words) {
    const exact = vocabulary.idOf(word);
    const ids = exact === undefined ? [] : [exact];
    if (word === last && word.length >= 2) for (const id of vocabulary.withPrefix(word, MAX_PREFIX_TERMS)) if (id !== exact) ids.push(id);
    let cost = 0;
    const alternatives = ids.map((id) => {
      const df = index.documentFrequency(id);
      cost += df;
      return { id, weight: (id === exact ? 1 : PREFIX_WEIGHT) * idf(df, stats.n) };
    });
    if (cost === 0) return matches; // a word no claim has: nothing holds every word
    groups.push({ alternatives, cost });
  }
  groups.sort((a, b) => a.cost - b.cost);
  index.shards.forEach((shard, s) => shard.live && searchShard(shard, s, groups, stats, filter, matches));
  return matches;
}

function searchShard(shard: Shard, s: number, groups: { alternatives: Alternative[] }[], stats: Stats, filter: DocFilter, matches: Matches): void {
  const { quoteLen, otherLen, docs } = shard;
  const { avgQuote, avgOther } = stats;
  if (groups.length === 1 && groups[0].alternatives.length === 1) {
    // One word, no prefix alternatives: every posting is a match if it passes the filter.
    const { id, weight } = groups[0].alternatives[0];
    const list = shard.postings.get(id);
    if (!list) return;
    for (let j = 0; j < list.length; j++) {
      const p = list[j];
      const d = postingDoc(p);
      if (docs[d] === undefined || !filter(shard, d)) continue;
      matches.add(s, d, weight * (2 * tfPart(postingQuoteTf(p), quoteLen[d], avgQuote) + tfPart(postingOtherTf(p), otherLen[d], avgOther)));
    }
    return;
  }
  const { reached, score, touched, finals } = scratch(docs.length);
  let touchedCount = 0;
  let finalCount = 0;
  for (let g = 0; g < groups.length; g++) {
    const isLast = g === groups.length - 1;
    for (const alt of groups[g].alternatives) {
      const list = shard.postings.get(alt.id);
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const p = list[j];
        const d = postingDoc(p);
        if (reached[d] !== g) continue;
        if (g === 0) {
          if (docs[d] === undefined || !filter(shard, d)) continue; // filtered out before any other word is visited
          touched[touchedCount++] = d;
        }
        reached[d] = g + 1;
        score[d] += alt.weight * (2 * tfPart(postingQuoteTf(p), quoteLen[d], avgQuote) + tfPart(postingOtherTf(p), otherLen[d], avgOther));
        if (isLast) finals[finalCount++] = d;
      }
    }
    if (touchedCount === 0) break;
  }
  for (let i = 0; i < finalCount; i++) matches.add(s, finals[i], score[finals[i]]);
  for (let i = 0; i < touchedCount; i++) {
    reached[touched[i]] = 0;
    score[touched[i]] = 0;
  }
}

const byScore = (a: Hit, b: Hit) => b.score - a.score || a.row.key - b.row.key;

/** A "checked before" candidate, with where it lives in the index. */
interface Candidate extends Hit {
  shard: number;
  doc: number;
}

/** How often a term occurs in doc d's quote, from the term's posting list (in doc order); 0 when absent. */
function quoteTfOf(list: readonly number[] | undefined, d: number): number {
  if (!list) return 0;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postingDoc(list[mid]) < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && postingDoc(list[lo]) === d ? postingQuoteTf(list[lo]) : 0;
}

export function similarInIndex(index: ClaimIndex, text: string, limit: number, keep: (row: ClaimRow) => boolean): Hit[] {
  const stats = statsOf(index);
  const known: { id: number; df: number; idf: number }[] = [];
  for (const term of new Set(termsOf(text))) {
    const id = index.vocabulary.idOf(term);
    if (id === undefined) continue;
    const df = index.documentFrequency(id);
    if (df > 0) known.push({ id, df, idf: idf(df, stats.n) });
  }
  if (!known.length) return [];
  known.sort((a, b) => a.df - b.df);
  const common = Math.max(500, stats.n * COMMON_SHARE);
  const distinctive = known.filter((t, i) => i < MIN_SIMILAR_TERMS || t.df <= common).slice(0, MAX_SIMILAR_TERMS);

  const candidates = new TopK<Candidate>(Math.max(limit * 4, 40), byScore);
  index.shards.forEach((shard, s) => {
    if (!shard.live) return;
    const { score, touched } = scratch(shard.docs.length);
    let touchedCount = 0;
    for (const t of distinctive) {
      const list = shard.postings.get(t.id);
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const p = list[j];
        const quoteTf = postingQuoteTf(p);
        if (!quoteTf) continue; // a word only in the note or evidence
        const d = postingDoc(p);
        if (score[d] === 0) touched[touchedCount++] = d;
        score[d] += t.idf * tfPart(quoteTf, shard.quoteLen[d], stats.avgQuote);
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const d = touched[i];
      const worst = candidates.worst;
      if (worst && score[d] <= worst.score) continue;
      const row = shard.docs[d];
      if (row && keep(row)) candidates.offer({ row, score: score[d], shard: s, doc: d });
    }
    for (let i = 0; i < touchedCount; i++) score[touched[i]] = 0;
  });

  // Rescore the candidates over every word of the query (term counts read from the posting lists), and boost a shared figure.
  const figures = figuresOf(text);
  const ranked = candidates.sorted().map(({ row, shard: s, doc }) => {
    const shard = index.shards[s];
    let score = 0;
    for (const t of known) score += t.idf * tfPart(quoteTfOf(shard.postings.get(t.id), doc), shard.quoteLen[doc], stats.avgQuote);
    if (figures.length) {
      const shared = new Set(figuresOf(row.quote));
      score *= 1 + figures.filter((f) => shared.has(f)).length / figures.length;
    }
    return { row, score };
  });
  return ranked.sort(byScore).slice(0, limit);
}
