/** Token-level word classes shared by the subject and predicate parsers. */
import {
  AUXILIARIES,
  BE_FORMS,
  NEGATIONS,
  NOUN_LIKE_VERBS,
  OBJECT_PRONOUNS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  TIME_WORDS,
  isAdverb,
  isDeterminer,
  isNoun,
  isPastTense,
  isPreposition,
  isPresentTense,
  isTimeName,
  isTitleWord,
  isVerbOnly,
  reportingLemma,
} from './lexicon.ts';
import type { Token } from './text.ts';

// Module level: tsx (esbuild) compiles a `\p{…}` literal to `new RegExp(…)` where it stands, rebuilt per call.
const CAPITALS = /^[\p{Lu}.&]+$/u;

/** "J." of "J. Allard": a given name's initial, not an acronym. */
export const INITIAL = /^\p{Lu}\.$/u;

/**
 * "US", "NATO", "WSJ": capitals only, so never a pronoun or function word.
 * Tokens longer than one character start with a letter or digit, so `cap` rules out most without the regex.
 */
export const isAcronym = (t: Token): boolean => t.cap && t.text.length > 1 && CAPITALS.test(t.text) && !INITIAL.test(t.text);

export const isConjunction = (t: Token): boolean => t.lower === 'and' || t.lower === 'or' || t.text === '&';

/**
 * Function words are recognised when written in lower case, or capitalised
 * only because they open the sentence ("But", "It"). A capitalised word
 * elsewhere is a name ("May", "Will").
 */
function functionWord(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (!t?.word || isAcronym(t)) return undefined;
  if (t.text === 'I') return 'i';
  return !t.cap || i === 0 || !tokens[i - 1]?.word ? t.lower : undefined;
}

export function isSubjectPronoun(tokens: readonly Token[], i: number): boolean {
  const word = functionWord(tokens, i);
  return word !== undefined && SUBJECT_PRONOUNS.has(word);
}

/** Auxiliaries, copulas, negation, pronouns and subordinators: words that end a noun phrase. */
export function isClauseWord(tokens: readonly Token[], i: number): boolean {
  const word = functionWord(tokens, i);
  if (word === undefined || isPossessiveHer(tokens, i)) return false;
  return (
    AUXILIARIES.has(word) ||
    BE_FORMS.has(word) ||
    NEGATIONS.has(word) ||
    word.endsWith('n’t') ||
    word.endsWith("n't") ||
    SUBJECT_PRONOUNS.has(word) ||
    OBJECT_PRONOUNS.has(word) ||
    SUBORDINATORS.has(word)
  );
}

/** "Her spokesman said": "her" opening a noun phrase is a determiner, not an object. */
function isPossessiveHer(tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (tokens[i]?.lower !== 'her' || next === undefined || !next.word || next.cap || !(isNoun(next.lower) || isTitleWord(next.lower))) return false;
  return previous === undefined || !previous.word || isConjunction(previous) || (!previous.cap && isPreposition(previous.lower));
}

/**
 * A lower-case finite verb: a reporting verb, or a past form that is not a
 * participle modifying a noun ("the reported talks", "people briefed on …").
 */
export function isFiniteVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t?.word || t.cap) return false;
  if (AUXILIARIES.has(t.lower) || BE_FORMS.has(t.lower)) return true;
  const lemma = reportingLemma(t.lower);
  // "report", "claims", "states" may be nouns ("The report said"); the other forms are verbs.
  if (lemma !== undefined) return !NOUN_LIKE_VERBS.has(lemma) || t.lower.endsWith('ed');
  // compromise lists many past forms only as adjectives ("needed"), or not at all.
  const pastLike = isPastTense(t.lower) || (/^[a-z]{3,}ed$/.test(t.lower) && !isNoun(t.lower));
  if (!pastLike) return false;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (previous?.word && isDeterminer(previous.lower)) return false;
  // "he planned to travel": after a subject pronoun it is the verb, not a participle ("people briefed on").
  if (isSubjectPronoun(tokens, i - 1)) return true;
  // "needed at least seven": "at least" quantifies, it opens no prepositional phrase.
  const quantifier = next?.lower === 'at' && /^(least|most)$/.test(tokens[i + 2]?.lower ?? '');
  return quantifier || !(next?.word && isPreposition(next.lower));
}

/** Evidence that a clause has its verb here: "it would", "the talks had", "Ukraine wants". */
export function isClauseVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t?.word || t.cap) return false;
  if (AUXILIARIES.has(t.lower) || BE_FORMS.has(t.lower) || NEGATIONS.has(t.lower)) return true;
  if (isFiniteVerb(tokens, i)) return true;
  // "Iran now holds", "it still wants": an adverb may sit between subject and verb.
  let s = i - 1;
  while (s > i - 3 && s > 0 && isMidAdverb(tokens[s])) s--;
  const subject = tokens[s];
  const afterSubject = subject?.word === true && (subject.cap || isSubjectPronoun(tokens, s));
  // After an adverb, "holds"/"faces" can only be a verb, though the lexicon has them as nouns.
  const thirdPerson = s < i - 1 && /[a-z][^s]s$/.test(t.lower);
  return afterSubject && (isPresentTense(t.lower) || isVerbOnly(t.lower) || thirdPerson);
}

const MID_ADVERBS = new Set(['now', 'still', 'also', 'already', 'just', 'only', 'even', 'again', 'once']);

/** An adverb between a subject and its verb: "now", "still", "reportedly". */
const isMidAdverb = (t: Token | undefined): boolean =>
  t !== undefined && t.word && !t.cap && (MID_ADVERBS.has(t.lower) || isAdverb(t.lower));

/** Can this token sit inside a subject noun phrase? */
export function inNounPhrase(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return false;
  if (!t.word) return t.text === '&' || t.text === '-' || t.text === '’' || t.text === "'";
  // "a view echoed by Blinken": the agent after "by" starts another phrase.
  if (isClauseWord(tokens, i) || t.lower === 'by') return false;
  if (t.cap) return true;
  if (isFiniteVerb(tokens, i)) return false;
  const next = tokens[i + 1];
  // "to" before a verb is an infinitive ("plans to join"), not "close to the talks".
  return !(t.lower === 'to' && next !== undefined && !next.cap && isVerbOnly(next.lower));
}

/** "Friday", "March", "yesterday", "last week": a word of a time phrase. */
export function isTimeToken(t: Token): boolean {
  return t.word && (isTimeName(t.lower) || (!t.cap && TIME_WORDS.has(t.lower)));
}
