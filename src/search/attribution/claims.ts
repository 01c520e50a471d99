/**
 * Claims in one sentence: who is said to have said it, and through whom.
 * A claim comes from a reporting verb with its subject ("Sources told CNN
 * that …", "…, the Polish President said.", "“…,” said Smith.") or from
 * "according to X".
 */
import { accordingToSources } from './according.ts';
import { inNounPhrase, isAcronym, isTimeToken } from './classify.ts';
import { INVERTIBLE_VERBS, NOUN_LIKE_VERBS, isDeterminer, isGerund, isPreposition, isTitleWord, isQuotingVerb, reportingLemma, reportingParticiple } from './lexicon.ts';
import { channelVia, parseComplement, skipModifiers, verbGroupStart } from './predicate.ts';
import { earlierSubject, findSubject, isIntroduction, sharedSubject } from './subject.ts';
import { isQuoteMark, type Token, type TokenRange } from './text.ts';

export interface Claim {
  speaker: TokenRange;
  via: TokenRange | null;
  /** Index of the "but"/"and"/";" that opens the claim's own clause, or -1 when it spans the sentence. */
  coordinator: number;
}

/** Every claim in a sentence, in order of the speaker; `quoted` marks tokens inside quotation marks. */
export function findClaims(tokens: readonly Token[], quoted: (t: Token) => boolean): Claim[] {
  const claims: Claim[] = [];
  tokens.forEach((t, at) => {
    const claim = t.word && !t.cap && !quoted(t) ? claimAt(tokens, at, quoted) : null;
    if (claim !== null) claims.push(claim);
  });
  for (const speaker of accordingToSources(tokens, quoted)) claims.push({ speaker, via: null, coordinator: -1 });
  const unique = claims.filter((c, k) => claims.findIndex((d) => d.speaker.from === c.speaker.from) === k);
  return unique.sort((a, b) => a.speaker.from - b.speaker.from);
}

/** The claim a lower-case word outside quotes opens, if it is a reporting verb, participle or quoting verb. */
function claimAt(tokens: readonly Token[], at: number, quoted: (t: Token) => boolean): Claim | null {
  const lower = tokens[at]!.lower;
  const lemma = reportingLemma(lower);
  if (lemma !== undefined) return verbClaim(tokens, at, lemma, quoted);
  const participle = reportingParticiple(lower);
  if (participle !== undefined) return participleClaim(tokens, at, participle, quoted);
  return isQuotingVerb(lower) ? quotingClaim(tokens, at, quoted) : null;
}

function verbClaim(tokens: readonly Token[], verbAt: number, lemma: string, quoted: (t: Token) => boolean): Claim | null {
  const groupAt = verbGroupStart(tokens, verbAt);
  if (groupAt < 0) return null;
  // "reports"/"states"/"report" are nouns too: as verbs they must open the statement.
  const nounLike = NOUN_LIKE_VERBS.has(lemma) && !tokens[verbAt]!.lower.endsWith('ed');
  if (nounLike && !opensStatement(tokens[verbAt + 1])) return null;
  const subject = findSubject(tokens, groupAt) ?? sharedSubject(tokens, groupAt, quoted);
  if (subject === null) return groupAt === verbAt && INVERTIBLE_VERBS.has(lemma) ? invertedClaim(tokens, verbAt) : null;
  if (nounLike && !headsNounPhrase(tokens, subject)) return null;
  const complement = parseComplement(tokens, verbAt, lemma);
  if (complement === null) return null;
  if (complement.kind === 'tail' && !followsStatement(tokens, subject.from)) return null;
  return {
    speaker: subject,
    // "Speaking to reporters, X said" / "X, in an interview with CNN, said".
    via: complement.via ?? channelVia(tokens, 0, groupAt),
    coordinator: subject.coordinator,
  };
}

/** "Sir Ian Blair has backed the orders, saying: “…”": the main clause's subject says it. */
function participleClaim(tokens: readonly Token[], at: number, lemma: string, quoted: (t: Token) => boolean): Claim | null {
  // "adding to its honours", "warning of delays": no statement follows.
  const next = tokens[at + 1];
  if (tokens[at - 1]?.text !== ',' || next === undefined || isPreposition(next.lower) || parseComplement(tokens, at, lemma) === null) return null;
  const speaker = earlierSubject(tokens, at - 1, quoted);
  // A name, a pronoun or a determined noun ("the minister"), not a clause read as one ("The company wants").
  return speaker === null || !headsNounPhrase(tokens, speaker) ? null : { speaker, via: null, coordinator: speaker.coordinator };
}

/** "Tory candidate Andrew Mennear branded it “tasteless”": a quote in the verb's clause is the statement. */
function quotingClaim(tokens: readonly Token[], verbAt: number, quoted: (t: Token) => boolean): Claim | null {
  const groupAt = verbGroupStart(tokens, verbAt);
  const next = tokens[verbAt + 1];
  // A participle with no object is passive: "a show described as “A Concert of Hope”".
  if (groupAt < 0 || next === undefined || next.lower === 'as' || next.lower === 'by' || isQuoteMark(next)) return null;
  let quote = false;
  let k = verbAt + 1;
  for (; k < Math.min(tokens.length, verbAt + QUOTE_REACH) && !quote; k++) {
    const t = tokens[k]!;
    if (t.text === ';' || (t.word && !t.cap && SUBORDINATE.test(t.lower))) break;
    quote = quoted(t);
  }
  // "a move branded a “humiliating retreat” by the Tories": the agent after "by" said it, and is no subject.
  while (quote && k < tokens.length && (quoted(tokens[k]!) || isQuoteMark(tokens[k]!))) k++;
  if (quote && tokens[k]?.lower === 'by') return null;
  const subject = quote ? (findSubject(tokens, groupAt) ?? sharedSubject(tokens, groupAt, quoted)) : null;
  return subject === null ? null : { speaker: subject, via: null, coordinator: subject.coordinator };
}

/** How far after a quoting verb its quote may open: "described the government's plans as “…”". */
const QUOTE_REACH = 12;
/** A clause that ends the quoting verb's own ("accused him of lying, but …" quotes no one). */
const SUBORDINATE = /^(?:but|while|whereas|because|although|after|before|when|which|who)$/;

function opensStatement(t: Token | undefined): boolean {
  return t !== undefined && (t.lower === 'that' || t.text === ':' || isQuoteMark(t));
}

/** "The report states that", "CNN reports that" — but not "NATO member states that". */
function headsNounPhrase(tokens: readonly Token[], subject: TokenRange): boolean {
  const head = tokens[subject.to - 1];
  const before = tokens[subject.to - 2];
  return head !== undefined && (head.cap || (before !== undefined && isDeterminer(before.lower)));
}

/**
 * A speaker after the statement needs a statement before it, set off by a
 * comma, closing quote or dash — not just a scene-setter ("On Tuesday, …").
 */
function followsStatement(tokens: readonly Token[], subjectFrom: number): boolean {
  const separator = tokens[subjectFrom - 1];
  if (separator === undefined || !/^[,”"—–]$/.test(separator.text)) return false;
  if (separator.text !== ',') return subjectFrom > 1;
  let start = subjectFrom - 2;
  while (start >= 0 && tokens[start]?.text !== ',') start--;
  const before = { from: start + 1, to: subjectFrom - 1 };
  return before.to > before.from && !isIntroduction(tokens, before);
}

/** Lower-case words up to a title, then a capitalised name: "managing director Rodrigo Rato". */
function titledName(tokens: readonly Token[], from: number, to: number): boolean {
  let titled = false;
  for (let i = from; i < to && tokens[i]!.word; i++) {
    if (tokens[i]!.cap) return titled;
    // Modifiers of a title, not a phrase of its own ("for the wedding of a daughter of a German …").
    if (isPreposition(tokens[i]!.lower) || isDeterminer(tokens[i]!.lower)) return false;
    titled ||= isTitleWord(tokens[i]!.lower);
  }
  return false;
}

/** "“We will win,” said Smith, a spokesman for the ministry." */
function invertedClaim(tokens: readonly Token[], verbAt: number): Claim | null {
  if (!followsStatement(tokens, verbAt)) return null;
  const from = verbAt + 1;
  let to = from;
  while (to < tokens.length && (inNounPhrase(tokens, to) || tokens[to]!.text === ',')) {
    const next = tokens[to + 1];
    const timeFollows = isPreposition(tokens[to]!.lower) && next !== undefined && isTimeToken(next);
    if (timeFollows || (tokens[to]!.text === ',' && next !== undefined && isGerund(next.lower))) break;
    to++;
  }
  while (to > from && tokens[to - 1]!.text === ',') to--;
  const end = tokens[skipModifiers(tokens, to)];
  // The name may be followed by a relative clause: "said Sinan Ulgen, a former diplomat who now heads …".
  const ends = end === undefined || /^[.!?”",]$/.test(end.text) || /^(who|which|that)$/.test(end.lower);
  // "said editor David Roberts": a title in lower case may open the name, after its modifiers too
  // ("said managing director Rodrigo Rato", "said shadow chancellor Oliver Letwin").
  const opener = tokens[from];
  const named = to > from && opener !== undefined && (opener.cap || isAcronym(opener) || isDeterminer(opener.lower) || isTitleWord(opener.lower) || titledName(tokens, from, to));
  return ends && named ? { speaker: { from, to }, via: null, coordinator: -1 } : null;
}
