/**
 * The check-worthiness model: a logistic regression over hashed sentence features, stored as JSON
 * (weights quantised to 16-bit integers, base64). Loads from resources/models/checkworthy.json
 * once; scores a tokenised sentence in microseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { featurize } from './features';
import type { Token } from './nlp';
import { resourcesDir } from '../../paths';

export const ModelFile = z.object({
  format: z.literal('factmark-checkworthy/1'),
  dims: z.number().int().positive(),
  bias: z.number(),
  /** Score at or above which a sentence is called check-worthy (picked on a validation split). */
  threshold: z.number().min(0).max(1),
  /** Weight i = int16[i] * scale. */
  scale: z.number().positive(),
  weightsInt16Base64: z.string(),
  trainedOn: z.string(),
  metrics: z.record(z.string(), z.unknown()),
});
export type ModelFileData = z.infer<typeof ModelFile>;

export interface CheckworthyModel {
  dims: number;
  bias: number;
  threshold: number;
  weights: Float32Array;
}

/** The probability that a sentence is check-worthy, from raw (float) weights. */
export function scoreTokens(model: CheckworthyModel, tokens: readonly Token[]): number {
  const bag = featurize(tokens, model.dims);
  if (bag.length === 0) return 0;
  const norm = 1 / Math.sqrt(bag.length);
  let z = model.bias;
  for (let i = 0; i < bag.length; i++) z += model.weights[bag[i]] * norm;
  return 1 / (1 + Math.exp(-z));
}

/** Quantise float weights into the shipped file format. */
export function encodeModel(m: CheckworthyModel, trainedOn: string, metrics: Record<string, unknown>): ModelFileData {
  let max = 0;
  for (const w of m.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const ints = new Int16Array(m.dims);
  for (let i = 0; i < m.dims; i++) ints[i] = Math.round(m.weights[i] / scale);
  return {
    format: 'factmark-checkworthy/1',
    dims: m.dims,
    bias: m.bias,
    threshold: m.threshold,
    scale,
    weightsInt16Base64: Buffer.from(ints.buffer).toString('base64'),
    trainedOn,
    metrics,
  };
}

export function decodeModel(data: unknown): CheckworthyModel {
  const parsed = ModelFile.safeParse(data);
  if (!parsed.success) throw new Error('the check-worthiness model file is not valid');
  const f = parsed.data;
  const bytes = Buffer.from(f.weightsInt16Base64, 'base64');
  if (bytes.length !== f.dims * 2) throw new Error('the check-worthiness model file is truncated');
  const ints = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const weights = new Float32Array(f.dims);
  for (let i = 0; i < f.dims; i++) weights[i] = ints[i] * f.scale;
  return { dims: f.dims, bias: f.bias, threshold: f.threshold, weights };
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
