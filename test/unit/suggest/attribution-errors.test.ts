/**
 * Claimant attribution: one test per kind of error found on the PolNeAR development rows (measured
 * by the suggest bench; the rows themselves are never committed), on texts written for the test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../../src-main/services/suggest/attribution';
import { analyse } from '../../../src-main/services/suggest/nlp';

function who(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  const a = attribute(text, analyse(text), start, start + quote.length);
  return { ...a, source: a.sourceStart === undefined ? undefined : text.slice(a.sourceStart, a.sourceEnd) };
}

describe('quotations and their speakers across sentences', () => {
  it('takes the speaker from the sentence after a quotation that ends with ?” or !”', () => {
    const text = 'Donald Trump took the stage. “Who would have believed that we would get 14 million votes?” Trump said, looking out on the crowd.';
    expect(who(text, '“Who would have believed that we would get 14 million votes?”')).toMatchObject({ claimant: 'Donald Trump', cue: 'said', source: 'Trump' });
  });

  it('does not take a cue deep in the next sentence for a quotation that ends its own', () => {
    const text = 'Russia has rejected the claim as “information terrorism.” On February 24, Russian President Vladimir Putin announced an operation.';
    expect(who(text, 'Russia has rejected the claim as “information terrorism.”').claimant).toBe('');
  });

  it('gives a quotation with no cue the speaker of the quotation before it, less confidently', () => {
    const text = '"I don’t think it should be done behind closed doors," Chaffetz said. "I think it’s the way this committee should operate."';
    const first = who(text, 'I don’t think it should be done behind closed doors');
    const next = who(text, '"I think it’s the way this committee should operate."');
    expect(next).toMatchObject({ claimant: 'Chaffetz', cue: 'said' });
    expect(next.confidence).toBeLessThan(first.confidence);
    // Not for a sentence that is no quotation.
    expect(who('Chaffetz said the hearing was over. The committee met again in May.', 'The committee met again in May.').claimant).toBe('');
  });

  it('reads a signature dash after a quotation of several sentences, and "United States" is no cue', () => {
    const text = '“Mr. Smith embodies the lasting legacy of racism in the United States. He represents our greatest shame.” ― Sonya Herridge\n“He makes blanket statements about people.”';
    expect(who(text, 'Mr. Smith embodies the lasting legacy of racism in the United States. He represents our greatest shame.')).toMatchObject({ claimant: 'Sonya Herridge', cue: '―' });
    // The signature belongs to the quotation before it, not to the next one.
    expect(who(text, '“He makes blanket statements about people.”').claimant).toBe('');
  });

  it('reads "Secretary of State John Kerry" as a name, not "State" as a cue', () => {
    const text = 'The administration may wait while Secretary of State John Kerry negotiates with Russia, Schiff said.';
    expect(who(text, 'The administration may wait while Secretary of State John Kerry negotiates with Russia')).toMatchObject({ claimant: 'Schiff', cue: 'said' });
  });
});

describe('names the tagger or the sentence splitter gets wrong', () => {
  it('reads a capitalised word before "said" after a quotation as a name', () => {
    expect(who('"I take comfort in that fact," Lynch said.', 'I take comfort in that fact')).toMatchObject({ claimant: 'Lynch', cue: 'said' });
  });

  it('keeps "(D-N.Y.)" and "the Rev." inside their sentence', () => {
    expect(who('Rep. Gregory W. Meeks (D-N.Y.), chairman of the caucus, said members will help him raise cash.', 'members will help him raise cash')).toMatchObject({
      claimant: 'Gregory W. Meeks',
      cue: 'said',
    });
    expect(who('"This is a good thing," said the Rev. Peter Wherry, of Mayfield Church.', 'This is a good thing')).toMatchObject({ claimant: 'Peter Wherry', cue: 'said' });
  });

  it("reads '' (two apostrophes) as a quotation mark", () => {
    const text = "''Their strategy is very clear: to look like a legitimate source of news,'' Michael McFaul, a senior fellow at the Hoover Institution, said.";
    expect(who(text, 'Their strategy is very clear: to look like a legitimate source of news')).toMatchObject({ claimant: 'Michael McFaul', cue: 'said' });
  });
});

describe('where the cue stands', () => {
  it('takes a cue set off by commas inside the quotation', () => {
    const text = 'Acts of protest, Mr. Obama said, are acts of patriotism, whatever Eric Garner was said to have done.';
    expect(who(text, text.slice(0, -1))).toMatchObject({ claimant: 'Obama', cue: 'said', source: 'Mr. Obama' });
  });

  it('gives a participle after a speech verb the same speaker ("said in a statement, adding that")', () => {
    const text = '"Immunity deals should not be a requirement," Chairman Jason Chaffetz said in a statement, adding that the agreements were handed out like candy.';
    expect(who(text, 'the agreements were handed out like candy')).toMatchObject({ claimant: 'Jason Chaffetz', cue: 'adding' });
  });

  it('reads the source after the verb when a comma follows the quotation ("…, said Batchelder")', () => {
    const text = 'Trump would expand the standard deduction, but for some, the losses would outstrip the gains, said Batchelder.';
    expect(who(text, 'Trump would expand the standard deduction, but for some, the losses would outstrip the gains')).toMatchObject({ claimant: 'Batchelder', cue: 'said' });
  });

  it('skips an apposition between dashes ("Kall -- co-editor of a book -- said")', () => {
    const text = 'Kall -- co-editor of a book analyzing the debates -- said the candidate made announcements at those encounters.';
    expect(who(text, 'the candidate made announcements at those encounters')).toMatchObject({ claimant: 'Kall', cue: 'said' });
  });
});

describe('the source phrase', () => {
  it('reads "according to" a possessive or hyphenated source whole', () => {
    expect(who('The family watched the videos on Thursday, according to their attorneys.', 'The family watched the videos on Thursday')).toMatchObject({ claimant: 'their attorneys' });
    expect(who('Incomes would rise by 19.9 percent, according to the conservative-leaning Tax Foundation.', 'Incomes would rise by 19.9 percent')).toMatchObject({
      source: 'the conservative-leaning Tax Foundation',
    });
    expect(who('According to police, officers saw a man with a handgun.', 'officers saw a man with a handgun')).toMatchObject({ claimant: 'police' });
  });

  it('keeps the place or affiliation of a nominal source ("one source on the panel")', () => {
    const text = '“Republicans are in a frenzy,” said one Democratic source on the panel.';
    expect(who(text, 'Republicans are in a frenzy')).toMatchObject({ claimant: 'one Democratic source on the panel', kind: 'nominal' });
    expect(who('“We will appeal,” said a spokesman on Friday.', 'We will appeal').claimant).toBe('a spokesman');
    // A spokesman for someone is not that someone; the author of a report is its source.
    expect(who('Dmytro Kuleba flew home. “We will appeal,” said a spokesman for Kuleba.', 'We will appeal').claimant).toBe('a spokesman for Kuleba');
    expect(who('Turnout fell, according to a new report by Politico.', 'Turnout fell')).toMatchObject({ claimant: 'Politico', source: 'a new report by Politico' });
  });
});

describe('verbs of evidence (suggest, show, indicate)', () => {
  it('gives no claimant when their subject is a thing', () => {
    const text = 'Repeated news conferences suggest no progress was made in the talks.';
    expect(who(text, 'no progress was made in the talks')).toMatchObject({ claimant: '' });
  });

  it('keeps people, organisations and documents as sources', () => {
    expect(who('A new report suggests inflation will fall next year.', 'inflation will fall next year')).toMatchObject({ claimant: 'A new report', cue: 'suggests' });
    expect(who('Senior officials indicated the talks would resume.', 'the talks would resume')).toMatchObject({ claimant: 'Senior officials' });
    expect(who('Economists suggest the slowdown is temporary.', 'the slowdown is temporary')).toMatchObject({ claimant: 'Economists' });
    expect(who('Kuleba suggested a ceasefire was possible.', 'a ceasefire was possible')).toMatchObject({ claimant: 'Kuleba' });
  });
});

describe('descriptions and pronouns resolved to a person named before', () => {
  it('resolves "the Ukrainian diplomat" to the person the article described so (sample article)', () => {
    const sample = readFileSync('resources/samples/antalya-talks.txt', 'utf8');
    expect(who(sample, 'his expectations were “limited,”')).toMatchObject({ claimant: 'Dmytro Kuleba', source: 'The Ukrainian diplomat', kind: 'nominal' });
    const text = 'Russian Foreign Minister Sergei Lavrov met his Ukrainian counterpart, Dmytro Kuleba. Then Lavrov spoke. The Russian minister said the talks were useful.';
    expect(who(text, 'the talks were useful').claimant).toBe('Sergei Lavrov');
    // No description words near any name: the description stays as written.
    expect(who('Dmytro Kuleba arrived on Monday. The senator said the talks were useful.', 'the talks were useful').claimant).toBe('The senator');
  });

  it('skips a person of the other gender when the article gives it by a title', () => {
    const text = 'Ms. Loretta Lynch met Mr. John Smith on Monday. Lynch and Smith spoke for an hour. She said the meeting went well. He said it was long.';
    expect(who(text, 'the meeting went well')).toMatchObject({ claimant: 'Loretta Lynch', kind: 'pronoun', source: 'She' });
    expect(who(text, 'it was long')).toMatchObject({ claimant: 'John Smith', kind: 'pronoun', source: 'He' });
  });
});
