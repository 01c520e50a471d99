import { tagsOf } from './attribution/lexicon.ts';

const VERB_OR_ADJECTIVE = new Set(['Verb', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Participle', 'Copula', 'Modal', 'Auxiliary', 'Adjective', 'Comparative', 'Superlative']);
const NAME = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Organization', 'SportsTeam', 'Company', 'School', 'ProperNoun']);

/** Whether compromise's lexicon knows the word, and only with tags of this set. */
function onlyTagged(lower: string, set: ReadonlySet<string>): boolean {
  const tags = tagsOf(lower);
  return tags.length > 0 && tags.every((tag) => set.has(tag));
}

/** Whether compromise's English lexicon knows the word only as a verb or an adjective. */
export function isVerbOrAdjective(lower: string): boolean {
  return onlyTagged(lower, VERB_OR_ADJECTIVE);
}

/** Whether compromise's lexicon knows the word only as a name: a person, place or organisation ("kyiv", "netflix"). */
export function isNameWord(lower: string): boolean {
  return onlyTagged(lower, NAME);
}

const INFLECTED = new Set(['PastTense', 'Participle', 'PresentTense', 'Gerund', 'Plural', 'Comparative', 'Superlative']);

/** Whether compromise's lexicon knows the word as an inflected form, irregular ones too ("wrote", "children"), which WordNet does not list. */
export function isInflectedWord(lower: string): boolean {
  return tagsOf(lower).some((tag) => INFLECTED.has(tag));
}
