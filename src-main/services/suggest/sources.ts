/**
 * Which mentions can be the source of a claim: people, organisations and documents ("officials",
 * "the ministry", "the report"), not things or events ("news conferences suggest no progress").
 * Used for verbs of evidence (suggest, show, indicate…), whose subject is often a thing.
 */
import type { Token } from './nlp';
import type { Mention } from './mentions';

/** Nouns for people and groups of people that no suffix rule catches. */
const PEOPLE = /^(people|person|persons|official|officials|police|staff|family|families|man|men|woman|women|aide|aides|expert|experts|critic|critics|lawmaker|lawmakers|source|sources|spokesman|spokeswoman|spokesperson|chief|chiefs|head|heads|analyst|analysts|economist|economists|scientist|scientists|diplomat|diplomats|candidate|candidates|public|electorate|majority|minority|team|crew|board|panel|jury|audience|crowd|campaign|camp|side|government|administration|ministry|department|agency|office|committee|commission|council|court|party|company|firm|bank|group|union|embassy|military|army|kremlin|white house|authorities|leadership|voters|residents|members|delegates|democrats|republicans|president|presidents|resident|student|students|agent|agents|opponent|opponents|respondent|respondents|correspondent|correspondents|parent|parents|client|clients|patient|patients)$/i;
/** Documents and measurements: a source in their own right ("the report suggests"). */
const DOCUMENTS = /^(report|reports|study|studies|poll|polls|polling|survey|surveys|analysis|analyses|data|research|document|documents|memo|memos|letter|letters|statement|statements|records|filings|review|audit|investigation|assessment|estimate|estimates|census|figures|statistics|numbers|findings|evidence|emails|transcript|transcripts|indictment|complaint|ruling|model|models|forecast|forecasts|projections)$/i;
/** Suffixes of nouns for people (minister, senator, economist, politician, participant). */
const PERSON_SUFFIX = /(er|ers|or|ors|ist|ists|ian|ians|ant|ants|eer|eers|ee|ees)$/i;
/** Things whose names end like a person's. */
const THINGS = /^(number|numbers|order|orders|answer|answers|matter|matters|power|water|border|borders|center|centre|chapter|computer|cancer|weather|character|factor|factors|sector|sectors|error|errors|color|colour|behavior|behaviour|rumor|rumors|terror|floor|door|mirror|motor|honor|favor|labor|labour|interior|fee|fees|tree|trees|committee|guarantee|guarantees|plant|plants|pant|restaurant|restaurants)$/i;

export function canBeSource(tokens: readonly Token[], m: Mention): boolean {
  const head = tokens[m.last];
  if (head.pos === 'PROPN') return true;
  if (head.pos === 'PRON') return /^(he|she|they|we|i|you|who)$/i.test(head.text);
  const word = head.text.toLowerCase();
  return PEOPLE.test(word) || DOCUMENTS.test(word) || (PERSON_SUFFIX.test(word) && !THINGS.test(word));
}
