/** Claimant attribution: each pattern the issue names, on the sample article and on short texts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../src-main/services/suggest/attribution';
import { analyse } from '../../../src-main/services/suggest/nlp';
import { claimantOf } from '../../../src-main/services/suggest/suggester';

const SAMPLE = readFileSync('resources/samples/antalya-talks.txt', 'utf8');

/** Attribute the first occurrence of `quote` in `text`. */
function who(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  const a = attribute(text, analyse(text), start, start + quote.length);
  return { ...a, source: a.sourceStart === undefined ? undefined : text.slice(a.sourceStart, a.sourceEnd) };
}

describe('claimant attribution on the sample article', () => {
  it('resolves "Kuleba said" to the full name used earlier', () => {
    const a = who(SAMPLE, 'he had secured no promise from Lavrov to halt firing');
    expect(a).toMatchObject({ claimant: 'Dmytro Kuleba', cue: 'said', source: 'Kuleba', kind: 'named' });
  });

  it('takes the speaker after a direct quote ("…,” said Kuleba)', () => {
    const a = who(SAMPLE, 'I am not pinning any great hopes on them');
    expect(a).toMatchObject({ claimant: 'Dmytro Kuleba', cue: 'said', source: 'Kuleba' });
  });

  it('resolves a pronoun to the last person named before it', () => {
    expect(who(SAMPLE, 'Ukraine was seeking a ceasefire')).toMatchObject({ claimant: 'Dmytro Kuleba', cue: 'said', source: 'He', kind: 'pronoun' });
    expect(who(SAMPLE, 'Kiev appeared to want meetings for the sake of meetings')).toMatchObject({ claimant: 'Sergei Lavrov', source: 'He', kind: 'pronoun' });
  });

  it('drops titles from a named source', () => {
    const text = `${SAMPLE}\n\nTurkish Foreign Minister Mevlut Cavusoglu said the talks were "civilised".`;
    expect(who(text, 'the talks were "civilised"')).toMatchObject({ claimant: 'Mevlut Cavusoglu', cue: 'said' });
  });

  it('drops local and service titles too: councilman, sheriff, congresswoman, detective', () => {
    expect(who('"This budget raises property taxes by 12 percent," Councilman Greg Ruiz said.', 'This budget raises property taxes by 12 percent')).toMatchObject({ claimant: 'Greg Ruiz' });
    expect(who('Sheriff Ana Lopez said arrests fell by a third.', 'arrests fell by a third')).toMatchObject({ claimant: 'Ana Lopez' });
    expect(who('Congresswoman Mary Hale told reporters that the plant cost $40 million.', 'the plant cost $40 million')).toMatchObject({ claimant: 'Mary Hale' });
    expect(who('Detective Sam Ortiz said the car was stolen in March.', 'the car was stolen in March')).toMatchObject({ claimant: 'Sam Ortiz' });
  });

  it('names an organisation or country as the source', () => {
    expect(who(SAMPLE, 'it will halt the military operation instantly')).toMatchObject({ claimant: 'Russia', cue: 'says' });
  });

  it('leaves the claimant empty when the text names no source', () => {
    const a = who(SAMPLE, 'Turkish Foreign Minister Mevlut Cavusoglu was also present at the meeting.');
    expect(a.claimant).toBe('');
    expect(a.cue).toBeUndefined();
  });

  it('finds the same claimant from a window of a long article as from the whole text', () => {
    const long = `${'Filler sentence about nothing at all. '.repeat(3000)}\n\n${SAMPLE}`;
    const quote = 'Kiev appeared to want meetings';
    const start = long.indexOf(quote);
    expect(claimantOf(long, start, start + quote.length).claimant).toBe('Sergei Lavrov');
  });
});

describe('claimant attribution patterns', () => {
  it('skips an apposition: "Mike Shields, the group\'s president, said"', () => {
    expect(who("Mike Shields, the group's president, said the campaign raised $5 million.", 'the campaign raised $5 million')).toMatchObject({
      claimant: 'Mike Shields',
      cue: 'said',
    });
  });

  it('reads "according to" and its source after it', () => {
    expect(who('Unemployment fell to 4 percent last year, according to the Labor Department.', 'Unemployment fell to 4 percent last year')).toMatchObject({
      claimant: 'Labor Department',
      cue: 'according to',
    });
  });

  it('reads a colon introducing a quote', () => {
    expect(who('PENCE: Gennifer Flowers will not be attending the debate.', 'Gennifer Flowers will not be attending the debate.')).toMatchObject({
      claimant: 'PENCE',
      cue: ':',
    });
  });

  it.each([
    ['told', 'Maria Lopez told reporters the plant would close.', 'the plant would close'],
    ['added', 'Maria Lopez added that the plant would close.', 'the plant would close'],
    ['claimed', 'Maria Lopez claimed the plant would close.', 'the plant would close'],
    ['stated', 'Maria Lopez stated that the plant would close.', 'the plant would close'],
    ['announced', 'Maria Lopez announced the plant would close.', 'the plant would close'],
    ['insisted', 'Maria Lopez insisted the plant would close.', 'the plant would close'],
    ['wrote', 'Maria Lopez wrote that the plant would close.', 'the plant would close'],
    ['says', '"The plant will close," says Maria Lopez.', 'The plant will close'],
    ['has said', 'Maria Lopez has repeatedly said the plant would close.', 'the plant would close'],
  ])('reads the cue "%s"', (cue, text, quote) => {
    expect(who(text, quote)).toMatchObject({ claimant: 'Maria Lopez', cue: cue.split(' ').pop() });
  });

  it('resolves "the ministry" to the full name the article gave', () => {
    const text = 'The Russian Foreign Ministry issued a statement on Monday. The ministry said 40 people had died.';
    expect(who(text, '40 people had died')).toMatchObject({ claimant: 'Russian Foreign Ministry', cue: 'said', kind: 'nominal', source: 'The ministry' });
  });

  it('keeps a nominal source as written when the article never named it', () => {
    expect(who('Two senior officials said the bridge was safe.', 'the bridge was safe')).toMatchObject({ claimant: 'Two senior officials', kind: 'nominal' });
  });

  it('does not take a word inside the quotation as the cue', () => {
    const a = who('"They said nothing would change," the mayor told the council.', 'They said nothing would change');
    expect(a).toMatchObject({ claimant: 'the mayor', cue: 'told' });
  });
});
