import { describe, expect, it } from 'vitest';
import { RelatedVocabulary } from '../src/search/related.ts';
import { wordNet } from '../src/search/wordnet.ts';

describe('WordNet relations, as terms', () => {
  it('knows derivations and the synonyms of the first senses', () => {
    const { derivations, synonyms } = wordNet();
    expect(derivations.get('invad')).toContain('invas');
    expect(derivations.get('deter')).toContain('deterr');
    expect(synonyms.get('nation')).toContain('countri');
    expect(synonyms.get('carmak')).toContain('automak');
  });

  it('narrows them to the terms a corpus uses', () => {
    const corpus = new Set(['invas', 'countri']);
    const related = new RelatedVocabulary((t) => corpus.has(t));
    expect(related.of('invad')).toEqual({ derivations: ['invas'], synonyms: [] });
    expect(related.of('nation').synonyms).toEqual(['countri']);
  });

  it('tells English words (and their near typos) from names', () => {
    const related = new RelatedVocabulary(() => true);
    expect(related.isEnglish('tank')).toBe(true);
    expect(related.isEnglish('iniesta')).toBe(false);
    expect(related.looksEnglish('conect')).toBe(true);
    expect(related.looksEnglish('dogecoin')).toBe(false);
  });
});
