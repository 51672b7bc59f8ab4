/**
 * Resolving a short mention to what the article said earlier: a surname to the full name
 * ("Kuleba" → "Dmytro Kuleba"), a pronoun to the last person named ("he" → "Dmytro Kuleba"), a
 * nominal organisation to its full name ("the ministry" → "Russian Foreign Ministry").
 */
import type { Sentence, Token } from './nlp';
import { TITLE, withNames } from './mentions';

/** How far back (characters) a name or organisation is looked for. */
const LOOK_BACK = 20_000;
/** How many sentences back a pronoun's person is looked for. */
const PRONOUN_SENTENCES = 12;

const NOT_PERSON = /^(ministry|department|university|news|times|post|journal|party|house|council|union|nations|court|agency|committee|office|bank|company|inc|corp|group|institute|association|foundation|center|centre|republic|states|kingdom|city|street|church|army|forces|police|government|administration|senate|congress|parliament|commission|service|network|media|airlines|county|province|region|sea|river|university|college|school|hospital|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|war|world|street|avenue)$/i;
const ORG_NOUNS = /^(ministry|department|agency|office|government|committee|commission|campaign|party|company|council|court|administration|embassy|spokesman|spokeswoman|spokesperson|army|military|police|group|organisation|organization|union|bank|institute|foundation|association|network|newspaper|paper|report|study|survey|poll|kremlin|white house)$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of a capitalised run with any leading titles dropped ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov"). */
function dropTitles(words: string[]): string[] {
  let cut = 0;
  words.forEach((w, k) => {
    if (TITLE.test(w) && k < words.length - 1) cut = k + 1;
  });
  return words.slice(cut);
}

/** Capitalised words that start a sentence and no name ("Then Lavrov spoke"). */
const SENTENCE_STARTER = /^(then|but|and|or|so|yet|when|after|before|however|meanwhile|in|on|at|as|if|also|while|since|later|earlier|now|still|this|that|these|those|there|here|with|for|from|by|to|of|although|though|because|during|under|over|asked|says|said|even|only|both|neither|whether|where|why|how|what|who)$/i;

interface NameUse {
  at: number;
  full: string;
}

const nameIndexes = new Map<string, Map<string, NameUse[]>>();

/** Every full name (2–4 capitalised words, titles dropped) in a text, by its last word, in text order. */
function nameIndex(text: string): Map<string, NameUse[]> {
  let index = nameIndexes.get(text);
  if (index) return index;
  index = new Map();
  const run = /\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)+/gu;
  const add = (raw: string[], at: number) => {
    let cleaned = raw.map((w) => w.replace(/['’]s$|[.’']+$/, (x) => (x === '.' ? x : '')));
    while (cleaned.length > 0 && SENTENCE_STARTER.test(cleaned[0])) cleaned = cleaned.slice(1);
    const words = dropTitles(cleaned);
    if (words.length < 2 || words.length > 4 || /^(the|a|an)$/i.test(words[0]) || words.some((w) => NOT_PERSON.test(w))) return;
    const last = words[words.length - 1];
    const uses = index.get(last) ?? [];
    uses.push({ at, full: words.join(' ') });
    index.set(last, uses);
  };
  for (let m = run.exec(text); m; m = run.exec(text)) {
    // A word ending in "." that is no abbreviation ("Moscow." but not "Gov.") ends a sentence: split there.
    let segment: string[] = [];
    for (const word of m[0].split(/[ \t]+/)) {
      const ends = word.endsWith('.') && !/^(\p{Lu}\.)+$|^\p{Lu}[\p{Ll}]{0,3}\.$/u.test(word);
      segment.push(ends ? word.slice(0, -1) : word);
      if (ends) {
        add(segment, m.index);
        segment = [];
      }
    }
    add(segment, m.index);
  }
  if (nameIndexes.size >= 4) nameIndexes.delete(nameIndexes.keys().next().value as string);
  nameIndexes.set(text, index);
  return index;
}

/** The full name an article used for a surname before offset `at` (the first use within reach); the surname itself when none. */
export function fullNameOf(text: string, surname: string, at: number): string {
  const uses = nameIndex(text).get(surname);
  const use = uses?.find((u) => u.at >= at - LOOK_BACK && u.at < at);
  return use?.full ?? surname;
}

/** Person roles a definite description names someone by ("the Ukrainian diplomat", "the senator"). */
const ROLE = /^(diplomat|minister|senator|congressman|congresswoman|governor|mayor|president|candidate|nominee|chancellor|secretary|ambassador|lawmaker|envoy|leader|premier|spokesman|spokeswoman|chairman|chairwoman|executive|billionaire|businessman|businesswoman|actor|actress|attorney|prosecutor|judge|general|commander|official|economist|professor|author|founder|activist)$/i;

/**
 * The person a definite description stands for ("the Ukrainian diplomat" → "Dmytro Kuleba"): among
 * the full names used before `at`, the one with most of the description's words just before or
 * after it ("his Ukrainian counterpart, Dmytro Kuleba"), the latest on a tie; null when none has any.
 */
export function describedPerson(text: string, words: readonly string[], at: number): string | null {
  const role = words[words.length - 1];
  if (!ROLE.test(role) || !/^the$/i.test(words[0])) return null;
  const cues = words.slice(1).map((w) => w.toLowerCase()).filter((w) => w.length > 2);
  const uses = [...nameIndex(text).values()].flat().filter((u) => u.at < at && u.at >= at - LOOK_BACK).sort((a, b) => a.at - b.at);
  let best: { full: string; score: number; at: number } | null = null;
  for (let k = 0; k < uses.length; k++) {
    const use = uses[k];
    // The words describing this name: since the name before it (or the sentence start), up to the next stop.
    const from = Math.max(use.at - 60, k > 0 ? uses[k - 1].at + uses[k - 1].full.length : 0, text.lastIndexOf('.', use.at) + 1);
    const after = text.slice(use.at, use.at + use.full.length + 60).split(/[.;]/)[0];
    const around = `${text.slice(from, use.at)} ${after}`.toLowerCase();
    const score = cues.filter((c) => around.includes(c)).length;
    if (score > 0 && (!best || score > best.score || (score === best.score && use.at > best.at))) best = { full: use.full, score, at: use.at };
  }
  return best?.full ?? null;
}

/** Proper-name runs of a sentence's tokens before offset `at`, with whether a title preceded them. */
function nameRuns(tokens: readonly Token[], at: number): { words: string[]; titled: boolean; start: number }[] {
  const runs: { words: string[]; titled: boolean; start: number }[] = [];
  let k = 0;
  while (k < tokens.length && tokens[k].end <= at) {
    if (tokens[k].pos !== 'PROPN') {
      k++;
      continue;
    }
    const begin = k;
    while (k < tokens.length && tokens[k].end <= at && (tokens[k].pos === 'PROPN' || tokens[k].text === '.')) k++;
    const raw = tokens.slice(begin, k).map((t) => t.text).filter((w) => w !== '.');
    const words = dropTitles(raw);
    const article = begin > 0 && /^(the|a|an)$/i.test(tokens[begin - 1].text);
    if (words.length > 0 && !article && !words.some((w) => NOT_PERSON.test(w))) {
      runs.push({ words, titled: words.length < raw.length, start: tokens[begin].start });
    }
  }
  return runs;
}

export type Gender = 'male' | 'female';

/** A person's gender when the article gives it by a title ("Mr. Leahy", "Ms. Lynch"); null when it does not. */
function genderOf(text: string, name: string, at: number): Gender | null {
  const surname = escape(name.split(' ').pop() ?? name);
  const before = text.slice(Math.max(0, at - LOOK_BACK), at + 200);
  const titled = new RegExp(`\\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame)\\.?\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}${surname}\\b`, 'u').exec(before);
  if (!titled) return null;
  return /^(Mr|Sir|Lord)$/.test(titled[1]) ? 'male' : 'female';
}

/**
 * The last person named before offset `at` (full name), looking back a few sentences, whose gender
 * (when the article gives it) fits `gender`; null when none.
 */
export function lastPersonBefore(text: string, sentences: readonly Sentence[], at: number, gender?: Gender): string | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end > at) hi = mid;
    else lo = mid + 1;
  }
  const i = lo;
  const stop = Math.max(0, i - PRONOUN_SENTENCES);
  for (let j = i; j >= stop; j--) {
    const runs = nameRuns(withNames(sentences[j]).tokens, at).reverse();
    for (const run of runs) {
      const name = run.titled || run.words.length >= 2 ? run.words.join(' ') : fullNameOf(text, run.words[0], run.start);
      if (!run.titled && run.words.length < 2 && name === run.words[0]) continue;
      const known = gender ? genderOf(text, name, run.start) : null;
      if (!known || known === gender) return name;
    }
  }
  return null;
}

/** The full name of an organisation named by a common noun ("the ministry"), if the article gave it before `at`. */
export function organisationFullName(text: string, head: string, at: number): string | null {
  if (!ORG_NOUNS.test(head)) return null;
  const cap = head[0].toUpperCase() + head.slice(1).toLowerCase();
  const re = new RegExp(`(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4}${escape(cap)}(?:\\s+of(?:\\s+the)?(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*|and))+)?|${escape(cap)}\\s+of(?:\\s+the)?(?:\\s+(?:\\p{Lu}[\\p{L}'’-]*|and))+`, 'gu');
  const before = text.slice(Math.max(0, at - LOOK_BACK), at);
  let best: string | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) best = m[0].replace(/^(The|A|An)\s+/, '').replace(/\s+and$/, '');
  return best;
}
