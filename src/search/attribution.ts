/**
 * Attribution extraction ("who said what") over one news report.
 *
 * Each paragraph is split into sentences; in each sentence a reporting verb
 * ("said", "told", "reported", …) or "according to" marks a claim, whose
 * speaker is the noun phrase before the verb (or after it in "said Smith").
 * Speakers are then linked within the report, so "the Polish President"
 * after "Poland’s President Andrzej Duda" gets the canonical "Andrzej Duda".
 */
import { findClaims, type Claim } from './attribution/claims.ts';
import { Coreference } from './attribution/coref.ts';
import { quoteSpans, type Quote } from './attribution/quotes.ts';
import {
  insideAny,
  splitSentences,
  tokenize,
  type Span,
  type Token,
  type TokenRange,
} from './attribution/text.ts';

export interface Attribution {
  /** 1-based paragraph number. */
  paragraph: number;
  /** The speaker as written at this statement: "Poland’s President Andrzej Duda", "the Polish President". */
  speaker: string;
  /** Whom the speaker is within the report: the earliest full name, else the cleaned speaker. */
  canonical: string;
  /** The attributed sentence or clause, verbatim: `paragraphs[paragraph - 1].slice(start, end)`. */
  statement: string;
  /** What the report says the canonical person is, in its words: "chief executive wippit" (or ""). */
  description: string;
  /** The outlet or addressee it went through ("told the WSJ" → "WSJ"), else null. */
  via: string | null;
  start: number;
  end: number;
}

interface Sentence {
  span: Span;
  tokens: Token[];
}

interface Paragraph {
  text: string;
  quotes: Quote[];
  sentences: Sentence[];
}

/** All attributions in a report, given its paragraphs in reading order. */
export function extractAttributions(paragraphs: string[]): Attribution[] {
  const report = paragraphs.map(readParagraph);
  const coreference = new Coreference(report.flatMap((p) => p.sentences.map((s) => s.tokens)));
  const found: Attribution[] = [];
  // A quote left open at a paragraph's end runs on into the next one (news style).
  let runningOn: Attribution | undefined;
  report.forEach((p, index) => {
    const made = attributeParagraph(p, index + 1, coreference, runningOn);
    found.push(...made);
    const last = made.at(-1);
    runningOn = last !== undefined && endsInOpenQuote(p, last) ? last : undefined;
  });
  // Described once the whole report is read: a title may come after the first statement.
  const described = new Map<string, string>();
  for (const a of found) {
    let description = described.get(a.canonical);
    if (description === undefined) described.set(a.canonical, (description = coreference.description(a.canonical)));
    a.description = description;
  }
  return found;
}

function readParagraph(text: string): Paragraph {
  const quotes = quoteSpans(text);
  const sentences = splitSentences(text, quotes).map((span) => ({ span, tokens: tokenize(text, span) }));
  return { text, quotes, sentences };
}

function attributeParagraph(p: Paragraph, paragraph: number, coreference: Coreference, runningOn: Attribution | undefined): Attribution[] {
  const found: Attribution[] = [];
  let previous: Attribution[] = runningOn === undefined ? [] : [runningOn];
  for (const sentence of p.sentences) {
    const claims = findClaims(sentence.tokens, (t) => insideAny(t.start, p.quotes));
    let made = claims.map((claim) => {
      const statement = statementSpan(p.text, sentence, claims, claim);
      return attribution(p.text, paragraph, sentence.tokens, claim, statement, coreference);
    });
    // A quote carries on the last statement of the sentence before ("X denied it, but Y said: “…”"; "X said …").
    const last = previous.at(-1);
    if (made.length === 0 && last !== undefined && continuesQuote(p, sentence.span)) {
      made = [{ ...last, paragraph, statement: slice(p.text, sentence.span), ...sentence.span }];
    }
    // People named here become known only after this sentence's own speakers are resolved.
    coreference.noteMentions(sentence.tokens);
    found.push(...made);
    previous = made;
  }
  return found;
}

function attribution(
  text: string,
  paragraph: number,
  tokens: readonly Token[],
  claim: Claim,
  statement: Span,
  coreference: Coreference,
): Attribution {
  return {
    paragraph,
    speaker: slice(text, tokenSpan(tokens, claim.speaker)),
    canonical: coreference.canonical(text, tokens, claim.speaker),
    description: '',
    statement: slice(text, statement),
    via: claim.via === null || claim.via.to <= claim.via.from ? null : slice(text, tokenSpan(tokens, claim.via)),
    ...statement,
  };
}

/**
 * The sentence, unless several claims split it into clauses ("X said A, but Y
 * said B"): then each claim keeps the clause from its coordinator to the next.
 */
function statementSpan(text: string, sentence: Sentence, claims: readonly Claim[], claim: Claim): Span {
  const { tokens, span } = sentence;
  const opener = tokens[claim.coordinator + 1];
  const start = claim.coordinator >= 0 && opener !== undefined ? opener.start : span.start;
  const next = claims.find((c) => c.coordinator >= 0 && c.speaker.from > claim.speaker.from);
  const cut = next === undefined ? undefined : tokens[next.coordinator];
  return { start, end: cut === undefined ? span.end : trimEnd(text, start, cut.start) };
}

/**
 * A sentence that opens with a quotation right after a statement carries on that speaker's
 * words: "“Nobody doubts it.”", the next sentence of a quote left open ("…choice. "Obviously
 * …"), or the quote that follows reported speech ("Mr Snow put a brave face on it, saying … "The
 * economy is growing …"): news writes who speaks once, then quotes them.
 */
function continuesQuote(p: Paragraph, span: Span): boolean {
  return p.quotes.some((q) => q.start === span.start);
}

/** Is the paragraph's last statement inside a quote that no mark closes? */
function endsInOpenQuote(p: Paragraph, last: Attribution): boolean {
  const quote = p.quotes.at(-1);
  return quote !== undefined && !quote.closed && quote.end >= last.end - 1 && quote.start < last.end;
}

function tokenSpan(tokens: readonly Token[], range: TokenRange): Span {
  return { start: tokens[range.from]!.start, end: tokens[range.to - 1]!.end };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;—–]/.test(text[e - 1] ?? '')) e--;
  return e;
}

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);
