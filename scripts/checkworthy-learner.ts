/**
 * The learner behind the check-worthiness model: logistic regression over a sentence's hashed
 * features (L2-normalised) plus its mean word vector projected on a learned direction (the word
 * prior), trained by AdaGrad with the positive class weighted, seeded. Also scores examples.
 */
import { VECTOR_DIMS, type WordVectors } from './word-vectors';
import { seeded } from '../src-shared/seeded';

export interface Example {
  bag: Uint32Array;
  /** The mean unit word vector of the sentence's words (zeros when none has one). */
  meanVector: Float32Array;
  yes: boolean;
  /** The Sentence_id of a train-file sentence (its debate block is id / 1000). */
  id?: number;
}

export interface LearnerSettings {
  dims: number;
  epochs: number;
  /** AdaGrad rate of the hashed weights and the bias. */
  rate: number;
  /** AdaGrad rate of the word-prior direction. */
  priorRate: number;
  /** Multiplies the mean word vector (how much the prior can weigh against the hashed features). */
  priorScale: number;
  l2: number;
  seed: number;
}

export interface Learned {
  bias: number;
  weights: Float32Array;
  /** The word-prior direction: a word's prior value is priorScale × direction · its unit vector. */
  direction: Float32Array;
  settings: LearnerSettings;
}

/** The logit of one example. */
export function logit(m: Learned, e: Example): number {
  const norm = e.bag.length ? 1 / Math.sqrt(e.bag.length) : 0;
  let z = m.bias;
  for (let i = 0; i < e.bag.length; i++) z += m.weights[e.bag[i]] * norm;
  for (let i = 0; i < VECTOR_DIMS; i++) z += m.direction[i] * e.meanVector[i] * m.settings.priorScale;
  return z;
}

export function probabilities(m: Learned, examples: readonly Example[]): number[] {
  return examples.map((e) => 1 / (1 + Math.exp(-logit(m, e))));
}

export function learn(examples: readonly Example[], s: LearnerSettings): Learned {
  const m: Learned = { bias: 0, weights: new Float32Array(s.dims), direction: new Float32Array(VECTOR_DIMS), settings: s };
  const g2 = new Float32Array(s.dims).fill(1e-6);
  const dirG2 = new Float32Array(VECTOR_DIMS).fill(1e-6);
  let biasG2 = 1e-6;
  const positives = examples.filter((e) => e.yes).length;
  const posWeight = Math.sqrt((examples.length - positives) / Math.max(1, positives));
  const order = examples.map((_, i) => i);
  const random = seeded(s.seed);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const e = examples[k];
      const p = 1 / (1 + Math.exp(-logit(m, e)));
      const grad = (p - (e.yes ? 1 : 0)) * (e.yes ? posWeight : 1 / posWeight);
      const norm = e.bag.length ? 1 / Math.sqrt(e.bag.length) : 0;
      for (const f of e.bag) {
        const g = grad * norm + s.l2 * m.weights[f];
        g2[f] += g * g;
        m.weights[f] -= (s.rate * g) / Math.sqrt(g2[f]);
      }
      for (let i = 0; i < VECTOR_DIMS; i++) {
        const g = grad * e.meanVector[i] * s.priorScale + s.l2 * m.direction[i];
        dirG2[i] += g * g;
        m.direction[i] -= (s.priorRate * g) / Math.sqrt(dirG2[i]);
      }
      biasG2 += grad * grad;
      m.bias -= (s.rate * grad) / Math.sqrt(biasG2);
    }
  }
  return m;
}

/** Each word's prior value (priorScale × direction · unit vector), for the words given. */
export function wordPriorOf(m: Learned, vectors: WordVectors, words: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) {
    const v = vectors.vectorOf(w);
    if (!v) continue;
    let dot = 0;
    for (let i = 0; i < VECTOR_DIMS; i++) dot += m.direction[i] * v[i];
    out.set(w, dot * m.settings.priorScale);
  }
  return out;
}
