/** Sentences, quotations and tokens of a paragraph, all with paragraph offsets. */
import { lastWord, sentenceRanges } from '../sentences.ts';
import { isClauseVerb } from './classify.ts';
import { isAdjective, isPresentTense, isTitleWord } from './lexicon.ts';

export interface Span {
  start: number;
  end: number;
}

/** Tokens [from, to) of a sentence. */
export interface TokenRange {
  from: number;
  to: number;
}

export interface Token extends Span {
  text: string;
  lower: string;
  /** A word or number (not punctuation). */
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
}

/**
 * A word token: a number with thousands separators ("60,000": the comma is no
 * clause break), a word (with inner apostrophes, hyphens and dots: "Poland’s",
 * "Israeli-type", "3.5"), a dotted initialism ("U.S.") or an abbreviated
 * honorific ("Mr."). The first alternative only makes it faster: a plain ASCII
 * word, which the word alternative would match alike, tested without the slow
 * `\p{…}` classes. Sticky, and only tested, so no match array is built per token.
 */
const WORD =
  /[A-Za-z][a-z]*(?![\p{L}\p{N}’'.&-])|\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?(?![\p{L}\p{N}])|(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu}\p{Ll})|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Rev|St)\.|[\p{L}\p{N}]+(?:[’'.&-][\p{L}\p{N}]+)*/uy;
const SPACE = /\s*/y;
/**
 * `\p{…}` patterns live at module level: tsx (esbuild) compiles such a literal
 * to `new RegExp(…)` where it stands, so one inside a function is rebuilt per call.
 */
const CAPITAL = /^\p{Lu}/u;
const NUMERAL = /^\p{N}/u;
const ENDS_WITH_INITIALISM = /(?:^|[^\p{L}])(?:\p{Lu}\.){2,}$/u;

export const startsWithNumber = (s: string): boolean => NUMERAL.test(s);

/** Tokens starting in `span`: each non-space character starts a word, else is one punctuation mark. */
export function tokenize(text: string, span: Span): Token[] {
  const tokens: Token[] = [];
  for (let start = skipSpace(text, span.start), end = start; start < span.end; start = skipSpace(text, end)) {
    WORD.lastIndex = start;
    const word = WORD.test(text);
    // A punctuation mark is one code point: two UTF-16 units beyond the BMP ("😀").
    end = word ? WORD.lastIndex : start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
    const value = text.slice(start, end);
    tokens.push({ text: value, lower: lowerCase(value), start, end, word, cap: CAPITAL.test(value) });
  }
  return tokens;
}

function skipSpace(text: string, from: number): number {
  SPACE.lastIndex = from;
  SPACE.test(text);
  return SPACE.lastIndex;
}

/**
 * `value.toLowerCase()`, skipped when it would change nothing: it is slow on
 * two-byte strings, and one curly quote makes a whole paragraph two-byte.
 */
function lowerCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return value.toLowerCase();
  }
  return value;
}

/**
 * A boundary the sentence rules can miss: after a number ("… in 2022. The …")
 * and after a closing quote ("… it.” Then …"); split there as well.
 */
const MISSED_BOUNDARY = /(?<=\d[.!?]|[.!?][”"])\s+(?=[“"]?\p{Lu})/gu;

/** The sentences of a paragraph; `quotes` are its quotation spans (see quoteSpans). */
export function splitSentences(text: string, quotes: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const [start, end] of sentenceRanges(text)) {
    const last = spans.at(-1);
    // A boundary inside a quotation ("“This is it. Yes.”") is not one: keep the quote whole.
    if (last !== undefined && (insideAny(last.end, quotes) || initialismInside(text, last, start))) last.end = end;
    else spans.push({ start, end });
  }
  return spans.flatMap((s) => splitMissed(text, s, quotes)).map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

/**
 * "A senior U.S. State Department official said …", "… met U.S. President
 * Joe Biden": a dotted initialism ends no sentence when a title follows it or
 * the words before it have no verb.
 */
function initialismInside(text: string, last: Span, nextStart: number): boolean {
  if (!ENDS_WITH_INITIALISM.test(lastWord(text.slice(last.start, last.end)))) return false;
  const next = tokenize(text, { start: nextStart, end: text.length })[0];
  if (next !== undefined && next.cap && isTitleWord(next.lower)) return true;
  // "a senior U.S.": an article or adjective still waits for its noun ("the U.S." may end a sentence).
  const tokens = tokenize(text, last);
  const modifier = tokens.at(-2);
  const waiting = modifier !== undefined && !modifier.cap && (/^an?$/.test(modifier.lower) || isAdjective(modifier.lower));
  return waiting && !tokens.some((t, i) => isClauseVerb(tokens, i) || (t.word && !t.cap && isPresentTense(t.lower)));
}

function splitMissed(text: string, span: Span, quotes: readonly Span[]): Span[] {
  const spans: Span[] = [];
  const sentence = text.slice(span.start, span.end);
  let from = span.start;
  // exec, not matchAll, which copies the regex on every call.
  MISSED_BOUNDARY.lastIndex = 0;
  for (let m = MISSED_BOUNDARY.exec(sentence); m !== null; m = MISSED_BOUNDARY.exec(sentence)) {
    if (insideAny(span.start + m.index, quotes)) continue;
    spans.push({ start: from, end: span.start + m.index });
    from = span.start + m.index + m[0].length;
  }
  spans.push({ start: from, end: span.end });
  return spans;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export function insideAny(position: number, spans: readonly Span[]): boolean {
  return spans.some((s) => position > s.start && position < s.end - 1);
}

export const isQuoteMark = (t: Token): boolean => /^[“”"]$/.test(t.text);
