/**
 * `npm run build:reporting-verbs`: turn the GenderGapTracker reporting-verb list (MIT,
 * sfu-discourse-lab) in ../shared/data/attribution into resources/models/reporting-verbs.json,
 * the word list claimant attribution loads. Adds the speech verbs' usual forms the list lacks, and
 * the verbs of evidence (suggest, show, indicate…) whose inanimate subjects are no claimant.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from './checkworthy-data';

/** Speech verbs every attribution must know, in all forms (the list). */
const SPEECH = [
  'say says said saying',
  'tell tells told telling',
  'add adds added adding',
  'claim claims claimed claiming',
  'state states stated stating',
  'announce announces announced announcing',
  'insist insists insisted insisting',
  'write writes wrote written writing',
  'report reports reported reporting',
  'explain explains explained explaining',
  'note notes noted noting',
  'reply replies replied replying',
  'respond responds responded responding',
  'warn warns warned warning',
  'continue continues continued continuing',
  'tweet tweets tweeted tweeting',
];

/**
 * Verbs of evidence: their subject is often a thing ("news conferences suggest", "the data show"),
 * which is no claimant unless it is a person, an organisation or a document. Only those that are
 * also reporting verbs are cues; the others are listed so no later list turns them into cues.
 */
const EVIDENCE = [
  'suggest suggests suggested suggesting',
  'show shows showed shown showing',
  'indicate indicates indicated indicating',
  'imply implies implied implying',
  'signal signals signaled signalled signaling signalling',
  'demonstrate demonstrates demonstrated demonstrating',
  'reveal reveals revealed revealing',
  'prove proves proved proven proving',
  'mean means meant meaning',
];

function main(): void {
  const source = readFileSync(join(sharedDataDir(), 'attribution', 'reporting-verbs-ggt.txt'), 'utf8');
  const forms = new Set(source.split(/\r?\n/).map((l) => l.trim().toLowerCase()).filter((l) => /^[a-z][a-z-]*$/.test(l)));
  const speech = SPEECH.flatMap((line) => line.split(' '));
  const evidence = EVIDENCE.flatMap((line) => line.split(' '));
  for (const w of speech) forms.add(w);
  const out = {
    licence: 'Reporting verbs from the GenderGapTracker project (sfu-discourse-lab), MIT licence; speech forms added by Factmark.',
    speech: speech.sort(),
    reporting: [...forms].sort(),
    evidence: evidence.sort(),
  };
  writeFileSync('resources/models/reporting-verbs.json', `${JSON.stringify(out, null, 1)}\n`);
  console.log(`wrote resources/models/reporting-verbs.json: ${out.reporting.length} reporting forms, ${out.speech.length} speech forms`);
}

main();
