/**
 * Which sentences of an article are suggested: those whose score reaches the model's threshold,
 * but never more than the model's `maxShare` of the article's sentences (the best-scored first):
 * no debate of the training data has a larger share of check-worthy sentences. The threshold is
 * calibrated on debate transcripts; news prose, dense with names and figures, passes it in nearly
 * every sentence, and a reviewer gets no help from a list of all of them, so there the model's
 * ranking decides.
 * Training (scripts/checkworthy-training.ts) and the app both call this.
 */

/** A short text is never cut below this many suggestions (the share of 2 sentences would be 1). */
export const MIN_SUGGESTIONS = 3;

/** How many suggestions an article of `sentences` sentences may have at most. */
export function suggestionLimit(sentences: number, maxShare: number): number {
  return Math.max(MIN_SUGGESTIONS, Math.ceil(sentences * maxShare));
}

/** For each score, whether its sentence is suggested (ties at the limit go to the earlier sentence). */
export function suggestedFlags(scores: readonly number[], threshold: number, maxShare: number): boolean[] {
  const passing = scores.map((s, i) => i).filter((i) => scores[i] >= threshold);
  const limit = suggestionLimit(scores.length, maxShare);
  const kept = passing.length <= limit ? passing : [...passing].sort((a, b) => scores[b] - scores[a] || a - b).slice(0, limit);
  const flags = scores.map(() => false);
  for (const i of kept) flags[i] = true;
  return flags;
}

/** The highest share of check-worthy sentences in any one group (a debate) of labelled sentences. */
export function highestShare(groups: Iterable<readonly boolean[]>): number {
  let highest = 0;
  for (const labels of groups) {
    if (labels.length > 0) highest = Math.max(highest, labels.filter(Boolean).length / labels.length);
  }
  return highest;
}
