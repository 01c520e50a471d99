import { tagsOf } from './attribution/lexicon.ts';

const VERB_OR_ADJECTIVE = new Set(['Verb', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Participle', 'Copula', 'Modal', 'Auxiliary', 'Adjective', 'Comparative', 'Superlative']);

/** Whether compromise's English lexicon knows the word only as a verb or an adjective. */
export function isVerbOrAdjective(lower: string): boolean {
  const tags = tagsOf(lower);
  return tags.length > 0 && tags.every((tag) => VERB_OR_ADJECTIVE.has(tag));
}
