/**
 * The subject of a reporting verb: the noun phrase just before it, found by
 * walking left over words that can sit in a noun phrase. Commas need care:
 * they separate an introduction ("However, officials …") but also a list
 * ("NATO, Ukraine, and other Western countries") or an appositive
 * ("Jane Doe, a spokesperson for the ministry, said").
 */
import { inNounPhrase, isAcronym, isConjunction, isFiniteVerb, isSubjectPronoun, isTimeToken } from './classify.ts';
import {
  AUXILIARIES,
  BE_FORMS,
  DISCOURSE_MARKERS,
  NEGATIONS,
  isAdjective,
  isAdverb,
  isDeterminer,
  isFirstName,
  isGerund,
  isNoun,
  isOrganisationWord,
  isPastTense,
  isPreposition,
  isPresentTense,
  isTimeName,
  isTitleWord,
  isVerbOnly,
  tagsOf,
} from './lexicon.ts';
import { countryOf } from './countries.ts';
import { startsWithNumber, type Token, type TokenRange } from './text.ts';

export interface Subject extends TokenRange {
  /** Index of the "but"/"and"/";" that starts the subject's own clause, or -1. */
  coordinator: number;
}

/** How a left scan ended: at the sentence start, a comma, a clause word, or a verb. */
type Stop = 'start' | 'comma' | 'clause' | 'verb';
interface Segment extends TokenRange {
  stop: Stop;
}

const COORDINATORS = new Set(['but', 'and', 'while', 'whereas', ';']);

/** The subject of the verb group starting at token `verbAt`, or null when there is none. */
export function findSubject(tokens: readonly Token[], verbAt: number): Subject | null {
  const head = tokens[verbAt - 1];
  if (head === undefined) return null;
  if (isSubjectPronoun(tokens, verbAt - 1)) return withCoordinator(tokens, { from: verbAt - 1, to: verbAt });
  // "Smith, who told CNN …": the antecedent before ", who".
  if (head.lower === 'who' && tokens[verbAt - 2]?.text === ',') return headBefore(tokens, verbAt - 2, verbAt - 2);
  if (head.text === ',') return parentheticalSubject(tokens, verbAt - 1);
  // "…, he said, and added …": "and" is no subject (see sharedSubject).
  if (isConjunction(head)) return null;
  const segment = withRelativeClause(tokens, scanSegment(tokens, verbAt));
  return segment.from === segment.to ? null : extendList(tokens, segment, verbAt);
}

/**
 * "Peskov described the plan as premature but said …", "X declined to comment
 * and said …": a verb right after "but"/"and" shares the subject of the
 * nearest verb before it that has one.
 */
export function sharedSubject(tokens: readonly Token[], groupAt: number, quoted: (t: Token) => boolean): Subject | null {
  const coordinator = tokens[groupAt - 1];
  if (coordinator === undefined || !/^(but|and)$/.test(coordinator.lower) || coordinator.cap) return null;
  return earlierSubject(tokens, groupAt - 1, quoted);
}

/**
 * The subject of the nearest verb before token `before` that has one (outside quotes, in the
 * same clause): whom "but said …" or ", saying …" goes on from.
 */
export function earlierSubject(tokens: readonly Token[], before: number, quoted: (t: Token) => boolean): Subject | null {
  for (let j = before - 1; j > 0; j--) {
    const t = tokens[j]!;
    if (t.text === ';') return null;
    if (quoted(t) || !isEarlierVerb(tokens, j)) continue;
    let start = j;
    while (start > 0 && isVerbGroupWord(tokens[start - 1]!)) start--;
    const subject = findSubject(tokens, start);
    // "said Washington would …, if it helped …, but warned": the subject of an
    // embedded clause (after a verb or subordinator) is not the one shared.
    const opener = subject === null ? undefined : tokens[subject.from - 1];
    if (subject !== null && !(opener?.word && !opener.cap && !COORDINATORS.has(opener.lower))) return subject;
  }
  return null;
}

/** A lower-case finite-looking verb, not an infinitive ("to comment") or a noun ("the report"). */
function isEarlierVerb(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  const previous = tokens[j - 1];
  if (!t.word || t.cap || previous === undefined || previous.lower === 'to' || (previous.word && isDeterminer(previous.lower))) {
    return false;
  }
  return isFiniteVerb(tokens, j) || isPastTense(t.lower) || /^[a-z]{3,}ed$/.test(t.lower) || isPresentTense(t.lower);
}

const isVerbGroupWord = (t: Token): boolean =>
  t.word &&
  !t.cap &&
  (AUXILIARIES.has(t.lower) || BE_FORMS.has(t.lower) || NEGATIONS.has(t.lower) || /n[’']t$/.test(t.lower) || isAdverb(t.lower));

/**
 * "Officials who spoke to CNN said": the scan stopped in a relative clause;
 * add its antecedent. ("The official who said …" has no subject: the verb is
 * inside the relative clause.)
 */
function withRelativeClause(tokens: readonly Token[], segment: Segment): Segment {
  if (segment.from === segment.to || (segment.stop !== 'clause' && segment.stop !== 'verb')) return segment;
  // Back over the clause's verb group ("who have seen") to the pronoun.
  let r = segment.from - 1;
  while (r > segment.from - 4 && r > 0 && !isRelativePronoun(tokens[r]) && isFiniteVerb(tokens, r)) r--;
  const verb = tokens[r + 1];
  const clauseVerb = verb !== undefined && !verb.cap && (isFiniteVerb(tokens, r + 1) || isVerbOnly(verb.lower));
  if (!isRelativePronoun(tokens[r]) || !clauseVerb) return segment;
  const antecedent = scanSegment(tokens, r);
  return antecedent.from === antecedent.to ? segment : { ...antecedent, to: segment.to };
}

const isRelativePronoun = (t: Token | undefined): boolean => t?.lower === 'who' || t?.lower === 'that';

/** "X, a spokesperson for Y, said" / "X, speaking after prayers, said" / "X, who …, said": X plus its parenthesis. */
function parentheticalSubject(tokens: readonly Token[], commaAt: number): Subject | null {
  for (let j = commaAt - 1; j > 0; j--) {
    const t = tokens[j]!;
    if (t.text === ',') return isParenthesis(tokens, j + 1, commaAt) ? headBefore(tokens, j, commaAt) : null;
    if (!t.word && !/^[’'&()-]$/.test(t.text)) return null;
  }
  return null;
}

/** Words between two commas that describe the subject: a relative clause, or anything without a finite verb. */
function isParenthesis(tokens: readonly Token[], from: number, to: number): boolean {
  if (tokens[from]?.lower === 'who') return true;
  for (let k = from; k < to; k++) if (isFiniteVerb(tokens, k)) return false;
  return from < to;
}

/** The noun phrase ending at the comma `commaAt`, extended to `to`. */
function headBefore(tokens: readonly Token[], commaAt: number, to: number): Subject | null {
  const head = scanSegment(tokens, commaAt);
  if (head.from === head.to || isIntroduction(tokens, head)) return null;
  return extendList(tokens, head, to);
}

/** Walks left from `to` over noun-phrase words, stopping at a comma or a clause boundary. */
function scanSegment(tokens: readonly Token[], to: number): Segment {
  let i = to - 1;
  while (i >= 0) {
    const t = tokens[i];
    if (t === undefined || t.text === ',') return { from: i + 1, to, stop: 'comma' };
    if (t.text === ')') {
      const open = openingParenthesis(tokens, i);
      if (open < 0) return { from: i + 1, to, stop: 'clause' };
      i = open - 1;
      continue;
    }
    if (isConjunction(t)) {
      // Oxford comma: the list goes on before the comma.
      if (tokens[i - 1]?.text === ',') return { from: i, to, stop: 'comma' };
      if (!nominalConjunct(tokens, i)) return { from: i + 1, to, stop: 'clause' };
    } else if (!inNounPhrase(tokens, i)) {
      return { from: i + 1, to, stop: isFiniteVerb(tokens, i) ? 'verb' : 'clause' };
    }
    i--;
  }
  return { from: 0, to, stop: 'start' };
}

function openingParenthesis(tokens: readonly Token[], closeAt: number): number {
  for (let i = closeAt - 1; i >= 0; i--) if (tokens[i]?.text === '(') return i;
  return -1;
}

/**
 * Is the phrase before "and" at `andAt` a noun phrase ("the US and its allies")
 * rather than the end of another clause ("Ukraine put forward a deal and Russia")?
 */
function nominalConjunct(tokens: readonly Token[], andAt: number): boolean {
  let count = 0;
  for (let j = andAt - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t === undefined || t.text === ',' || isConjunction(t)) break;
    if (!inNounPhrase(tokens, j)) {
      if (isFiniteVerb(tokens, j)) return false;
      break;
    }
    if (!t.cap && isVerbOnly(t.lower)) return false;
    count++;
  }
  return count > 0;
}

/** Adds the comma-separated items before a list subject ("NATO, Ukraine, and other countries"). */
function extendList(tokens: readonly Token[], segment: Segment, to: number): Subject | null {
  let from = segment.from;
  let current = segment;
  const listed = hasConjunction(tokens, segment);
  while (listed && current.stop === 'comma') {
    const left = scanSegment(tokens, current.from - 1);
    if (left.from === left.to || left.stop === 'verb' || isIntroduction(tokens, left) || hasVerb(tokens, left)) break;
    // A list item ends with a noun: "Doe left early, and his spokesman" is two clauses.
    const end = tokens[left.to - 1]!;
    if (!end.cap && isAdjective(end.lower) && !isNoun(end.lower)) break;
    from = left.from;
    current = left;
  }
  from = skipIntroduction(tokens, from, to);
  const last = tokens[to - 1];
  if (from >= to || last === undefined) return null;
  // "The said agreement", "of said": no noun before the verb.
  if (last.word && !isAcronym(last) && (isDeterminer(last.lower) || isPreposition(last.lower))) return null;
  return withCoordinator(tokens, { from, to });
}

function hasConjunction(tokens: readonly Token[], range: TokenRange): boolean {
  for (let i = range.from; i < range.to; i++) if (tokens[i] !== undefined && isConjunction(tokens[i]!)) return true;
  return false;
}

function hasVerb(tokens: readonly Token[], range: TokenRange): boolean {
  for (let i = range.from; i < range.to; i++) {
    const t = tokens[i];
    if (t !== undefined && !t.cap && isVerbOnly(t.lower)) return true;
  }
  return false;
}

/** A phrase that sets the scene rather than names someone: "However", "In a draft deal", "Speaking to CNN". */
export function isIntroduction(tokens: readonly Token[], range: TokenRange): boolean {
  const first = tokens[range.from];
  if (first === undefined || !first.word) return false;
  const lower = first.lower;
  return (
    DISCOURSE_MARKERS.has(lower) ||
    isPreposition(lower) ||
    isTimeName(lower) ||
    startsWithNumber(lower) ||
    isAdverb(lower) ||
    (isGerund(lower) && !describesSpeaker(tokens, range.from))
  );
}

/**
 * "Outgoing Secretary General …", "Visiting Chinese Foreign Minister …": a
 * capitalised -ing word before a title, nationality or first name is part of
 * the speaker, unlike "Speaking to CNN" or "Following Russia’s attack".
 */
function describesSpeaker(tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  const next = tokens[at + 1];
  if (first === undefined || !first.cap || next === undefined || !next.word || !next.cap || /[’']s$/.test(next.text)) return false;
  const word = next.lower.replace(/\.$/, '');
  const nationality = countryOf(word) !== null && !tagsOf(word).includes('Country');
  return isTitleWord(word) || isFirstName(word) || nationality || isOrganisationWord(word);
}

/** Drops leading connectors and time phrases: "But officials" → "officials", "On Tuesday officials" → "officials". */
function skipIntroduction(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  for (;;) {
    const t = tokens[i];
    if (i >= to - 1 || t === undefined) return i;
    if (t.text === ',' || DISCOURSE_MARKERS.has(t.lower) || isAdverb(t.lower)) {
      i++;
    } else if (isPreposition(t.lower) && isDate(tokens[i + 1])) {
      i += 2;
      while (i < to - 1 && isDate(tokens[i])) i++;
    } else {
      return i;
    }
  }
}

const isDate = (t: Token | undefined): boolean => t !== undefined && (isTimeToken(t) || startsWithNumber(t.text));

function withCoordinator(tokens: readonly Token[], range: TokenRange): Subject {
  const before = tokens[range.from - 1];
  const coordinated = before !== undefined && range.from > 1 && COORDINATORS.has(before.lower);
  // Not `{ ...range }`: spreading is slow, and this runs for every subject found.
  return { from: range.from, to: range.to, coordinator: coordinated ? range.from - 1 : -1 };
}
