/**
 * `npm run bench -- versions`: carrying claims to a new version of an article, ours against a
 * faithful reimplementation of Hypothesis's matcher, on real article texts with newsroom-style
 * edits whose true outcome is known for every claim. Prints both side by side per edit kind, then
 * the time to carry 2,000 claims across a 100,000-word article. Figures only; not pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { describeRange } from '../../src-shared/anchoring/describe';
import { reanchorClaims } from '../../src-shared/anchoring/reanchor';
import { diffTexts } from '../../src-shared/anchoring/text-diff';
import { median } from './stats';
import { Ids, makeClaims, parseArticle, randomSource, render, truthOf, type BenchClaim, type Doc } from './versions-article';
import { longArticle, realArticles, type CorpusText } from './versions-corpus';
import { EDITS, mixed, type Edit } from './versions-edits';
import { hypothesisAnchor } from './versions-hypothesis';
import { addTally, count, emptyTally, HEADER, row, type Tally } from './versions-score';

/** Claim selectors over the old text, as Factmark stores them. */
function targetsOf(claims: readonly BenchClaim[], doc: Doc) {
  const old = render(doc);
  return claims.map((c) => {
    const start = old.spans.get(c.words[0])![0];
    const end = old.spans.get(c.words.at(-1)!)![1];
    return { id: c.id, target: describeRange(old.text, start, end) };
  });
}

/** Run one edit over one article with a seed; add ours and Hypothesis's outcomes to the tallies. */
function runCase(article: CorpusText, donor: readonly string[], edit: Edit, seed: number, ours: Tally, theirs: Tally): boolean {
  const ids = new Ids();
  const rng = randomSource(seed);
  const doc = parseArticle(article.text, ids);
  if (doc.flat(2).length < 20) return false;
  const claims = makeClaims(doc, rng);
  const edited = edit(doc, { rng, ids, claims, donor });
  if (!edited) return false;
  const oldText = render(doc).text;
  const rendered = render(edited);
  const targets = targetsOf(claims, doc);
  const results = reanchorClaims(oldText, rendered.text, targets);
  claims.forEach((claim, i) => {
    const truth = truthOf(claim, edited, rendered);
    count(ours, truth, { range: results[i].range, state: results[i].state });
    count(theirs, truth, { range: hypothesisAnchor(rendered.text, targets[i].target) });
  });
  return true;
}

async function accuracy(corpus: readonly CorpusText[]): Promise<void> {
  const donorOf = (i: number) => corpus[(i + 1) % corpus.length].text.split('\n\n').filter((p) => p.split(' ').length > 8);
  const totalOurs = emptyTally();
  const totalTheirs = emptyTally();
  console.log(`Accuracy: ${corpus.length} real articles, 3 seeds each, claims of 3 words to 3 sentences\n`);
  console.log(HEADER);
  for (const [kind, edit] of Object.entries(EDITS)) {
    const ours = emptyTally();
    const theirs = emptyTally();
    corpus.forEach((article, i) => {
      for (const seed of [1, 2, 3]) runCase(article, donorOf(i), edit, seed * 1_000 + i, ours, theirs);
    });
    console.log(row(kind, ours, theirs));
    addTally(totalOurs, ours);
    addTally(totalTheirs, theirs);
  }
  console.log(row('ALL', totalOurs, totalTheirs));
  const ratio = totalTheirs.wrong === 0 ? 0 : totalOurs.wrong / totalTheirs.wrong;
  console.log(`\nWrong anchors: ours ${totalOurs.wrong} vs Hypothesis ${totalTheirs.wrong} (ratio ${ratio.toFixed(3)}; target <= 0.333)`);
  console.log(`Edited claims found and flagged changed: ${((100 * totalOurs.editedFoundFlagged) / totalOurs.edited).toFixed(1)}% (target >= 97%)`);
}

function timing(corpus: readonly CorpusText[]): void {
  const ids = new Ids();
  const rng = randomSource(42);
  const doc = parseArticle(longArticle(corpus, 100_000), ids);
  const claims = makeClaims(doc, rng, 50).slice(0, 2_000);
  const donor = corpus[0].text.split('\n\n').filter((p) => p.split(' ').length > 8);
  const edited = mixed(doc, { rng, ids, claims, donor })!;
  const oldText = render(doc).text;
  const newText = render(edited).text;
  const targets = targetsOf(claims, doc);
  const words = oldText.split(/\s+/).length;
  const carry: number[] = [];
  const diffOnly: number[] = [];
  for (let run = 0; run < 7; run++) {
    let t = performance.now();
    diffTexts(oldText, newText);
    diffOnly.push(performance.now() - t);
    t = performance.now();
    reanchorClaims(oldText, newText, targets);
    carry.push(performance.now() - t);
  }
  let t = performance.now();
  for (const { target } of targets) hypothesisAnchor(newText, target);
  const hypothesis = performance.now() - t;
  console.log(`\nSpeed: ${claims.length} claims, ${words.toLocaleString('en')} words (${oldText.length.toLocaleString('en')} characters), several edits at once`);
  console.log(`  carry all claims (diff included): median ${median(carry).toFixed(0)} ms of 7 runs (min ${Math.min(...carry).toFixed(0)}; target <= 300 ms)`);
  console.log(`  of which the diff: median ${median(diffOnly).toFixed(0)} ms`);
  console.log(`  Hypothesis anchoring the same claims: ${hypothesis.toFixed(0)} ms (one run)`);
}

const corpus = await realArticles();
await accuracy(corpus);
timing(corpus);
