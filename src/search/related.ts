import SearchableMap from 'minisearch/SearchableMap';
import { wordNet } from './wordnet.ts';

let familiarTerms: SearchableMap<true> | undefined;

/** Terms related to a term, among those a corpus uses: WordNet synonyms and derivations. */
export interface RelatedTerms {
  synonyms: readonly string[];
  derivations: readonly string[];
}

/**
 * WordNet's relations, as terms, narrowed to a corpus's terms: "invading" and "invade" share the
 * term "invad", whose derivation "invasion" is the corpus term "invas". WordNet is read on first
 * use, since many libraries (tests, small corpora) never need it.
 */
export class RelatedVocabulary {
  constructor(private readonly uses: (term: string) => boolean) {}

  of(term: string): RelatedTerms {
    const { synonyms, derivations } = wordNet();
    const derived = (derivations.get(term) ?? []).filter(this.uses);
    return { derivations: derived, synonyms: (synonyms.get(term) ?? []).filter((t) => this.uses(t) && !derived.includes(t)) };
  }

  /**
   * Whether the term is that of an English word WordNet knows. A query word the corpus never uses
   * and WordNet does not know is a name or a coinage ("Iniesta", "Dogecoin"): the thing asked about.
   */
  isEnglish(term: string): boolean {
    return wordNet().english.has(term);
  }

  /**
   * Whether the term is an English word's, or one edit from a familiar one (a typo of a word the
   * corpus lacks: "conected"). Not from a rare one: "iniesta" is a name, not a typo of "ingesta".
   */
  looksEnglish(term: string): boolean {
    if (this.isEnglish(term)) return true;
    // A short word is one edit from too many words ("iphon" from "siphon"); a typo keeps the first letter.
    if (term.length < 6) return false;
    familiarTerms ??= SearchableMap.from([...wordNet().familiar].map((t): [string, true] => [t, true]));
    return [...familiarTerms.fuzzyGet(term, 1).keys()].some((near) => near[0] === term[0]);
  }
}
