/** Precision, recall and F1 of the positive class at a threshold, and the threshold that maximises F1. */
export interface Prf {
  f1: number;
  precision: number;
  recall: number;
  n: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function prf(scores: readonly number[], gold: readonly boolean[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && gold[i]) tp++;
    else if (predicted) fp++;
    else if (gold[i]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1: round(f1), precision: round(precision), recall: round(recall), n: scores.length };
}

/** The threshold (in steps of 0.01) with the best F1 on these scores. */
export function bestThreshold(scores: readonly number[], gold: readonly boolean[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const { f1 } = prf(scores, gold, t);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
