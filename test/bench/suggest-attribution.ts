/**
 * Claimant attribution measured on PolNeAR dev (../shared/data/attribution, never committed):
 * each row's sentence after its preceding context, the content span as the quote; correct when
 * the head word of the gold source (last content word, parentheticals and appositions dropped)
 * appears in the suggested claimant or in the source mention it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src-main/services/suggest/nlp';
import { attribute, type Attribution } from '../../src-main/services/suggest/attribution';
import { verbLists } from '../../src-main/services/suggest/cues';

export interface PolnearRow {
  sentence: string;
  gold_source: string;
  source_kind: 'named' | 'nominal' | 'pronoun';
  quote_type: 'direct' | 'indirect';
  cue: string;
  content_spans: [number, number][];
  sentence_start: number;
  preceding_context: string;
}

export function readPolnear(dataDir: string): PolnearRow[] {
  return readFileSync(join(dataDir, 'attribution', 'polnear-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PolnearRow);
}

const FUNCTION_WORDS = /^(all|both|each|himself|herself|themselves|the|a|an|of|and|or|in|on|at|for|to|with|by|from|'s|’s)$/i;

/** The head word of a gold source mention. */
export function headWord(gold: string): string {
  const core = gold.replace(/\([^)]*\)/g, ' ').split(/,\s|\s(?:--|—)\s/)[0].replace(/['’]s\b/g, '');
  const words = core.split(/[\s]+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w && !FUNCTION_WORDS.test(w));
  return words[words.length - 1] ?? gold.trim();
}

/** A row has a speech cue when its cue holds a speech verb, "according to" or a colon. */
export function hasSpeechCue(row: PolnearRow): boolean {
  const { speech } = verbLists();
  const cue = row.cue.toLowerCase();
  return cue.includes('according to') || /(^|\s):$|^[:―]$|:$/.test(cue) || cue.split(/[\s:]+/).some((w) => speech.has(w));
}

export interface Scored {
  row: PolnearRow;
  result: Attribution;
  correct: boolean;
}

/** Attribute one row; `quote`: the content span or the whole sentence. */
export function scoreRow(row: PolnearRow, quote: 'content' | 'sentence'): Scored {
  const context = row.preceding_context ? `${row.preceding_context} ` : '';
  const text = context + row.sentence;
  const base = context.length - row.sentence_start;
  const start = quote === 'content' ? Math.min(...row.content_spans.map((s) => s[0])) + base : context.length;
  const end = quote === 'content' ? Math.max(...row.content_spans.map((s) => s[1])) + base : text.length;
  const result = attribute(text, analyse(text), start, end);
  const head = headWord(row.gold_source).toLowerCase();
  const mention = result.sourceStart !== undefined ? text.slice(result.sourceStart, result.sourceEnd) : '';
  const has = (s: string) => new RegExp(`(^|[^\\p{L}])${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(s);
  return { row, result, correct: has(result.claimant) || has(mention) };
}

/** Accuracy per group key. */
export function accuracyBy(scored: Scored[], key: (s: Scored) => string): Record<string, { accuracy: number; n: number }> {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  const out: Record<string, { accuracy: number; n: number }> = {};
  for (const [k, list] of [...groups].sort()) out[k] = { accuracy: Math.round((1000 * list.filter((s) => s.correct).length) / list.length) / 1000, n: list.length };
  return out;
}
