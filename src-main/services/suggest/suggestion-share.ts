/**
 * Which sentences of an article are suggested: those whose score reaches the model's threshold,
 * but never more than the model's `maxShare` of the article's sentences (the best-scored first).
 * The threshold is calibrated on debate transcripts, where it flags at most that share of any
 * debate; news prose, dense with names and figures, passes it in nearly every sentence, and a
 * reviewer gets no help from a list of all of them, so there the model's ranking decides.
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

/** The highest share of sentences flagged at `threshold` in any one group (a debate) of scored sentences. */
export function highestShare(groups: Iterable<readonly number[]>, threshold: number): number {
  let highest = 0;
  for (const scores of groups) {
    if (scores.length === 0) continue;
    highest = Math.max(highest, scores.filter((s) => s >= threshold).length / scores.length);
  }
  return highest;
}
