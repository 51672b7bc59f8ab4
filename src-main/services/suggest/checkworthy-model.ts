/**
 * The check-worthiness model: a logistic regression over hashed sentence features plus a word-prior
 * term (one number per word, from GloVe vectors), stored as JSON (weights quantised to 16-bit
 * integers, base64). Loads from resources/models/checkworthy.json once; scores a tokenised sentence
 * in microseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { featurize } from './features';
import { wordPriorTerm } from './word-prior';
import type { Token } from './nlp';
import { resourcesDir } from '../../paths';

/** 16-bit integers (base64) and the scale that turns them back into numbers: value i = int16[i] * scale. */
const Quantised = z.object({ scale: z.number().positive(), int16Base64: z.string() });

export const ModelFile = z.object({
  format: z.literal('factmark-checkworthy/3'),
  dims: z.number().int().positive(),
  bias: z.number(),
  /** Score at or above which a sentence is called check-worthy (picked on a validation split). */
  threshold: z.number().min(0).max(1),
  /**
   * The largest share of an article's sentences that is suggested: the highest share the model
   * flags in any one debate of its data. News prose passes the debate-calibrated threshold far
   * more often; past this share only the best-ranked sentences are suggested (see suggestion-share.ts).
   */
  maxShare: z.number().gt(0).max(1),
  /** Weight i = int16[i] * scale. */
  scale: z.number().positive(),
  weightsInt16Base64: z.string(),
  /** The word-prior term's value per word (words[i] has value i). */
  wordPrior: z.object({ words: z.array(z.string()), values: Quantised }),
  trainedOn: z.string(),
  metrics: z.record(z.string(), z.unknown()),
});
export type ModelFileData = z.infer<typeof ModelFile>;

export interface CheckworthyModel {
  dims: number;
  bias: number;
  threshold: number;
  maxShare: number;
  weights: Float32Array;
  /** Each word's value in the word-prior term (a word not in it adds nothing). */
  wordPrior: ReadonlyMap<string, number>;
}

/** The probability that a sentence is check-worthy, from raw (float) weights. */
export function scoreTokens(model: CheckworthyModel, tokens: readonly Token[]): number {
  const bag = featurize(tokens, model.dims);
  if (bag.length === 0) return 0;
  const norm = 1 / Math.sqrt(bag.length);
  let z = model.bias + wordPriorTerm(model.wordPrior, tokens);
  for (let i = 0; i < bag.length; i++) z += model.weights[bag[i]] * norm;
  return 1 / (1 + Math.exp(-z));
}

function quantise(values: ArrayLike<number>): z.infer<typeof Quantised> {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const ints = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) ints[i] = Math.round(values[i] / scale);
  return { scale, int16Base64: Buffer.from(ints.buffer).toString('base64') };
}

function dequantise(q: z.infer<typeof Quantised>, length: number): Float32Array {
  const bytes = Buffer.from(q.int16Base64, 'base64');
  if (bytes.length !== length * 2) throw new Error('the check-worthiness model file is truncated');
  const ints = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return Float32Array.from(ints, (i) => i * q.scale);
}

/** Quantise float weights into the shipped file format. */
export function encodeModel(m: CheckworthyModel, trainedOn: string, metrics: Record<string, unknown>): ModelFileData {
  const weights = quantise(m.weights);
  const words = [...m.wordPrior.keys()];
  return {
    format: 'factmark-checkworthy/3',
    dims: m.dims,
    bias: m.bias,
    threshold: m.threshold,
    maxShare: m.maxShare,
    scale: weights.scale,
    weightsInt16Base64: weights.int16Base64,
    wordPrior: { words, values: quantise(words.map((w) => m.wordPrior.get(w) ?? 0)) },
    trainedOn,
    metrics,
  };
}

export function decodeModel(data: unknown): CheckworthyModel {
  const parsed = ModelFile.safeParse(data);
  if (!parsed.success) throw new Error('the check-worthiness model file is not valid');
  const f = parsed.data;
  const weights = dequantise({ scale: f.scale, int16Base64: f.weightsInt16Base64 }, f.dims);
  const values = dequantise(f.wordPrior.values, f.wordPrior.words.length);
  const wordPrior = new Map(f.wordPrior.words.map((w, i) => [w, values[i]]));
  return { dims: f.dims, bias: f.bias, threshold: f.threshold, maxShare: f.maxShare, weights, wordPrior };
}

export const MODEL_FILE = 'models/checkworthy.json';

let cached: CheckworthyModel | null = null;

/** The shipped model, read from disk on first use and kept. */
export function loadCheckworthyModel(path = join(resourcesDir(), MODEL_FILE)): CheckworthyModel {
  if (cached && path === join(resourcesDir(), MODEL_FILE)) return cached;
  const model = decodeModel(JSON.parse(readFileSync(path, 'utf8')));
  if (path === join(resourcesDir(), MODEL_FILE)) cached = model;
  return model;
}
