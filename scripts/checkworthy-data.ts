/**
 * Reads the CT24 check-worthiness TSVs (ClaimBuster, CC BY 4.0) from ../shared/data/checkworthy and
 * splits them by debate: Sentence_id ranges follow the debates, ids 29100 and up are the 2016
 * debates (held apart: they never train the weights; they set the threshold, cross-fitted in two
 * halves for the estimate), and validation takes whole 1000-id blocks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { seeded } from '../src-shared/seeded';

export interface LabelledSentence {
  id: number;
  text: string;
  yes: boolean;
}

/** Parse a CT24 TSV; a row fusing two records (a missing newline) is split back into both. */
export function readCt24(path: string): LabelledSentence[] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter: '\t', quoteChar: '"', skipEmptyLines: true });
  const rows = parsed.data.slice(1);
  const out: LabelledSentence[] = [];
  for (const row of rows) {
    let fields = row;
    while (fields.length >= 3) {
      const [id, text, label] = fields;
      const fused = /^(Yes|No)(\d+)$/.exec(label);
      const cls = fused ? fused[1] : label;
      if (!/^\d+$/.test(id) || (cls !== 'Yes' && cls !== 'No')) throw new Error(`${path}: bad row ${JSON.stringify(row).slice(0, 120)}`);
      out.push({ id: Number(id), text, yes: cls === 'Yes' });
      fields = fused ? [fused[2], ...fields.slice(3)] : fields.slice(3);
    }
    if (fields.length > 0 && fields.some((f) => f !== '')) throw new Error(`${path}: stray fields ${JSON.stringify(fields)}`);
  }
  return out;
}

/** First Sentence_id of the 2016 debates, held apart from training to estimate generalisation. */
export const HELD_APART_FROM_ID = 29_100;

/**
 * The 2016 debates in two halves by 1000-id block (blocks 32–33, 1,294 sentences, and the rest,
 * 1,451): each half is scored with the threshold picked on the other, so the estimate never picks
 * a threshold on the sentences it scores.
 */
export const isFirst2016Half = (id: number): boolean => id >= HELD_APART_FROM_ID && [32, 33].includes(Math.floor(id / 1000));

/** Which 1000-id blocks (below the held-apart range) form the validation split. */
export function validationBlocks(seed: number, share = 0.15): Set<number> {
  const blocks = Array.from({ length: Math.floor(HELD_APART_FROM_ID / 1000) }, (_, i) => i);
  const random = seeded(seed);
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  }
  return new Set(blocks.slice(0, Math.round(blocks.length * share)));
}

/** The shared data folder: FACTMARK_SHARED_DATA, or ../shared/data next to the checkout (worktrees: one level up). */
export function sharedDataDir(): string {
  const candidates = [process.env.FACTMARK_SHARED_DATA, '../shared/data', '../../shared/data'].filter((c): c is string => !!c);
  const found = candidates.find((c) => existsSync(resolve(c, 'checkworthy')));
  if (!found) throw new Error('no training data: set FACTMARK_SHARED_DATA to the shared data folder');
  return resolve(found);
}
