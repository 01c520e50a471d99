import SearchableMap from 'minisearch/SearchableMap';
import { PART_BITS, wordNet } from './wordnet.ts';

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
   * Whether a lower-case word is an English word WordNet knows, itself or inflected ("tanks",
   * "invading", "stopped"). A query word the corpus never uses and WordNet does not know is a
   * name or a coinage ("Iniesta", "Dogecoin"): the thing asked about.
   */
  isEnglish(word: string): boolean {
    const { english } = wordNet();
    return english.has(word) || baseForms(word).some(([base, parts]) => ((english.get(base) ?? 0) & parts) !== 0);
  }

  /** Whether WordNet has a lower-case word only as a name ("saturn", "picasso"), with no common sense. */
  isName(word: string): boolean {
    return wordNet().names.has(word);
  }

  /** Whether WordNet knows a lower-case word as a noun, itself or inflected ("referees"; not "rescheduled"). */
  isNoun(word: string): boolean {
    return hasPart(word, noun);
  }

  /** Whether WordNet knows a lower-case word as an adjective, itself or inflected ("unclear", "likelier"). */
  isAdjective(word: string): boolean {
    return hasPart(word, adj);
  }

  /**
   * Whether the term is an English word's, or one edit from a familiar one (a typo of a word the
   * corpus lacks: "conected"). Not from a rare one: "iniesta" is a name, not a typo of "ingesta".
   */
  looksEnglish(term: string): boolean {
    if (wordNet().familiar.has(term)) return true;
    // A short word is one edit from too many words ("iphon" from "siphon"); a typo keeps the first letter.
    if (term.length < 6) return false;
    familiarTerms ??= SearchableMap.from([...wordNet().familiar].map((t): [string, true] => [t, true]));
    return [...familiarTerms.fuzzyGet(term, 1).keys()].some((near) => near[0] === term[0]);
  }
}

/**
 * WordNet's detachment rules (morphy), each for the parts of speech it inflects: "quater" is not a
 * comparative of the noun "quat", but "stopped" is a form of the verb "stop".
 */
const { noun, verb, adj } = PART_BITS;
const DETACHMENTS: ReadonlyArray<[string, string, number]> = [
  ['s', '', noun | verb], ['ses', 's', noun], ['xes', 'x', noun], ['zes', 'z', noun], ['ches', 'ch', noun], ['shes', 'sh', noun],
  ['men', 'man', noun], ['ies', 'y', noun | verb], ['es', 'e', verb], ['es', '', verb], ['ed', 'e', verb], ['ed', '', verb],
  ['ing', 'e', verb], ['ing', '', verb], ['er', '', adj], ['est', '', adj], ['er', 'e', adj], ['est', 'e', adj],
];

/** Whether WordNet has the word, itself or as a base form it inflects, as the part of speech `part` (a `PART_BITS` bit). */
function hasPart(word: string, part: number): boolean {
  const { english } = wordNet();
  return ((english.get(word) ?? 0) & part) !== 0 || baseForms(word).some(([base, parts]) => ((english.get(base) ?? 0) & parts & part) !== 0);
}

/** The base forms an inflected word may have, each with the parts of speech it must be. */
function baseForms(word: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [suffix, replacement, parts] of DETACHMENTS) {
    if (word.length <= suffix.length + 1 || !word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    out.push([base, parts]);
    // A doubled consonant before the ending: "stopped" is "stop", "bigger" is "big".
    if (replacement === '' && /([^aeiou])\1$/.test(base)) out.push([base.slice(0, -1), parts]);
  }
  return out;
}
