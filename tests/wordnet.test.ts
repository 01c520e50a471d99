import { describe, expect, it } from 'vitest';
import { RelatedVocabulary } from '../src/search/related.ts';
import { wordNet } from '../src/search/wordnet.ts';

describe('WordNet relations, as terms', () => {
  it('knows derivations and the synonyms of the most common sense', () => {
    const { derivations, synonyms } = wordNet();
    expect(derivations.get('invad')).toContain('invas');
    expect(derivations.get('deter')).toContain('deterr');
    expect(synonyms.get('nation')).toContain('countri');
    expect(synonyms.get('carmak')).toContain('automak');
    // Bread is food, not money: its second sense (loot, clam) is another topic.
    expect(synonyms.get('bread')).toContain('breadstuff');
    expect(synonyms.get('bread')).not.toContain('loot');
  });

  it('narrows them to the terms a corpus uses', () => {
    const corpus = new Set(['invas', 'countri']);
    const related = new RelatedVocabulary((t) => corpus.has(t));
    expect(related.of('invad')).toEqual({ derivations: ['invas'], synonyms: [] });
    expect(related.of('nation').synonyms).toEqual(['countri']);
    // A derivation's target is found in its own part of speech's file: the same offset in another
    // file is another word ("vote" is not derived from "gentle", nor "leap" from "alternate").
    expect(wordNet().derivations.get('vote')).toEqual(['voter']);
    expect(wordNet().derivations.get('leap')).toEqual(['leaper']);
  });

  it('tells English words (and their near typos) from names', () => {
    const related = new RelatedVocabulary(() => true);
    expect(related.isEnglish('tank')).toBe(true);
    expect(related.isEnglish('iniesta')).toBe(false);
    // Inflected words, by WordNet's detachment rules; not a typo whose stem is a word's ("rougly", "rouge").
    for (const word of ['tanks', 'invading', 'stopped', 'bigger', 'countries', 'churches']) expect(related.isEnglish(word)).toBe(true);
    expect(related.isEnglish('rougly')).toBe(false);
    // Each rule for its own parts of speech: "quat" is a noun, so "quater" is a typo, not its comparative.
    expect(related.isEnglish('quater')).toBe(false);
    expect(related.looksEnglish('conect')).toBe(true);
    expect(related.looksEnglish('dogecoin')).toBe(false);
  });

  it('does not take the names WordNet lists for English words, nor near typos of rare words', () => {
    const related = new RelatedVocabulary(() => true);
    // WordNet writes "Obama" with a capital: a name, which a question is about.
    expect(related.isEnglish('obama')).toBe(false);
    expect(related.isEnglish('swift')).toBe(true);
    // One edit from "ingesta", a word hardly anyone writes: a name, not a typo.
    expect(related.looksEnglish('iniesta')).toBe(false);
    // A name's relations stay: "Californian" is derived from "California".
    expect(wordNet().derivations.get('californian')).toContain('california');
  });

  it('knows the words it has only as names, though one edit from an English stem ("saturn", "satur" of saturate)', () => {
    const related = new RelatedVocabulary(() => true);
    expect(related.looksEnglish('saturn')).toBe(true);
    for (const name of ['saturn', 'obama', 'mona']) expect(related.isName(name)).toBe(true);
    // A word with a common sense too is English: "china" is porcelain, "swift" a bird.
    for (const word of ['china', 'swift', 'table']) expect(related.isName(word)).toBe(false);
  });
});
