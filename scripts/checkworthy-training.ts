/**
 * Training the check-worthiness model (logistic regression over hashed sentence features,
 * AdaGrad, seeded) on CT24. `npm run train:checkworthy` (train-checkworthy.ts) writes
 * resources/models/checkworthy.json; the suggest benchmark reruns the evaluation.
 * 1. Evaluation run: train on train minus validation blocks minus the 2016 debates; pick the
 *    threshold on validation; report F1/P/R on the held-apart 2016 debates and on dev.
 * 2. Shipped run: same settings on train + dev minus validation; threshold re-picked on validation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type Token } from '../src-main/services/suggest/nlp';
import { featurize } from '../src-main/services/suggest/features';
import { encodeModel, type CheckworthyModel } from '../src-main/services/suggest/checkworthy-model';
import { HELD_APART_FROM_ID, readCt24, rng, sharedDataDir, validationBlocks, type LabelledSentence } from './checkworthy-data';
import { bestThreshold, prf } from './classifier-metrics';

const SEED = 13;
const DIMS = 1 << 18;
const EPOCHS = Number(process.env.EPOCHS ?? 6);
const L2 = Number(process.env.L2 ?? 1e-5);
const RATE = Number(process.env.RATE ?? 0.05);

export interface Example {
  bag: Uint32Array;
  yes: boolean;
}

function tokens(text: string): Token[] {
  return analyse(text.replace(/\s+/g, ' ')).flatMap((s) => s.tokens);
}

function toExamples(rows: LabelledSentence[]): Example[] {
  return rows.map((r) => ({ bag: featurize(tokens(r.text), DIMS), yes: r.yes }));
}

/** Logistic regression with per-feature AdaGrad and lazy L2 on the touched weights; positive class weighted. */
function train(examples: Example[], seed: number): CheckworthyModel {
  const weights = new Float32Array(DIMS);
  const g2 = new Float32Array(DIMS).fill(1e-6);
  let bias = 0;
  let biasG2 = 1e-6;
  const positives = examples.filter((e) => e.yes).length;
  const posWeight = (examples.length - positives) / Math.max(1, positives);
  const order = examples.map((_, i) => i);
  const random = rng(seed);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { bag, yes } = examples[k];
      const norm = 1 / Math.sqrt(bag.length);
      let z = bias;
      for (const f of bag) z += weights[f] * norm;
      const p = 1 / (1 + Math.exp(-z));
      const grad = (p - (yes ? 1 : 0)) * (yes ? Math.sqrt(posWeight) : 1 / Math.sqrt(posWeight));
      for (const f of bag) {
        const g = grad * norm + L2 * weights[f];
        g2[f] += g * g;
        weights[f] -= (RATE * g) / Math.sqrt(g2[f]);
      }
      biasG2 += grad * grad;
      bias -= (RATE * grad) / Math.sqrt(biasG2);
    }
  }
  return { dims: DIMS, bias, threshold: 0.5, weights };
}

function scores(model: CheckworthyModel, examples: Example[]): number[] {
  return examples.map(({ bag }) => {
    const norm = 1 / Math.sqrt(bag.length);
    let z = model.bias;
    for (const f of bag) z += model.weights[f] * norm;
    return 1 / (1 + Math.exp(-z));
  });
}

export interface Splits {
  fit: Example[];
  val: Example[];
  held: Example[];
  dev: Example[];
  valBlocks: Set<number>;
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
  const all = new Map<LabelledSentence, Example>();
  const ex = (rows: LabelledSentence[]) => rows.map((r) => all.get(r) ?? all.set(r, toExamples([r])[0]).get(r)!);
  const fit = ex(trainRows.filter((r) => !isHeld(r) && !isVal(r)));
  const val = ex(trainRows.filter(isVal));
  const held = ex(trainRows.filter(isHeld));
  const dev = ex(devRows);
  console.log(`features: ${((Date.now() - t0) / 1000).toFixed(1)} s; fit ${fit.length}, validation ${val.length}, held-apart ${held.length}, dev ${dev.length}`);
  return { fit, val, held, dev, valBlocks };
}

/** The evaluation run: train without validation and held-apart debates, threshold on validation. */
export function evaluationRun(splits: Splits) {
  const { fit, val, held, dev } = splits;
  const evalModel = train(fit, SEED);
  const threshold = bestThreshold(scores(evalModel, val), val.map((e) => e.yes));
  const at = (m: CheckworthyModel, set: Example[]) => prf(scores(m, set), set.map((e) => e.yes), threshold);
  return { threshold, validation: at(evalModel, val), heldApart2016: at(evalModel, held), dev: at(evalModel, dev) };
}

/** Train both runs and write the shipped model file. */
export function trainAndWrite(): void {
  const t0 = Date.now();
  const splits = loadSplits();
  const { fit, val, held, dev, valBlocks } = splits;
  const evaluation = evaluationRun(splits);
  console.log('evaluation run', JSON.stringify(evaluation, null, 1));

  const shipFit = [...fit, ...held, ...dev];
  const shipModel = train(shipFit, SEED);
  shipModel.threshold = bestThreshold(scores(shipModel, val), val.map((e) => e.yes));
  const shipped = { threshold: shipModel.threshold, validation: prf(scores(shipModel, val), val.map((e) => e.yes), shipModel.threshold) };
  console.log('shipped run', JSON.stringify(shipped));
  const file = encodeModel(shipModel, 'CT24 train + dev (ClaimBuster, CC BY 4.0) minus validation blocks', {
    seed: SEED,
    epochs: EPOCHS,
    l2: L2,
    rate: RATE,
    validationBlocks: [...valBlocks].sort((a, b) => a - b),
    heldApartFromId: HELD_APART_FROM_ID,
    evaluation,
    shipped,
  });
  mkdirSync('resources/models', { recursive: true });
  writeFileSync('resources/models/checkworthy.json', `${JSON.stringify(file)}\n`);
  console.log(`wrote resources/models/checkworthy.json in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
