/** A speaker as typed, turned into the terms a name must have (see SpeakerIndex.find). */
import type { Analyzer } from './analysis.ts';
import { isRoleWord } from './attribution/lexicon.ts';
import { roleSynonyms } from './roles.ts';
import { editDistance } from './spelling.ts';

/** One typed term: the terms any one of which matches it (itself, words for the same role, what a typo meant). */
export interface WantedTerm {
  term: string;
  /** The word as typed, in lower case. */
  word: string;
  alternatives: readonly string[];
  /** A title or office ("boss", "minister"), as opposed to a name or organisation. */
  role: boolean;
}
export type WantedTerms = readonly WantedTerm[];

/** A name or role has at most this many terms ("Luiz Inácio Lula da Silva", "the Trade and Industry Secretary"). */
export const MAX_NAME_TERMS = 8;

/** How far a typed word of this length may be from the name word meant: none below 4 letters, 1 up to 6, then 2. */
export function typoAllowance(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

// Module level: tsx (esbuild) compiles a `\p{…}` literal to `new RegExp(…)` where it stands, rebuilt per call.
const NOT_IN_WORD = /[^\p{L}\p{N}'’-]+/u;

export class SpeakerQuery {
  private readonly synonyms: Map<string, readonly string[]>;

  constructor(
    private readonly analyzer: Analyzer,
    /** Every term of a known name (the index's own map, read only). */
    private readonly nameTerms: ReadonlyMap<string, unknown>,
  ) {
    this.synonyms = roleSynonyms(analyzer);
  }

  /** The terms of `typed`; with `typos`, each also matches the name terms a typo away from it. */
  wanted(typed: string, typos: boolean): WantedTerms {
    // Each term's word as typed: a stem can be further from the name meant ("dempsy" → "dempsi", "dempsey").
    const words = new Map<string, string>();
    for (const word of typed.toLowerCase().split(NOT_IN_WORD)) for (const term of this.analyzer.terms(word)) words.set(term, word);
    const terms = this.analyzer.terms(typed);
    // Each correction reads every name term: only for what can be a name, not pasted text.
    const correct = typos && terms.length <= MAX_NAME_TERMS;
    return terms.map((term) => {
      const word = words.get(term) ?? term;
      const synonyms = this.synonyms.get(term);
      const alternatives = new Set([term, ...(synonyms ?? [])]);
      if (correct) for (const meant of this.corrections(term, word)) alternatives.add(meant);
      return { term, word, alternatives: [...alternatives], role: synonyms !== undefined || isRoleWord(word) };
    });
  }

  /** Is `typed` a typo of the name term `known`? */
  isTypoOf(typed: string, known: string): boolean {
    const allowed = typoAllowance(Math.min(typed.length, known.length));
    return allowed > 0 && typed[0] === known[0] && editDistance(typed, known, allowed) <= allowed;
  }

  /** The known name terms nearest to `term` (or its word as typed) within the typo allowance; none for a term names use. */
  private corrections(term: string, word: string): string[] {
    if (this.nameTerms.has(term) || typoAllowance(term.length) === 0) return [];
    let best = Infinity;
    let nearest: string[] = [];
    for (const known of this.nameTerms.keys()) {
      if (!this.isTypoOf(term, known) && !this.isTypoOf(word, known)) continue;
      const distance = Math.min(editDistance(term, known), editDistance(word, known));
      if (distance < best) [best, nearest] = [distance, [known]];
      else if (distance === best) nearest.push(known);
    }
    return nearest;
  }
}

// "a spokesman for Mr Blair", "Mr Blair's spokesman", "the head of the IMF".
const OWNER_LINK = /\s(?:for|of|to)\s|[’']s\s/;

/**
 * Is a speaker of this canonical name someone acting for the person typed: the typed terms all
 * name the owner ("Mr Blair" in "spokesman for Mr Blair"), none the speaker's own role?
 */
export function isProxyFor(canonical: string, wanted: WantedTerms, analyzer: Analyzer): boolean {
  const link = OWNER_LINK.exec(canonical);
  if (link === null) return false;
  const [before, after] = [canonical.slice(0, link.index), canonical.slice(link.index + link[0].length)];
  const possessive = /^[’']s/.test(link[0]);
  const head = new Set(analyzer.terms(possessive ? after : before));
  const owner = new Set(analyzer.terms(possessive ? before : after));
  return wanted.every(({ alternatives }) => alternatives.some((t) => owner.has(t)) && !alternatives.some((t) => head.has(t)));
}
