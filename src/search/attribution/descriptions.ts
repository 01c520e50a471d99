/**
 * What a report says a person is, read around each mention of them: the title and organisation
 * before the name ("Wippit chief executive Paul Myers", "Nigeria's oil minister …"), an apposition
 * after it ("Alexandra Tower, a spokeswoman for the bank,"; "Baros, who is Liverpool's leading
 * scorer,") or before it ("The ministry's spokesperson, Jane Doe"). These words make a speaker
 * findable by a role typed for their name ("the Wippit boss").
 */
import { isAcronym, isFiniteVerb } from './classify.ts';
import { countryOf } from './countries.ts';
import {
  BE_FORMS,
  DISCOURSE_MARKERS,
  SUBORDINATORS,
  isAdjective,
  isAdverb,
  isDeterminer,
  isGerund,
  isNoun,
  isPastTense,
  isPreposition,
  isRoleWord,
  isTitleWord,
} from './lexicon.ts';
import { bare, type PersonMention } from './people.ts';
import { isQuoteMark, startsWithNumber, type Token } from './text.ts';

const MAX_BEFORE = 6;
const MAX_APPOSITION = 12;
const PHRASE_END = /^[,.;:!?()“”"]$/;

/** Lower-case words describing the person at `person`, with the country of a nationality ("nigerian" → "nigeria"). */
export function describingWords(tokens: readonly Token[], person: PersonMention): string[] {
  const words = [...titleBefore(tokens, person.nameFrom), ...appositionAfter(tokens, person.to), ...appositionBefore(tokens, person.from)];
  return words.flatMap((w) => {
    const country = countryOf(w);
    return country === null || country === w ? [w] : [w, country];
  });
}

/**
 * "But Larne boss Jimmy McGeough", "Nigeria's oil minister": the describers right before the
 * name, up to a clause or function word. A common noun counts only before a role ("oil
 * minister"), not before an honorific ("In his budget Mr Chidambaram").
 */
function titleBefore(tokens: readonly Token[], nameFrom: number): string[] {
  const words: string[] = [];
  let role = false;
  for (let k = nameFrom - 1; k >= 0 && nameFrom - k <= MAX_BEFORE; k--) {
    const t = tokens[k]!;
    const word = bare(t);
    if (!describes(tokens, k, role)) break;
    role ||= isRoleWord(word);
    words.push(word);
  }
  return words.reverse();
}

function describes(tokens: readonly Token[], k: number, afterRole: boolean): boolean {
  const t = tokens[k]!;
  // Cheap checks first: this runs on the words before every name in the corpus.
  if (!t.word) return false;
  // "Bank of America chief executive", "Trade and Industry Secretary": a link between capitalised words.
  if (t.lower === 'of' || t.lower === 'and') return tokens[k - 1]?.cap === true && tokens[k + 1]?.cap === true;
  if (DISCOURSE_MARKERS.has(t.lower)) return false;
  if (t.cap) return true;
  if (isDeterminer(t.lower) || isPreposition(t.lower)) return false;
  const word = bare(t);
  if (isTitleWord(word) || isRoleWord(word) || countryOf(word) !== null) return true;
  return !isFiniteVerb(tokens, k) && (isAdjective(word) || (afterRole && isNoun(word)));
}

/** ", a spokeswoman for the North Carolina-based bank," / ", who is Liverpool's leading scorer,". */
function appositionAfter(tokens: readonly Token[], to: number): string[] {
  if (tokens[to]?.text !== ',') return [];
  let from = to + 1;
  if (tokens[from]?.lower === 'who' && BE_FORMS.has(tokens[from + 1]?.lower ?? '')) {
    // "who is Liverpool's leading scorer" describes; "who was forced to apologise" tells what happened.
    const next = tokens[from + 2]?.lower ?? '';
    if (isPastTense(next) || /ed$/.test(next) || isGerund(next)) return [];
    from += 2;
  }
  return phrase(tokens, from, Math.min(tokens.length, from + MAX_APPOSITION));
}

/** "The ministry's spokesperson, Jane Doe": the phrase between the previous punctuation and the comma. */
function appositionBefore(tokens: readonly Token[], from: number): string[] {
  if (tokens[from - 1]?.text !== ',') return [];
  let start = from - 1;
  while (start > 0 && !PHRASE_END.test(tokens[start - 1]!.text) && from - start <= MAX_APPOSITION) start--;
  // After a word's quote mark the phrase starts inside a noun phrase ("…as Holocaust Day, a
  // “difficult” time for many Jewish people, Mr Mennear added"): the end of what was said, not
  // what the person is. After a statement's closing quote ("…again,” hunt master, Captain Ian
  // Farquhar, said) it is.
  if (start > 1 && isQuoteMark(tokens[start - 1]!) && tokens[start - 2]!.word) return [];
  return phrase(tokens, start, from - 1);
}

/**
 * The words of [from, to) up to a punctuation mark, if they describe someone: no verb, and not
 * an aside ("however", "speaking at …", "who …") or the next name of a list.
 */
function phrase(tokens: readonly Token[], from: number, to: number): string[] {
  const first = tokens[from];
  if (first === undefined || !first.word || !opensDescription(first)) return [];
  const words: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (PHRASE_END.test(t.text)) break;
    if (isFiniteVerb(tokens, k)) return [];
    if (t.word) words.push(bare(t));
  }
  return words;
}

function opensDescription(t: Token): boolean {
  if (t.cap) return isAcronym(t) || /[’']s$/.test(t.text);
  const word = t.lower;
  return !(DISCOURSE_MARKERS.has(word) || SUBORDINATORS.has(word) || isPreposition(word) || isGerund(word) || isAdverb(word) || startsWithNumber(word));
}
