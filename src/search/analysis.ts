import stem from 'wink-porter2-stemmer';
import { STOP_WORDS } from './stopwords.ts';

/**
 * English text analysis, shared by indexing, querying, speaker matching and highlighting, so that
 * all of them agree on what a "term" is.
 *
 * Pipeline: fold (Unicode compatibility, accents, typographic quotes) → join dotted abbreviations
 * ("U.S." → "US") → split into words → replace alias phrases ("Wall Street Journal" → WSJ) →
 * per word: alias lookup, else lower-case, drop stop words, Porter2 stem.
 */

/** A group of names for one thing. The first name is the canonical one. */
export type AliasGroup = readonly string[];

export interface Analyzer {
  /** Words of a text, case kept (MiniSearch `tokenize` hook). Alias phrases come out as one token. */
  tokenize(text: string): string[];
  /** One word to its index term, or null for a stop word (MiniSearch `processTerm` hook). */
  processTerm(word: string): string | null;
  /** The index terms of a text, in order. */
  terms(text: string): string[];
  /**
   * Every word this analyser has given a term (up to its cache's size), lower-cased as written,
   * without a possessive, with that term: after a build, the corpus's vocabulary (for the speller).
   */
  vocabulary(): Map<string, string>;
  /**
   * Words of a text with their offsets, for highlighting: `term` is null for stop words. A
   * hyphenated compound ("e-mail") comes as its parts, then once more as a whole, `joined`, whose
   * term is the one its parts written together have ("email"): `terms` has it too, `tokenize` not.
   */
  words(text: string): Array<{ word: string; start: number; end: number; term: string | null; joined?: true }>;
}

/** Marks a token that tokenize already resolved to a canonical alias term. */
const RESOLVED = '\u0000';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const DOTTED_ABBREVIATION = /\b(?:\p{Lu}\.){2,}/gu;
const POSSESSIVE = /['’]s$/u;
// Regexes with \p{…} live at module level: tsx (esbuild) compiles such a literal in a function into
// `new RegExp(…)`, built again at every call.
const MARKS = /\p{M}+/gu;
const CAPITALS_OR_DIGITS = /^[\p{Lu}\p{N}]+$/u;
const CAPITAL = /\p{Lu}/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const HAS_DIGIT = /\d/;
const CODE_PLURAL = /^(\S*\p{L}\S*\d)s$/u;
/** Where `mergeDottedAbbreviations` may have something to merge ("U.S"). */
const MAY_BE_DOTTED = /\p{Lu}\.\p{Lu}/u;
/** Where a hyphenated compound of words ("e-mail"; not "2-1") or a number in groups of thousands ("7,000") may be. */
const MAY_BE_COMPOUND = /\p{L}-\p{L}|\d,\d{3}/u;
/** The first group of a number written in thousands ("7" of "7,000"), and each group after it. */
const FIRST_GROUP = /^\d{1,3}$/;
const THOUSANDS = /^\d{3}$/;
/** A word of letters only (and apostrophes: "e-mail's"), which may be part of a compound. */
const LETTERS = /^\p{L}+(?:'\p{L}+)*$/u;

const foldCache = new Map<string, string>();

/**
 * Fold one character at a time (accents off, typographic apostrophes to ASCII), keeping the text's
 * length so that word offsets stay valid in the original text. A character that would fold into
 * several (a ligature) is kept as it is.
 */
export function fold(text: string): string {
  return text.replace(/[^\x00-\x7F]/g, (ch) => {
    let folded = foldCache.get(ch);
    if (folded === undefined) {
      const candidate = /[‘’ʼ′]/.test(ch) ? "'" : ch.normalize('NFKD').replace(MARKS, '');
      folded = candidate.length === ch.length ? candidate : ch;
      foldCache.set(ch, folded);
    }
    return folded;
  });
}

/** An all-capitals abbreviation such as US or FT: matched case-sensitively, so "us" stays a pronoun. */
function isAbbreviation(word: string): boolean {
  return word.length >= 2 && CAPITALS_OR_DIGITS.test(word) && CAPITAL.test(word);
}

/** Lower-cased, possessive dropped, apostrophes removed ("don't" → "dont"). */
function normalWord(word: string): string {
  return word.toLowerCase().replace(POSSESSIVE, '').replace(/'/g, '');
}

/** Distinct words whose terms are remembered; query text is unbounded, so the cache is not. */
const TERM_CACHE_LIMIT = 500_000;

export function createAnalyzer(aliases: readonly AliasGroup[] = []): Analyzer {
  // Canonical term of each alias group: its first name, lower-cased, without spaces.
  const abbreviations = new Map<string, string>(); // "US" → "us" (case-sensitive)
  const words = new Map<string, string>(); // stem of a one-word name → canonical
  const phrases = new Map<string, Array<{ words: string[]; canonical: string }>>(); // by first word
  for (const group of aliases) {
    const first = group[0];
    if (!first) continue;
    const canonical = normalWord(splitWords(fold(first)).join(''));
    for (const name of group) {
      const parts = splitWords(fold(name));
      if (parts.length === 1 && isAbbreviation(parts[0]!)) {
        abbreviations.set(parts[0]!, canonical);
      } else if (parts.length === 1) {
        words.set(stemOf(normalWord(parts[0]!)), canonical);
      } else if (parts.length > 1) {
        const lowered = parts.map(normalWord);
        const list = phrases.get(lowered[0]!) ?? [];
        list.push({ words: lowered, canonical });
        list.sort((a, b) => b.words.length - a.words.length); // longest phrase wins
        phrases.set(lowered[0]!, list);
      }
    }
  }

  const analyse = (word: string): string | null => {
    if (word.startsWith(RESOLVED)) return word.slice(RESOLVED.length);
    const bare = word.replace(POSSESSIVE, '');
    const abbreviation = abbreviations.get(bare);
    if (abbreviation) return abbreviation;
    const normal = normalWord(word);
    if (normal.length === 0 || STOP_WORDS.has(normal)) return null;
    const stemmed = stemOf(normal);
    return words.get(stemmed) ?? stemmed;
  };
  // Words repeat (Zipf): remembering each word's term, and whether it may start an alias phrase,
  // makes analysis mostly one map lookup per word.
  const phraseStarts = new Set(phrases.keys());
  const cache = new Map<string, { term: string | null; phrase: boolean }>();
  const entryOf = (word: string) => {
    let entry = cache.get(word);
    if (entry === undefined) {
      entry = { term: analyse(word), phrase: phraseStarts.has(word.toLowerCase()) };
      if (cache.size < TERM_CACHE_LIMIT) cache.set(word, entry);
    }
    return entry;
  };
  const processTerm = (word: string): string | null => entryOf(word).term;

  /** Words with offsets in the original text (given folded); an alias phrase is one entry spanning its words. */
  const spans = (folded: string) => {
    const found: Array<{ word: string; start: number; end: number }> = [];
    for (const match of folded.matchAll(WORD)) {
      found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
    }
    const merged = mergeDottedAbbreviations(found, folded);
    const out: Array<{ word: string; start: number; end: number; resolved?: string; joined?: true }> = [];
    type Span = { start: number; end: number };
    const text = (w: Span) => folded.slice(w.start, w.end);
    // Users write "email", "antivirus", "lineout" or "7000" where reports write "e-mail", "anti-virus",
    // "line-out" or "7,000": such a run of words is indexed as its parts, then once more joined, so
    // that either spelling finds the other. `length`: parts of the run that ends at the current word so far.
    const runs = [
      // A compound of letter words ("e-mail"; not "2-1").
      { starts: (w: Span) => LETTERS.test(text(w)), joins: (a: Span, b: Span) => b.start === a.end + 1 && folded[a.end] === '-' && LETTERS.test(text(b)), length: 0 },
      // A number in groups of thousands ("7,000"; not "2,3").
      { starts: (w: Span) => FIRST_GROUP.test(text(w)), joins: (a: Span, b: Span) => b.start === a.end + 1 && folded[a.end] === ',' && THOUSANDS.test(text(b)), length: 0 },
    ];
    for (let i = 0; i < merged.length; i++) {
      const current = merged[i]!;
      const hit = phraseAt(merged, i, (s) => s.word);
      if (hit) {
        const last = merged[i + hit.words.length - 1]!;
        out.push({ word: folded.slice(current.start, last.end), start: current.start, end: last.end, resolved: hit.canonical });
        i += hit.words.length - 1;
        for (const run of runs) run.length = 0;
        continue;
      }
      out.push(current);
      for (const run of runs) {
        run.length = run.length > 0 && run.joins(merged[i - 1]!, current) ? run.length + 1 : run.starts(current) ? 1 : 0;
        if (run.length >= 2 && !(i + 1 < merged.length && run.joins(current, merged[i + 1]!))) {
          const parts = out.slice(-run.length);
          out.push({ word: parts.map((p) => p.word).join(''), start: parts[0]!.start, end: current.end, joined: true });
          run.length = 0;
        }
      }
    }
    return out;
  };

  /** The alias phrase starting at word `i`, if any. */
  const phraseAt = <T>(list: readonly T[], i: number, wordOf: (item: T) => string) => {
    const first = wordOf(list[i]!);
    if (!entryOf(first).phrase) return undefined;
    return phrases.get(normalWord(first))?.find((p) => p.words.every((w, k) => list[i + k] !== undefined && normalWord(wordOf(list[i + k]!)) === w));
  };

  const tokenize = (text: string): string[] =>
    spans(fold(text)).flatMap((s) => (s.joined ? [] : s.resolved === undefined ? s.word : RESOLVED + s.resolved));

  return {
    tokenize,
    processTerm,
    terms(text) {
      const folded = fold(text);
      // Most paragraphs have no dotted abbreviation to merge nor compound to join: their words need no offsets.
      if (MAY_BE_DOTTED.test(folded) || MAY_BE_COMPOUND.test(folded)) return spans(folded).flatMap((s) => s.resolved ?? processTerm(s.word) ?? []);
      const found = folded.match(WORD) ?? [];
      const out: string[] = [];
      for (let i = 0; i < found.length; i++) {
        const word = found[i]!;
        const hit = phraseAt(found, i, (w) => w);
        if (hit) {
          out.push(hit.canonical);
          i += hit.words.length - 1;
        } else {
          const term = entryOf(word).term;
          if (term !== null) out.push(term);
        }
      }
      return out;
    },
    vocabulary() {
      const out = new Map<string, string>();
      for (const [token, { term }] of cache) {
        if (term !== null && !token.startsWith(RESOLVED)) out.set(token.toLowerCase().replace(POSSESSIVE, ''), term);
      }
      return out;
    },
    words(text) {
      return spans(fold(text)).map((s) => ({
        word: text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        term: s.resolved ?? processTerm(s.word),
        ...(s.joined && { joined: s.joined }),
      }));
    },
  };
}

/**
 * A normal word's stem. A word with a digit is a code or a model, which Porter2 mangles ("mp3" →
 * "mpi", "a380s" → "ay80"): it is kept as it is, but for a plural "s" after its digits ("4x4s",
 * "mp3s"; not "1990s").
 */
function stemOf(normal: string): string {
  return HAS_DIGIT.test(normal) ? normal.replace(CODE_PLURAL, '$1') : stem(normal);
}

function splitWords(text: string): string[] {
  const source = text.replace(DOTTED_ABBREVIATION, (m) => m.replaceAll('.', ''));
  return [...source.matchAll(WORD)].map((m) => m[0]);
}

/** "U S" split from "U.S." back into one word "US" spanning the dots. */
function mergeDottedAbbreviations(
  found: Array<{ word: string; start: number; end: number }>,
  folded: string,
): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (let i = 0; i < found.length; i++) {
    const first = found[i]!;
    let j = i;
    let word = first.word;
    while (
      found[j]!.word.length === 1 &&
      ONE_CAPITAL.test(found[j]!.word) &&
      found[j + 1] !== undefined &&
      ONE_CAPITAL.test(found[j + 1]!.word) &&
      folded[found[j]!.end] === '.' &&
      found[j + 1]!.start === found[j]!.end + 1
    ) {
      j++;
      word += found[j]!.word;
    }
    if (j > i) {
      // Include the closing dot of the abbreviation when present ("U.S.").
      const end = folded[found[j]!.end] === '.' ? found[j]!.end + 1 : found[j]!.end;
      out.push({ word, start: first.start, end });
      i = j;
    } else {
      out.push(first);
    }
  }
  return out;
}
