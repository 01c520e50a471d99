import type { Report } from '../corpus/report.ts';
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

/**
 * Statements by column, one number per field and every name stored once: a large corpus has
 * hundreds of thousands of statements, and objects would cost memory, snapshot size and start-up.
 */
export interface StatementTable {
  /** Distinct names: speakers as written, the people they link to, outlets. */
  names: string[];
  /** Per statement: its report's position in the corpus. */
  report: number[];
  paragraph: number[];
  start: number[];
  end: number[];
  /** Positions in `names`; `via` is -1 when the statement went through no outlet. */
  speaker: number[];
  canonical: number[];
  via: number[];
}

/** Attributions of each report (in corpus order) as a table. */
export function tabulateStatements(attributions: ReadonlyArray<readonly Omit<Statement, 'reportId' | 'statement'>[]>): StatementTable {
  const table: StatementTable = { names: [], report: [], paragraph: [], start: [], end: [], speaker: [], canonical: [], via: [] };
  const ids = new Map<string, number>();
  const id = (name: string) => {
    let found = ids.get(name);
    if (found === undefined) ids.set(name, (found = table.names.push(name) - 1));
    return found;
  };
  attributions.forEach((found, report) => {
    for (const a of found) {
      table.report.push(report);
      table.paragraph.push(a.paragraph);
      table.start.push(a.start);
      table.end.push(a.end);
      table.speaker.push(id(a.speaker));
      table.canonical.push(id(a.canonical));
      table.via.push(a.via === null ? -1 : id(a.via));
    }
  });
  return table;
}

/**
 * Finds statements by speaker, matching names with the same analysis and aliases as search, so
 * "Wall Street Journal" finds "the WSJ", "Polish President" finds Duda's statements and "Western
 * officials" finds "One Western official".
 */
export class SpeakerIndex {
  /** The terms of each name in the table. */
  private readonly nameTerms: Set<string>[];
  /** Names (positions in the table's names) by each of their terms. */
  private readonly namesByTerm = new Map<string, number[]>();
  /** Statements (positions in the table, in corpus order) by each name they involve: finding is a lookup, not a scan. */
  private readonly statementsByName: number[][];
  /** Speaker names as written, most quoted first (autocomplete and suggestions). */
  private readonly rankedNames: string[];

  constructor(
    readonly table: StatementTable,
    private readonly reports: readonly Report[],
    private readonly analyzer: Analyzer,
  ) {
    this.nameTerms = table.names.map((name) => new Set(analyzer.terms(name)));
    this.nameTerms.forEach((terms, name) => {
      for (const term of terms) {
        const names = this.namesByTerm.get(term);
        if (names) names.push(name);
        else this.namesByTerm.set(term, [name]);
      }
    });
    this.statementsByName = table.names.map(() => []);
    const counts = new Array<number>(table.names.length).fill(0);
    for (let i = 0; i < this.size; i++) {
      const [speaker, canonical, via] = [table.speaker[i]!, table.canonical[i]!, table.via[i]!];
      this.statementsByName[speaker]!.push(i);
      counts[speaker]!++;
      if (canonical !== speaker) {
        this.statementsByName[canonical]!.push(i);
        counts[canonical]!++;
      }
      if (via >= 0 && via !== speaker && via !== canonical) this.statementsByName[via]!.push(i);
    }
    this.rankedNames = counts
      .flatMap((count, name) => (count > 0 ? [[table.names[name]!, count] as const] : []))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name]) => name);
  }

  get size(): number {
    return this.table.report.length;
  }

  /**
   * Statements whose speaker (or the person it refers to) has every term of `name`, in corpus order;
   * then those that went through an outlet of that name ("told the WSJ" for "WSJ").
   */
  find(name: string): Statement[] {
    const terms = this.analyzer.terms(name);
    if (terms.length === 0) return [];
    const { speaker, canonical, via } = this.table;
    const has = (...names: number[]) => terms.every((t) => names.some((n) => n >= 0 && this.nameTerms[n]!.has(t)));
    // Candidates involve a name with the query term in the fewest statements.
    const statementsOf = (names: number[]) => names.reduce((sum, n) => sum + this.statementsByName[n]!.length, 0);
    const names = terms.map((t) => this.namesByTerm.get(t) ?? []).sort((a, b) => statementsOf(a) - statementsOf(b))[0]!;
    // In corpus order without sorting: mark the statements, then read the marks in order.
    const marked = new Uint8Array(this.size);
    for (const n of names) for (const i of this.statementsByName[n]!) marked[i] = 1;
    const candidates: number[] = [];
    for (let i = 0; i < marked.length; i++) if (marked[i]) candidates.push(i);
    const said = candidates.filter((i) => has(speaker[i]!, canonical[i]!));
    const through = candidates.filter((i) => !has(speaker[i]!, canonical[i]!) && has(via[i]!));
    return [...said, ...through].map((i) => this.statement(i));
  }

  /** Statement `i` of the table, its text taken from its paragraph. */
  private statement(i: number): Statement {
    const { names, report, paragraph, start, end, speaker, canonical, via } = this.table;
    const owner = this.reports[report[i]!]!;
    return {
      reportId: owner.id,
      paragraph: paragraph[i]!,
      speaker: names[speaker[i]!]!,
      canonical: names[canonical[i]!]!,
      statement: owner.paragraphs[paragraph[i]! - 1]!.slice(start[i], end[i]),
      start: start[i]!,
      end: end[i]!,
      via: via[i]! < 0 ? null : names[via[i]!]!,
    };
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
