import { sentenceRanges } from './sentences.ts';

/**
 * What kind of answer a question asks for, from its wording: "how much / how many" a number or
 * amount, "how long" a span, "when" a date or time, "who" a person or organisation, "where" a place.
 */
export type AnswerKind = 'amount' | 'duration' | 'time' | 'agent' | 'place';

const ASKS: Array<[AnswerKind, RegExp]> = [
  ['duration', /\bhow long\b/i],
  ['amount', /\bhow (?:much|many|big|large|far|old|high|low|fast|quick(?:ly)?|tall|heavy|deep|wide|often)\b|\bwhat (?:percentage|proportion|share|price|amount|number|figure|sum|score|fine|cost|rate|speed)\b|\bscore\b/i],
  ['time', /\bwhen\b|\bwhat (?:year|date|day|month|time)\b|\bhow soon\b/i],
  ['agent', /\bwho(?:m|se)?\b|\bwhich (?:company|firm|group|team|player|club|country|man|woman|person|minister|bank)\b/i],
  ['place', /\bwhere\b|\bwhich (?:city|town|country|venue|region)\b/i],
];

export function answerKind(question: string): AnswerKind | undefined {
  return ASKS.find(([, pattern]) => pattern.test(question))?.[0];
}

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const HAS: Record<AnswerKind, RegExp> = {
  amount: /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|quarter|per ?cent)\b|[£$€%]/i,
  // A span: "18 years", "three-month", "a fortnight", "since 1982".
  duration: /\b(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|several|few|many)[- ](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\b|\bfortnight\b|\bsince (?:19|20)\d\d\b/i,
  time: new RegExp(`\\b(?:${MONTH}|${DAY}|(?:19|20)\\d\\d|yesterday|today|tomorrow|tonight|next (?:week|month|year)|last (?:week|month|year)|(?:this|next|last) (?:spring|summer|autumn|winter)|\\d{1,2}(?:am|pm)|o'clock)\\b`, 'i'),
  // A capitalised word that does not start the sentence: a name.
  agent: /[^.!?"“‘'\s]\s+\p{Lu}\p{Ll}+|\b\p{Lu}{2,}\b/u,
  place: /\b(?:in|at|from|to|near)\s+(?:the\s+)?\p{Lu}\p{Ll}+/u,
};

/** Whether a stretch of text holds the kind of answer asked for. */
export function hasAnswerKind(text: string, kind: AnswerKind): boolean {
  return HAS[kind].test(text);
}

/** A word of a passage with its analysed term. */
export interface PassageWord {
  start: number;
  term: string | null;
}

/**
 * The sentence of a passage whose terms carry the most of a query's weight, and that weight:
 * terms found together in one sentence are better evidence than the same terms spread over a
 * long paragraph. `weigh` gives the query's weight of a set of terms.
 */
export function bestSentence(
  text: string,
  words: readonly PassageWord[],
  weigh: (terms: ReadonlySet<string>) => number,
  ranges: ReadonlyArray<[number, number]> = sentenceRanges(text),
): { range: [number, number]; weight: number } {
  let best = { range: ranges[0] ?? ([0, text.length] as [number, number]), weight: 0 };
  let w = 0;
  for (const range of ranges) {
    const terms = new Set<string>();
    for (; w < words.length && words[w]!.start < range[1]; w++) {
      const term = words[w]!.term;
      if (term !== null && words[w]!.start >= range[0]) terms.add(term);
    }
    const weight = weigh(terms);
    if (weight > best.weight) best = { range, weight };
  }
  return best;
}
