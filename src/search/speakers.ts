import type { Report } from '../corpus/report.ts';
import type { Analyzer } from './analysis.ts';
import { isProxyFor, MAX_NAME_TERMS, SpeakerQuery, type WantedTerm, type WantedTerms } from './speaker-query.ts';

/** One attributed statement, as extracted at index time (see attribution.ts). */
export interface Statement {
  reportId: string;
  paragraph: number;
  /** The speaker as written at this statement. */
  speaker: string;
  /** Who that is, linked within the report (the earliest full name). */
  canonical: string;
  /** What the report says that person is, in its words ("" when it says nothing). */
  description: string;
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
  description: number[];
  via: number[];
}

/** Attributions of each report (in corpus order) as a table. */
export function tabulateStatements(attributions: ReadonlyArray<readonly Omit<Statement, 'reportId' | 'statement'>[]>): StatementTable {
  const writer = statementWriter();
  attributions.forEach((found, report) => {
    for (const a of found) writer.add(report, a);
  });
  return writer.table;
}

/** An empty table, and how to append a statement of a report to it, numbering names by first use. */
export function statementWriter(): { table: StatementTable; add(report: number, statement: Omit<Statement, 'reportId' | 'statement'>): void } {
  const table: StatementTable = { names: [], report: [], paragraph: [], start: [], end: [], speaker: [], canonical: [], description: [], via: [] };
  const ids = new Map<string, number>();
  const id = (name: string) => {
    let found = ids.get(name);
    if (found === undefined) ids.set(name, (found = table.names.push(name) - 1));
    return found;
  };
  return {
    table,
    add(report, a) {
      table.report.push(report);
      table.paragraph.push(a.paragraph);
      table.start.push(a.start);
      table.end.push(a.end);
      table.speaker.push(id(a.speaker));
      table.canonical.push(id(a.canonical));
      table.description.push(id(a.description));
      table.via.push(a.via === null ? -1 : id(a.via));
    },
  };
}

/** How a statement's speaker matched what was typed, best first. */
export type SpeakerMatch = 'named' | 'proxy' | 'through' | 'context';

/** A statement found for a typed speaker, with how it matched. */
export interface FoundStatement extends Statement {
  /** Its position in the table (corpus order). */
  index: number;
  match: SpeakerMatch;
}

/** "Mr Johnson, who was forced to apologise over Ken Bigley": what the speaker did names someone else. */
const withoutClause = (name: string): string => name.replace(/,\s*(?:who|which|whose)\b[\s\S]*$/, '');

/** At most this many statements are read for a match in context (a role word alone can be in thousands). */
const MAX_CONTEXT_CANDIDATES = 2000;

/**
 * Finds statements by speaker, matching names and what the reports say of each person with the
 * same analysis and aliases as search: "Wall Street Journal" finds "the WSJ", "Polish President"
 * Duda's statements, "Western officials" "One Western official", "the Wippit boss" the Wippit
 * chief executive, and a name with a typo the name meant.
 */
export class SpeakerIndex {
  /** The terms of each name in the table. */
  private readonly nameTerms: Set<string>[];
  /** Names (positions in the table's names) by each of their terms. */
  private readonly namesByTerm = new Map<string, number[]>();
  /** Statements (positions in the table, in corpus order) by each name they involve: finding is a lookup, not a scan. */
  private readonly statementsByName: number[][];
  /** Speaker names (positions), most quoted first (autocomplete and suggestions). */
  private readonly rankedNames: number[];
  private rankedNameTexts?: readonly string[];
  private readonly query: SpeakerQuery;

  constructor(
    readonly table: StatementTable,
    private readonly reports: readonly Report[],
    private readonly analyzer: Analyzer,
  ) {
    this.nameTerms = table.names.map((name) => new Set(analyzer.terms(withoutClause(name))));
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
      const involved = [table.speaker[i]!, table.canonical[i]!, table.description[i]!, table.via[i]!];
      involved.forEach((name, k) => {
        if (name < 0 || involved.indexOf(name) < k) return;
        this.statementsByName[name]!.push(i);
        if (k < 2) counts[name]!++;
      });
    }
    this.rankedNames = counts
      .flatMap((count, name) => (count > 0 ? [[name, count] as const] : []))
      .sort((a, b) => b[1] - a[1] || table.names[a[0]]!.localeCompare(table.names[b[0]]!))
      .map(([name]) => name);
    this.query = new SpeakerQuery(analyzer, this.namesByTerm);
  }

  get size(): number {
    return this.table.report.length;
  }

  /**
   * Statements whose speaker (the person it refers to, or what the report says that person is)
   * has every term of `name`: the person's own first, then those of their spokesman or office
   * ("a spokesman for Mr Blair"), each in corpus order; then those that went through an outlet of
   * that name ("told the WSJ" for "WSJ"); then, for a role, speakers of that role whose paragraph
   * or headline has the rest ("the Bank of America spokeswoman" for "a spokeswoman for the
   * bank"). Only when none match is a typo read as the name meant.
   */
  find(name: string): FoundStatement[] {
    const wanted = this.query.wanted(name, false);
    if (wanted.length === 0) return [];
    const named = this.byName(wanted);
    // A role with other words ("Wippit boss"); a role alone has nothing to find in context.
    const described = wanted.some((w) => w.role) && wanted.some((w) => !w.role);
    const inContext = described ? this.inContext(wanted, new Set(named.map((s) => s.index))) : [];
    if (named.length > 0 || inContext.length > 0) return [...named, ...inContext];
    return this.byName(this.query.wanted(name, true));
  }

  /** Own statements with the typed words themselves first, then those matched only by stems or through a word for the same role. */
  private byName(wanted: WantedTerms): FoundStatement[] {
    const { speaker, canonical, description, via, names } = this.table;
    const has = (ids: number[], exact: boolean) => wanted.every((w) => this.anyHas(ids, exact ? [w.term] : w.alternatives));
    // "Federer" and "Federal" share a stem: a name with none of the words as typed comes later.
    const asTyped = (ids: number[]) => wanted.some((w) => ids.some((n) => n >= 0 && names[n]!.toLowerCase().includes(w.word)));
    const own: number[] = [];
    const synonymous: number[] = [];
    const proxies: number[] = [];
    const through: number[] = [];
    for (const i of this.candidates([this.rarest(wanted)])) {
      const ids = [speaker[i]!, canonical[i]!, description[i]!];
      if (has(ids, false)) {
        if (isProxyFor(names[canonical[i]!]!, wanted, this.analyzer)) proxies.push(i);
        else (has(ids, true) && asTyped(ids) ? own : synonymous).push(i);
      } else if (has([via[i]!], false)) {
        through.push(i);
      }
    }
    return [
      ...this.withTheirOthers([...own, ...synonymous]).map((i) => this.found(i, 'named')),
      ...proxies.map((i) => this.found(i, 'proxy')),
      ...through.map((i) => this.found(i, 'through')),
    ];
  }

  /**
   * The matched statements, each person's others in the same report after them: words that only
   * one mention says ("Andrew Mennear, whose Finchley constituency …") find all of that person's.
   */
  private withTheirOthers(matched: readonly number[]): number[] {
    const { canonical, report } = this.table;
    // Each person's statements are read once, however many of them matched (a common name has thousands).
    const reportsOf = new Map<number, Set<number>>();
    for (const i of matched) reportsOf.set(canonical[i]!, (reportsOf.get(canonical[i]!) ?? new Set()).add(report[i]!));
    const out = new Set(matched);
    for (const [person, reports] of reportsOf) {
      for (const j of this.statementsByName[person]!) if (canonical[j] === person && reports.has(report[j]!)) out.add(j);
    }
    return [...out];
  }

  /**
   * A role with what the speaker's description leaves out ("the Bank of America spokeswoman" for
   * "a spokeswoman for the bank"): statements whose speaker has every role term and whose
   * paragraph or report headline has the other terms; most terms in the speaker first.
   */
  private inContext(wanted: WantedTerms, named: ReadonlySet<number>): FoundStatement[] {
    const { speaker, canonical, description, report, paragraph } = this.table;
    const scored: Array<{ i: number; own: number }> = [];
    // The role's own word before words for the same role, should the candidates be too many to read.
    const roles = wanted.filter((w) => w.role);
    const asTyped = this.candidates(roles.map((w) => ({ ...w, alternatives: [w.term] })));
    const typed = new Set(asTyped);
    const candidates = [...asTyped, ...this.candidates(roles).filter((i) => !typed.has(i))];
    for (const i of candidates.slice(0, MAX_CONTEXT_CANDIDATES)) {
      if (named.has(i)) continue;
      const ids = [speaker[i]!, canonical[i]!, description[i]!];
      const missing = wanted.filter((w) => !this.anyHas(ids, w.alternatives));
      if (missing.some((w) => w.role)) continue;
      const owner = this.reports[report[i]!]!;
      const text = `${owner.title}\n${owner.paragraphs[paragraph[i]! - 1]}`;
      // Analysing thousands of paragraphs per query would be slow: most fail a plain substring test first.
      const lower = text.toLowerCase();
      if (!missing.every((w) => w.alternatives.some((t) => lower.includes(t.slice(0, 4))))) continue;
      const context = new Set(this.analyzer.terms(text));
      if (missing.every((w) => w.alternatives.some((t) => context.has(t)))) scored.push({ i, own: wanted.length - missing.length });
    }
    const ranked = scored.sort((a, b) => b.own - a.own || a.i - b.i).map(({ i }) => i);
    return this.withTheirOthers(ranked)
      .filter((i) => !named.has(i))
      .map((i) => this.found(i, 'context'));
  }

  private anyHas(ids: readonly number[], alternatives: readonly string[]): boolean {
    return ids.some((n) => n >= 0 && alternatives.some((t) => this.nameTerms[n]!.has(t)));
  }

  /** The alternatives of the typed term whose names are in the fewest statements. */
  private rarest(wanted: WantedTerms): WantedTerm {
    const statementsOf = (w: WantedTerm) =>
      w.alternatives.reduce((sum, t) => sum + (this.namesByTerm.get(t) ?? []).reduce((n, name) => n + this.statementsByName[name]!.length, 0), 0);
    return [...wanted].sort((a, b) => statementsOf(a) - statementsOf(b))[0]!;
  }

  /** Statements involving a name with any alternative of these terms, in corpus order. */
  private candidates(wanted: WantedTerms): number[] {
    // In corpus order without sorting: mark the statements, then read the marks in order.
    const marked = new Uint8Array(this.size);
    for (const { alternatives } of wanted) {
      for (const term of alternatives) for (const n of this.namesByTerm.get(term) ?? []) for (const i of this.statementsByName[n]!) marked[i] = 1;
    }
    const found: number[] = [];
    for (let i = 0; i < marked.length; i++) if (marked[i]) found.push(i);
    return found;
  }

  private found(i: number, match: SpeakerMatch): FoundStatement {
    return { ...this.statement(i), index: i, match };
  }

  /** Statement `i` of the table, its text taken from its paragraph. */
  private statement(i: number): Statement {
    const { names, report, paragraph, start, end, speaker, canonical, description, via } = this.table;
    const owner = this.reports[report[i]!]!;
    return {
      reportId: owner.id,
      paragraph: paragraph[i]!,
      speaker: names[speaker[i]!]!,
      canonical: names[canonical[i]!]!,
      description: names[description[i]!]!,
      statement: owner.paragraphs[paragraph[i]! - 1]!.slice(start[i], end[i]),
      start: start[i]!,
      end: end[i]!,
      via: via[i]! < 0 ? null : names[via[i]!]!,
    };
  }

  /** Distinct speaker names as written, most quoted first (read at each autocomplete keystroke: built once). */
  names(): readonly string[] {
    return (this.rankedNameTexts ??= this.rankedNames.map((n) => this.table.names[n]!));
  }

  /**
   * Speakers whose names look like `name`, for "did you mean": they share a word with it, or a
   * word a typo away; most shared first. None when nothing looks alike.
   */
  similar(name: string, limit: number): string[] {
    const typed = this.analyzer.terms(name).slice(0, MAX_NAME_TERMS);
    const scored: Array<{ name: number; score: number }> = [];
    for (const n of this.rankedNames) {
      const own = this.nameTerms[n]!;
      const score = typed.filter((t) => own.has(t) || [...own].some((o) => this.query.isTypoOf(t, o))).length;
      if (score > 0) scored.push({ name: n, score });
    }
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => this.table.names[s.name]!);
  }
}
