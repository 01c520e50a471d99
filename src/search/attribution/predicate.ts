/**
 * What surrounds a reporting verb: the auxiliaries before it ("has said"),
 * and after it the addressee ("told the WSJ"), time and manner phrases
 * ("on Thursday", "in an interview with CNN") and then either the statement
 * ("that …", a quote, a clause) or the end of a sentence whose statement came
 * first ("…, CNN reported Friday, citing anonymous sources.").
 */
import { isAcronym, isClauseVerb, isClauseWord, isFiniteVerb, isTimeToken } from './classify.ts';
import {
  AUXILIARIES,
  BE_FORMS,
  CHANNEL_NOUNS,
  EMPTY_OBJECTS,
  NEGATIONS,
  NOUN_LIKE_VERBS,
  OBJECT_PRONOUNS,
  SUBORDINATORS,
  TIME_WORDS,
  isAdverb,
  isDeterminer,
  isPreposition,
  isTimeName,
  isVerbOnly,
  reportingLemma,
} from './lexicon.ts';
import { isQuoteMark, startsWithNumber, type Token, type TokenRange } from './text.ts';

export interface Complement {
  /** "content": the statement follows the verb; "tail": the sentence ends, so it came before. */
  kind: 'content' | 'tail';
  /** Tokens naming the addressee the statement went through ("WSJ" in "told the WSJ"). */
  via: TokenRange | null;
}

const TIME_CLAUSE_OPENERS = new Set(['as', 'when', 'while', 'after', 'before']);
const SCENE_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'from', 'via', 'through', 'with', 'for', 'after', 'amid']);

/**
 * The first token of the verb group ending at `verbAt` ("has also said"), or
 * -1 when the verb is not an active, affirmative report: passive ("was told",
 * "is said to"), negated ("did not say") or an infinitive ("declined to say").
 */
export function verbGroupStart(tokens: readonly Token[], verbAt: number): number {
  let i = verbAt - 1;
  for (; i >= 0; i--) {
    const t = tokens[i];
    if (t === undefined || !t.word) break;
    // "Erdogan on Wednesday said", "Stoltenberg later told".
    const nextIsTime = tokens[i + 1] !== undefined && isTimeToken(tokens[i + 1]!);
    if (isTimeToken(t) || (t.lower === 'on' && nextIsTime)) continue;
    if (t.cap) break;
    if (BE_FORMS.has(t.lower) || NEGATIONS.has(t.lower) || /n[’']t$/.test(t.lower) || t.lower === 'to') return -1;
    if (!AUXILIARIES.has(t.lower) && !isAdverb(t.lower) && t.lower !== 'also') break;
  }
  // "It’s said that …" is passive too.
  if (/^(it|that|there|what)[’']s$/.test(tokens[i]?.lower ?? '')) return -1;
  return i + 1;
}

/** Parses what follows the reporting verb at `verbAt`; null when it is not a statement ("said nothing"). */
export function parseComplement(tokens: readonly Token[], verbAt: number, lemma: string): Complement | null {
  let i = verbAt + 1;
  let via: TokenRange | null = null;
  if (lemma === 'tell') {
    const addressee = parseAddressee(tokens, i);
    if (addressee === null) return null;
    via = addressee.via;
    i = addressee.next;
  }
  for (;;) {
    if (tokens[i]?.lower === 'to' && lemma !== 'tell') {
      // "confirmed to the WSJ"; "said to be" is a passive, not a report.
      const addressee = parseAddressee(tokens, i + 1);
      if (addressee === null) return null;
      via ??= addressee.via;
      i = addressee.next;
      continue;
    }
    const next = skipModifier(tokens, i);
    if (next === i) break;
    via ??= channelVia(tokens, i, next);
    i = next;
  }
  // "warned of a recession" states the warning.
  const warning = lemma === 'warn' && /^(of|about|against)$/.test(tokens[i]?.lower ?? '');
  const kind = warning ? 'content' : statementKind(tokens, i);
  return kind === null ? null : { kind, via };
}

/** After the verb and its modifiers: does a statement follow, does the sentence end, or neither? */
function statementKind(tokens: readonly Token[], i: number): Complement['kind'] | null {
  const t = tokens[i];
  if (t === undefined || /^[.!?;)”"]$/.test(t.text)) return 'tail';
  if (t.text === ',') return insertionBeforeStatement(tokens, i) ? 'content' : 'tail';
  if (t.lower === 'that' || t.text === ':' || isQuoteMark(t)) return 'content';
  // "“…,” Mr de Vabres said as he presented the award": a time clause after a statement that came first.
  if (t.word && !t.cap && TIME_CLAUSE_OPENERS.has(t.lower)) return 'tail';
  if (EMPTY_OBJECTS.has(t.lower) || t.lower === 'by') return null;
  return looksLikeClause(tokens, i) ? 'content' : null;
}

/** ", “…”" or an insertion and then the statement: "said, however, that", "reported, citing sources, that". */
function insertionBeforeStatement(tokens: readonly Token[], commaAt: number): boolean {
  for (let k = commaAt + 1; k < Math.min(tokens.length, commaAt + 10); k++) {
    const t = tokens[k]!;
    if (isQuoteMark(t)) return k === commaAt + 1 || tokens[k - 1]?.text === ',';
    if (t.text === ',') return tokens[k + 1]?.lower === 'that';
  }
  return false;
}

/**
 * Reported speech without "that" ("said it would renounce", "told CNN the
 * talks had stalled") has a verb soon; an object does not ("announced new
 * sanctions", "maintained its position").
 */
function looksLikeClause(tokens: readonly Token[], from: number): boolean {
  const first = tokens[from];
  if (first === undefined || !first.word || (!first.cap && isPreposition(first.lower))) return false;
  for (let k = from + 1; k < Math.min(tokens.length, from + 9); k++) {
    const t = tokens[k];
    if (t === undefined) break;
    if (t.word && !t.cap && SUBORDINATORS.has(t.lower)) return false;
    if (isClauseVerb(tokens, k)) return true;
  }
  return false;
}

/**
 * The person or outlet addressed: "the WSJ" (via "WSJ"), "CNN", "reporters",
 * "state media", "him" (no via). Null when there is none ("said to be").
 */
function parseAddressee(tokens: readonly Token[], i: number): { via: TokenRange | null; next: number } | null {
  const first = tokens[i];
  if (first === undefined || !first.word) return null;
  if (!isAcronym(first) && OBJECT_PRONOUNS.has(first.lower)) return { via: null, next: i + 1 };
  const from = first.lower === 'the' ? i + 1 : i;
  const start = !first.cap && isDeterminer(first.lower) ? i + 1 : i;
  let k = start;
  let lastSwitch = -1;
  while (k < start + 6 && addresseeWord(tokens, k, k === start)) {
    if (k > start && tokens[k]!.cap !== tokens[k - 1]!.cap && tokens[k]!.lower !== 'of') lastSwitch = k;
    k++;
  }
  if (k === start) return null;
  // "told lawmakers Russia would …": the capitalised word starts the statement.
  if (lastSwitch > 0 && isClauseVerb(tokens, k)) k = lastSwitch;
  if (tokens[k]?.text === '(' && tokens[k + 1]?.word && tokens[k + 2]?.text === ')') k += 3;
  return { via: { from, to: k }, next: k };
}

function addresseeWord(tokens: readonly Token[], k: number, first: boolean): boolean {
  const t = tokens[k];
  if (t === undefined || !t.word) return false;
  if (t.cap) return !isTimeName(t.lower);
  // "Council of Europe": "of" between capitalised words.
  if (t.lower === 'of') return tokens[k - 1]?.cap === true && tokens[k + 1]?.cap === true;
  if (isClauseWord(tokens, k) || isDeterminer(t.lower) || isPreposition(t.lower)) return false;
  // "told state media": after "told", "state"/"report" are nouns of the addressee.
  const lemma = reportingLemma(t.lower);
  const noun = lemma !== undefined && NOUN_LIKE_VERBS.has(lemma) && !t.lower.endsWith('ed');
  if (TIME_WORDS.has(t.lower) || (lemma !== undefined && !noun) || isFiniteVerb(tokens, k)) return false;
  return noun || !(first && isVerbOnly(t.lower));
}

/** Skips every modifier from `i` on: "on Thursday in a statement". */
export function skipModifiers(tokens: readonly Token[], i: number): number {
  let k = i;
  for (let next = skipModifier(tokens, k); next !== k; next = skipModifier(tokens, k)) k = next;
  return k;
}

/**
 * Skips one adverb, time phrase ("on Thursday", "last week"), condition
 * ("on condition of anonymity") or manner phrase ("in a statement", "at a
 * news conference", "in Kyiv") at `i`; returns where it ends (`i` if none).
 */
function skipModifier(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (t === undefined || !t.word) return i;
  if (isTimeToken(t)) return skipTime(tokens, i);
  if (t.cap) return i;
  if (t.lower === 'also' || isAdverb(t.lower)) return i + 1;
  if (!SCENE_PREPOSITIONS.has(t.lower)) return i;
  const next = tokens[i + 1];
  if (next === undefined || !next.word) return i;
  if (isTimeToken(next)) return skipTime(tokens, i + 1);
  if (t.lower === 'on' && (next.lower === 'condition' || tokens[i + 2]?.lower === 'condition')) return skipCondition(tokens, i);
  if (next.cap) return skipWhile(tokens, i + 1, (u) => u.cap || u.lower === 'of');
  if (!isDeterminer(next.lower)) return i;
  const end = skipWhile(tokens, i + 2, (u, k) => u.word && !isPreposition(u.lower) && !isClauseWord(tokens, k));
  // "in an interview with CNN": the addressee belongs to the phrase.
  const link = tokens[end]?.lower;
  if (CHANNEL_NOUNS.has(tokens[end - 1]?.lower ?? '') && (link === 'with' || link === 'to')) {
    return parseAddressee(tokens, end + 1)?.next ?? end;
  }
  return end;
}

/** "Friday", "last week", "late on Friday", "March 3". */
function skipTime(tokens: readonly Token[], i: number): number {
  return skipWhile(tokens, i, (u, k) => isTimeToken(u) || startsWithNumber(u.text) || (u.lower === 'on' && isTimeAt(tokens, k + 1)));
}

const isTimeAt = (tokens: readonly Token[], k: number): boolean => tokens[k] !== undefined && isTimeToken(tokens[k]!);

/** "on (the) condition of anonymity" / "on condition that they not be named": up to the statement. */
function skipCondition(tokens: readonly Token[], i: number): number {
  for (let k = i + 1; k <= i + 3; k++) if (tokens[k]?.lower === 'of') return k + 2;
  return i;
}

function skipWhile(tokens: readonly Token[], i: number, keep: (t: Token, k: number) => boolean): number {
  let k = i;
  while (k < tokens.length && keep(tokens[k]!, k)) k++;
  return k;
}

/** "interview with CNN", "statement to Reuters", "speaking to reporters": the addressee, if any. */
export function channelVia(tokens: readonly Token[], from: number, to: number): TokenRange | null {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    const link = tokens[k + 1]?.lower;
    const channel = t !== undefined && (CHANNEL_NOUNS.has(t.lower) || /^(speaking|talking)$/.test(t.lower));
    if (channel && (link === 'with' || link === 'to')) return parseAddressee(tokens, k + 2)?.via ?? null;
  }
  return null;
}
