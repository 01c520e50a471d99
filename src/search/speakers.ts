import type { Analyzer } from './analysis.ts';

/** One attributed statement, as extracted at index time (see attribution.ts). */
export interface Statement {
  reportId: string;
  paragraph: number;
  /** The speaker as written at this statement. */
  speaker: string;
  /** Who that is, linked within the report (the earliest full name). */
  canonical: string;
  /** The statement, verbatim: `text.slice(start, end)` of the paragraph. */
  statement: string;
  start: number;
  end: number;
  /** The outlet the statement went through, or null. */
  via: string | null;
}

interface IndexedStatement {
  statement: Statement;
  /** Terms of the speaker as written and of the person it links to. */
  speakerTerms: Set<string>;
  viaTerms: Set<string>;
}

/**
 * Finds statements by speaker, matching names with the same analysis and aliases as search, so
 * "Wall Street Journal" finds "the WSJ", "Polish President" finds Duda's statements and "Western
 * officials" finds "One Western official".
 */
export class SpeakerIndex {
  private readonly entries: IndexedStatement[];
  /** Statements (positions in `entries`) by each term of their speaker or outlet: finding is a lookup, not a scan. */
  private readonly byTerm = new Map<string, number[]>();
  /** Speaker names as written, most quoted first (autocomplete and suggestions). */
  private readonly rankedNames: string[];

  constructor(
    statements: readonly Statement[],
    private readonly analyzer: Analyzer,
  ) {
    // Speakers repeat across statements: each distinct name is analysed once and its term set shared.
    const termSets = new Map<string, Set<string>>();
    const termsOf = (...names: string[]) => {
      const key = names.join('\u0000');
      let found = termSets.get(key);
      if (!found) termSets.set(key, (found = new Set(names.flatMap((name) => analyzer.terms(name)))));
      return found;
    };
    this.entries = statements.map((statement) => ({
      statement,
      speakerTerms: termsOf(statement.speaker, statement.canonical),
      viaTerms: termsOf(statement.via ?? ''),
    }));
    this.entries.forEach((entry, position) => {
      for (const term of new Set([...entry.speakerTerms, ...entry.viaTerms])) {
        const list = this.byTerm.get(term) ?? [];
        list.push(position);
        this.byTerm.set(term, list);
      }
    });
    const counts = new Map<string, number>();
    for (const { statement } of this.entries) {
      for (const name of new Set([statement.speaker, statement.canonical])) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    this.rankedNames = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Statements whose speaker (or the person it refers to) has every term of `name`, in corpus order;
   * then those that went through an outlet of that name ("told the WSJ" for "WSJ").
   */
  find(name: string): Statement[] {
    const terms = this.analyzer.terms(name);
    if (terms.length === 0) return [];
    const has = (set: Set<string>) => terms.every((t) => set.has(t));
    // Candidates share the query's rarest term; positions are in corpus order.
    const postings = terms.map((t) => this.byTerm.get(t) ?? []).sort((a, b) => a.length - b.length)[0]!;
    const candidates = postings.map((position) => this.entries[position]!);
    const said = candidates.filter((e) => has(e.speakerTerms));
    const via = candidates.filter((e) => !has(e.speakerTerms) && has(e.viaTerms));
    return [...said, ...via].map((e) => e.statement);
  }

  /** Distinct speaker names as written, most quoted first. */
  names(): readonly string[] {
    return this.rankedNames;
  }

  /**
   * Speakers sharing the most terms with `name` (typos allowed), for "did you mean"; when none do,
   * the most quoted speakers, so the user sees who can be asked about.
   */
  similar(name: string, limit: number): string[] {
    const terms = this.analyzer.terms(name);
    const scored = this.names().map((candidate) => {
      const own = this.analyzer.terms(candidate);
      const score = terms.filter((t) => own.some((o) => o === t || (t.length >= 4 && editDistance(o, t) <= 1))).length;
      return { candidate, score };
    });
    const close = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
    return (close.length ? close.map((s) => s.candidate) : this.names()).slice(0, limit);
  }
}

/** Levenshtein distance, for short words. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
