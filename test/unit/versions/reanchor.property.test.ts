/** Properties of carrying claims (fast-check): insertions never move a claim off its text; deleted text is orphaned, never guessed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src-shared/anchoring/describe';
import { foldTypography } from '../../../src-shared/anchoring/fold';
import { reanchorClaims } from '../../../src-shared/anchoring/reanchor';
import { diffTexts, mapOffset } from '../../../src-shared/anchoring/text-diff';

const VOCABULARY = 'council port minister budget bridge harbour report vote jobs ferry tunnel levy figure dispute plan'.split(' ');

/** Paragraphs of sentences; every sentence carries a unique number, so no passage repeats. */
const article = fc
  .array(fc.array(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 3, maxLength: 12 }), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 8 })
  .map((paragraphs) => {
    let n = 0;
    return paragraphs.map((sentences) => sentences.map((words) => `${words.join(' ')} ${++n}.`).join(' '));
  });

/** A claim: paragraph index, and a word range inside it (as fractions, resolved against the paragraph). */
const claimSpec = fc.record({ paragraph: fc.nat(), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 3, max: 30 }) });

/** Word-aligned claim ranges over the joined text. */
function claimsOn(paragraphs: string[], specs: { paragraph: number; from: number; length: number }[]) {
  const offsets: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    offsets.push(at);
    at += p.length + 2;
  }
  const text = paragraphs.join('\n\n');
  return specs.map((spec, i) => {
    const pi = spec.paragraph % paragraphs.length;
    const words = [...paragraphs[pi].matchAll(/\S+/g)];
    const first = Math.min(words.length - 1, Math.floor(spec.from * words.length));
    const last = Math.min(words.length - 1, first + spec.length - 1);
    const start = offsets[pi] + words[first].index;
    const end = offsets[pi] + words[last].index + words[last][0].length;
    return { id: `c${i}`, paragraph: pi, start, end, target: describeRange(text, start, end) };
  });
}

describe('carrying claims (properties)', () => {
  it('paragraphs inserted anywhere leave every claim on its own words, at its shifted place', () => {
    fc.assert(
      fc.property(article, fc.array(claimSpec, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...VOCABULARY)), { minLength: 1, maxLength: 3 }), (paragraphs, specs, inserts) => {
        const claims = claimsOn(paragraphs, specs);
        const oldText = paragraphs.join('\n\n');
        const edited = [...paragraphs];
        inserts.forEach(([at, word], k) => edited.splice(at % (edited.length + 1), 0, `Inserted ${word} paragraph ${k} here.`));
        const newText = edited.join('\n\n');
        const results = reanchorClaims(oldText, newText, claims);
        results.forEach((r, i) => {
          // Same text: exact, or (on text as repetitive as "council council council") moved within its own paragraph.
          expect(['exact', 'moved']).toContain(r.state);
          expect(newText.slice(r.range!.start, r.range!.end)).toBe(claims[i].target.quote.exact);
          // The very passage: its paragraph's text precedes it in the same place.
          const shift = newText.indexOf(paragraphs[claims[i].paragraph]) - oldText.indexOf(paragraphs[claims[i].paragraph]);
          expect(r.range!.start).toBe(claims[i].start + shift);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a deleted paragraph orphans exactly the claims inside it; the others stay exact', () => {
    fc.assert(
      fc.property(article, fc.array(claimSpec, { minLength: 1, maxLength: 8 }), fc.nat(), (paragraphs, specs, which) => {
        const claims = claimsOn(paragraphs, specs);
        const gone = which % paragraphs.length;
        const newText = paragraphs.filter((_, i) => i !== gone).join('\n\n');
        const results = reanchorClaims(paragraphs.join('\n\n'), newText, claims);
        results.forEach((r, i) => {
          if (claims[i].paragraph === gone) expect(r.state).toBe('orphaned');
          else expect(newText.slice(r.range!.start, r.range!.end)).toBe(claims[i].target.quote.exact);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the diff maps every unchanged offset to the same character (typography folded: ` and \' are one)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 80 }), fc.string({ maxLength: 20 }), (a, x, b, y) => {
        const oldText = `${a} ${x} ${b}`;
        const newText = `${a} ${y} ${b}`;
        const diff = diffTexts(oldText, newText);
        expect(diff.segments.at(-1)?.oldEnd ?? 0).toBe(oldText.length);
        expect(diff.segments.at(-1)?.newEnd ?? 0).toBe(newText.length);
        for (const s of diff.segments.filter((seg) => seg.equal)) {
          for (let o = s.oldStart; o < s.oldEnd; o++) expect(foldTypography(newText[mapOffset(diff, o, 'start')])).toBe(foldTypography(oldText[o]));
        }
      }),
      { numRuns: 200 },
    );
  });
});
