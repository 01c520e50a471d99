import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import { citationOf, type Citation } from '../answer.ts';
import type { Corpus } from '../corpus/load.ts';
import { toPassages, type Passage, type Report } from '../corpus/report.ts';
import type { Topic } from '../corpus/topic.ts';
import { createAnalyzer, type AliasGroup, type Analyzer } from './analysis.ts';
import { BM25, championLists, type ChampionLists } from './champions.ts';
import { SpeakerIndex, type StatementTable } from './speakers.ts';
import { extractStatements, extractStatementsInWorker } from './statements.ts';
import { isVerbOrAdjective } from './words.ts';

/** Search settings. Every field is optional; the defaults are the ones documented here. */
export interface LibraryOptions {
  /** Fuzzy matching (typos): edit distance as a fraction of the term's length. Default 0.2. */
  fuzzy: number;
  /** Only terms at least this long are matched fuzzily; short words have too many neighbours. Default 5. */
  fuzzyMinLength: number;
  /** The last word of a query also matches as a prefix (it may be half typed) when at least this long. Default 3. */
  prefixMinLength: number;
  /** Score factor for a passage whose report's headline contains the matched term. Default 1.5. */
  headlineBoost: number;
  /**
   * Relevance rule: a passage answers a query when the query terms it contains carry more than this
   * share of the query's weight, each term weighted by its rarity in the corpus (IDF; a term the
   * corpus never uses weighs as much as its rarest term). A term matched only by a typo or a prefix counts half. Default 0.5.
   */
  minCoverage: number;
  /**
   * In a corpus of at least 1,000 passages, a query term found in more than this share of them is
   * common: it barely moves the ranking (low IDF) but costs the most (the longest posting list).
   * It is not searched by when a rarer term is; a query of common terms only is answered from
   * their champion lists (see `championListSize`). It still counts in the relevance rule. Default 0.05.
   */
  commonTermShare: number;
  /**
   * How many passages each common term keeps as its champions (see champions.ts): a query made
   * only of common terms is answered from them. Default 50.
   */
  championListSize: number;
  /**
   * `Library.build` extracts the statements of a corpus of at least this many paragraphs in a
   * worker thread while it indexes (below it, starting the thread costs more than it saves). Default 10,000.
   */
  parallelFromParagraphs: number;
}

export const DEFAULT_LIBRARY_OPTIONS: LibraryOptions = {
  fuzzy: 0.2,
  fuzzyMinLength: 5,
  prefixMinLength: 3,
  headlineBoost: 1.5,
  minCoverage: 0.5,
  commonTermShare: 0.05,
  championListSize: 50,
  parallelFromParagraphs: 10_000,
};

/** Below this many passages every term is searched: the index is small enough not to care. */
const PRUNE_FROM_PASSAGES = 1000;

export interface Hit {
  passage: Passage;
  report: Report;
  score: number;
  /** Weighted share of the query's terms this passage contains, 0..1 (see `minCoverage`). */
  coverage: number;
  /** The passage's terms that matched (after typo and prefix matching). */
  matched: string[];
}

export interface SearchRequest {
  /** Only passages of these reports. */
  reportIds?: readonly string[];
  /** At most this many hits, best first. Default 10. */
  limit?: number;
  /** At most this many hits from any one report. Default: no limit. */
  perReport?: number;
}

export interface SearchOutcome {
  /** The query's terms after analysis (stop words removed); empty means nothing to search for. */
  terms: string[];
  /** Hits that pass the relevance rule, best first. */
  hits: Hit[];
}

type IndexedPassage = { id: number; text: string };

/** Passed to the constructor by `Library.build`, which adds the statements once they are extracted. */
const STATEMENTS_LATER = Symbol('statements extracted elsewhere');

/** A query as search sees it, analysed once. */
interface Query {
  /** Its distinct terms, in order. */
  terms: string[];
  /** Each term's weight in the relevance rule (see `queryWeights`), and their sum. */
  weights: Map<string, number>;
  totalWeight: number;
  /** The term of its last word, which may be half typed. */
  last: string | undefined;
}

/** A passage found for a query, before the relevance rule. */
interface Candidate {
  id: number;
  score: number;
  /** Query terms the passage contains as written. */
  exact: Set<string>;
  /** Query terms it matched only by a typo or a prefix. */
  guessed: Set<string>;
  /** The passage's own terms that matched, to highlight. */
  matched: string[];
}

/** A built library's derived data, to restore it without rebuilding (see snapshot.ts). */
export interface LibrarySnapshot {
  documentFrequency: Array<[string, number]>;
  /** Statements without their text, which is restored from the paragraph (start, end). */
  statements: StatementTable;
  champions: Array<[string, Array<[number, number]>]>;
  index: AsPlainObject;
}

/**
 * The built, read-only index over a corpus's passages plus what index time derived from them.
 * Replaced whole on reindex; never changed while answering.
 */
export class Library {
  readonly reports: readonly Report[];
  readonly passages: readonly Passage[];
  readonly topics: readonly Topic[];
  readonly aliases: readonly AliasGroup[];
  readonly analyzer: Analyzer;
  readonly options: LibraryOptions;
  /** The MiniSearch search options every query uses (also what `npm run bench` compares against). */
  readonly searchOptions: SearchOptions;
  private speakerIndex?: SpeakerIndex;
  private elapsedMs: number;
  private readonly index: MiniSearch<IndexedPassage>;
  private readonly reportsById: Map<string, Report>;
  private readonly passageReport: Report[];
  /** Index of each report's first passage in `passages`. */
  private readonly firstPassage: Map<string, number>;
  /** Terms of each passage's report headline (shared by the report's passages). */
  private readonly headlineTerms: Set<string>[];
  /** How many passages contain each term: the relevance rule's weights. */
  private readonly documentFrequency: Map<string, number>;
  /** The best passages of each term too common to search by (see champions.ts). */
  private readonly champions: ChampionLists;

  /** Whether this library was restored from a snapshot rather than built. */
  readonly restored: boolean;

  /**
   * Builds the library over a corpus, all on this thread, or restores it from a snapshot of the
   * same corpus and options (see snapshot.ts), which skips analysis, attribution and indexing.
   */
  constructor(
    corpus: Pick<Corpus, 'reports' | 'aliases' | 'topics'>,
    options: Partial<LibraryOptions> = {},
    from?: LibrarySnapshot | typeof STATEMENTS_LATER,
  ) {
    const started = performance.now();
    const snapshot = from === STATEMENTS_LATER ? undefined : from;
    this.options = { ...DEFAULT_LIBRARY_OPTIONS, ...options };
    this.reports = corpus.reports;
    this.topics = corpus.topics;
    this.aliases = corpus.aliases;
    this.analyzer = createAnalyzer(corpus.aliases);
    this.reportsById = new Map(corpus.reports.map((r) => [r.id, r]));
    this.passages = corpus.reports.flatMap(toPassages);
    this.passageReport = this.passages.map((p) => this.reportsById.get(p.reportId)!);
    this.firstPassage = new Map();
    this.passages.forEach((p, i) => {
      if (p.paragraph === 1) this.firstPassage.set(p.reportId, i);
    });
    this.restored = snapshot !== undefined;
    if (from !== STATEMENTS_LATER) this.speakerIndex = new SpeakerIndex(snapshot?.statements ?? extractStatements(corpus.reports), corpus.reports, this.analyzer);
    const headlines = new Map(corpus.reports.map((r) => [r.id, new Set(this.analyzer.terms(r.title))]));
    this.headlineTerms = this.passages.map((p) => headlines.get(p.reportId)!);

    // Each passage is analysed once; its terms feed both the index and the term weights.
    const analysed = snapshot ? [] : this.passages.map((p) => this.analyzer.terms(p.text));
    this.documentFrequency = new Map(snapshot?.documentFrequency);
    for (const terms of analysed) {
      for (const term of new Set(terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }

    this.champions = snapshot
      ? new Map(snapshot.champions)
      : championLists(analysed, this.commonTerms(), this.options.championListSize, (id, term) => this.headlineBoost(id, term));

    const { fuzzy, fuzzyMinLength, prefixMinLength } = this.options;
    this.searchOptions = {
      tokenize: this.analyzer.tokenize,
      processTerm: this.analyzer.processTerm,
      // A word the corpus uses is not a typo: matching it fuzzily only adds noise ("hungary" ~ "hungry").
      fuzzy: (term) => (term.length >= fuzzyMinLength && !this.documentFrequency.has(term) ? fuzzy : false),
      // Nor is it half typed: its prefix would only add the longest posting lists ("accept" → "accepted", "acceptance").
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= prefixMinLength && !this.documentFrequency.has(term),
      boostDocument: (id, term) => this.headlineBoost(id as number, term),
      bm25: BM25,
    };
    const indexOptions = {
      fields: ['text'],
      // Indexed text is already analysed (terms joined by spaces); queries go through the analyser.
      tokenize: (terms: string) => terms.split(' '),
      processTerm: (term: string) => term,
      searchOptions: this.searchOptions,
    };
    if (snapshot) {
      this.index = MiniSearch.loadJS<IndexedPassage>(snapshot.index, indexOptions);
    } else {
      this.index = new MiniSearch<IndexedPassage>(indexOptions);
      this.index.addAll(analysed.map((terms, id) => ({ id, text: terms.join(' ') })));
    }
    this.elapsedMs = performance.now() - started;
  }

  /**
   * Builds the library over a corpus; a large one's statements are extracted in a worker thread
   * meanwhile (see `parallelFromParagraphs`), which takes its build to about the time of indexing alone.
   */
  static async build(corpus: Pick<Corpus, 'reports' | 'aliases' | 'topics'>, options: Partial<LibraryOptions> = {}): Promise<Library> {
    const started = performance.now();
    const paragraphs = corpus.reports.reduce((sum, r) => sum + r.paragraphs.length, 0);
    if (paragraphs < (options.parallelFromParagraphs ?? DEFAULT_LIBRARY_OPTIONS.parallelFromParagraphs)) return new Library(corpus, options);
    const statements = extractStatementsInWorker(corpus.reports);
    // Should indexing throw, the worker's outcome no longer matters.
    statements.catch(() => {});
    const library = new Library(corpus, options, STATEMENTS_LATER);
    library.speakerIndex = new SpeakerIndex(await statements, corpus.reports, library.analyzer);
    library.elapsedMs = performance.now() - started;
    return library;
  }

  /** Who said what: the attributions found in every report at build time. */
  get speakers(): SpeakerIndex {
    return this.speakerIndex!;
  }

  /** Milliseconds the build (or restore) took. */
  get buildMs(): number {
    return this.elapsedMs;
  }

  /** What a restore needs besides the corpus: the index and what was derived at build time. */
  toSnapshot(): LibrarySnapshot {
    return {
      documentFrequency: [...this.documentFrequency],
      statements: this.speakers.table,
      champions: [...this.champions],
      index: this.index.toJSON(),
    };
  }

  report(id: string): Report | undefined {
    return this.reportsById.get(id);
  }

  /** Paragraph `paragraph` (1-based) of a report. */
  passage(reportId: string, paragraph: number): Passage | undefined {
    const first = this.firstPassage.get(reportId);
    const report = this.reportsById.get(reportId);
    if (first === undefined || !report || paragraph < 1 || paragraph > report.paragraphs.length) return undefined;
    return this.passages[first + paragraph - 1];
  }

  /** Passages relevant to a query, best first, by the relevance rule of `minCoverage`. */
  search(query: string, request: SearchRequest = {}): SearchOutcome {
    const analysed = this.analyse(query);
    const { terms, last } = analysed;
    if (terms.length === 0) return { terms, hits: [] };
    const limit = request.limit ?? 10;
    // Only a last word the corpus does not use may be half typed (see `searchOptions.prefix`).
    const typed = last !== undefined && !this.documentFrequency.has(last) ? last : undefined;
    const hits: Hit[] = [];
    const perReport = new Map<string, number>();
    for (const candidate of this.candidates(analysed, typed, limit, request.reportIds)) {
      const report = this.passageReport[candidate.id]!;
      if (request.perReport !== undefined && (perReport.get(report.id) ?? 0) >= request.perReport) continue;
      const coverage = this.coverage(candidate, analysed);
      // The tolerance keeps float noise from deciding cases that sit exactly on the bar.
      if (coverage <= this.options.minCoverage + 1e-9) continue;
      perReport.set(report.id, (perReport.get(report.id) ?? 0) + 1);
      hits.push({ passage: this.passages[candidate.id]!, report, score: candidate.score, coverage, matched: candidate.matched });
      if (hits.length >= limit) break;
    }
    return { terms, hits };
  }

  /** Whether some passage uses this (analysed) term. */
  hasTerm(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /**
   * Passages that best match text being typed (the last word may be unfinished), without the
   * relevance rule: for autocomplete, where something to pick beats nothing.
   */
  suggest(text: string, limit: number): Hit[] {
    const analysed = this.analyse(text);
    if (analysed.terms.length === 0) return [];
    const hits: Hit[] = [];
    for (const candidate of this.candidates(analysed, analysed.last, limit)) {
      hits.push({ passage: this.passages[candidate.id]!, report: this.passageReport[candidate.id]!, score: candidate.score, coverage: 0, matched: candidate.matched });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * Passages that contain every term of `text` (exactly: no typo or prefix matching), in corpus order.
   * Used for topics and parties, where membership, not ranking, matters.
   */
  containing(text: string): Passage[] {
    if (this.analyzer.terms(text).length === 0) return [];
    return this.index
      .search(text, { combineWith: 'AND', fuzzy: false, prefix: false, boostDocument: undefined })
      .map((result) => result.id as number)
      .sort((a, b) => a - b)
      .map((id) => this.passages[id]!);
  }

  /** Character ranges of the words in `text` whose term is one of `terms`, for highlighting. */
  highlight(text: string, terms: Iterable<string>): Array<[number, number]> {
    const wanted = new Set(terms);
    return this.analyzer
      .words(text)
      .filter((w) => w.term !== null && wanted.has(w.term))
      .map((w): [number, number] => [w.start, w.end]);
  }

  /** A passage as a citation, with the words whose terms are given marked. */
  cite(passage: Passage, terms: Iterable<string>, score = 0): Citation {
    const report = this.reportsById.get(passage.reportId)!;
    return { ...citationOf(report, passage, score), highlights: this.highlight(passage.text, terms) };
  }

  /** A search hit as a citation, with the words that matched marked. */
  citeHit(hit: Hit): Citation {
    return this.cite(hit.passage, hit.matched, hit.score);
  }

  /**
   * IDF of a term in this corpus, as BM25 computes it. A term no passage has weighs as much as the
   * rarest term that some passage has: unknown words count against an answer, but no more than a
   * specific word the corpus does use.
   */
  private weight(term: string): number {
    const n = this.passages.length;
    const df = Math.max(1, this.documentFrequency.get(term) ?? 0);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** A query's words, analysed once: they give both what to search and how much each term weighs. */
  private analyse(text: string): Query {
    const words = this.analyzer.words(text);
    const all = words.flatMap((w) => (w.term === null ? [] : [w.term]));
    const weights = this.queryWeights(words);
    return { terms: [...new Set(all)], weights, totalWeight: [...weights.values()].reduce((sum, w) => sum + w, 0), last: all.at(-1) };
  }

  /**
   * Each query term's weight: its IDF. A word the corpus never uses weighs half as much when it can
   * only be a verb or an adjective ("cost" of a noun matters; "succeed", "face" mostly frame the
   * question), so paraphrased questions are not declined for their wording.
   */
  private queryWeights(words: ReturnType<Analyzer['words']>): Map<string, number> {
    const weights = new Map<string, number>();
    for (const { word, term } of words) {
      if (term === null) continue;
      const framing = !this.documentFrequency.has(term) && isVerbOrAdjective(word.toLowerCase());
      const weight = this.weight(term) * (framing ? 0.5 : 1);
      weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
    return weights;
  }

  /** Score factor of a passage for a term of its report's headline. */
  private headlineBoost(id: number, term: string): number {
    return this.headlineTerms[id]!.has(term) ? this.options.headlineBoost : 1;
  }

  /** Passages with more than this many holding a term make it common (never, in a small corpus). */
  private get commonLimit(): number {
    const n = this.passages.length;
    return n < PRUNE_FROM_PASSAGES ? Infinity : this.options.commonTermShare * n;
  }

  private commonTerms(): Set<string> {
    return new Set([...this.documentFrequency].filter(([, df]) => df > this.commonLimit).map(([term]) => term));
  }

  /**
   * Candidate passages for a query's terms, best first (lazily: callers stop at their limit).
   * Searched by the terms that can decide the relevance rule (see `searchPlan`); the others are
   * looked for in each candidate's text. `typed` is a last word that may be unfinished.
   */
  private *candidates(query: Query, typed: string | undefined, limit: number, reportIds?: readonly string[]) {
    const { terms } = query;
    const plan = this.searchPlan(query, limit, reportIds !== undefined);
    const searched = new Set(plan.searched);
    const unsearched = new Set(terms.filter((t) => !searched.has(t)));
    const found = plan.champions ? this.championCandidates(terms) : this.indexCandidates(plan.searched, typed, reportIds);
    for (const candidate of found) {
      if (unsearched.size) {
        for (const term of this.analyzer.terms(this.passages[candidate.id]!.text)) {
          if (unsearched.has(term) && !candidate.exact.has(term)) {
            candidate.exact.add(term);
            candidate.matched.push(term);
          }
        }
      }
      yield candidate;
    }
  }

  /**
   * What to search the index by. A small corpus: every term. A large one: the rarest terms until
   * the rest weigh no more than the relevance bar, since a passage with none of them cannot pass
   * it (MaxScore's "essential terms"); of those, terms common enough to be costly only when
   * nothing rarer is left, and when the query has nothing but common terms, their champion lists.
   */
  private searchPlan({ terms, weights, totalWeight }: Query, limit: number, filtered: boolean): { searched: string[]; champions: boolean } {
    if (this.passages.length < PRUNE_FROM_PASSAGES) return { searched: terms, champions: false };
    const unknown = terms.filter((t) => !this.documentFrequency.has(t));
    const known = terms.filter((t) => this.documentFrequency.has(t)).sort((a, b) => weights.get(b)! - weights.get(a)!);
    let rest = known.reduce((sum, t) => sum + weights.get(t)!, 0);
    const essential: string[] = [];
    for (const term of known) {
      if (rest <= this.options.minCoverage * totalWeight + 1e-9) break;
      essential.push(term);
      rest -= weights.get(term)!;
    }
    const limitDf = this.commonLimit;
    const rare = essential.filter((t) => this.documentFrequency.get(t)! <= limitDf);
    if (rare.length) return { searched: [...unknown, ...rare], champions: false };
    if (unknown.length === 0 && !filtered && limit <= this.options.championListSize && essential.length) return { searched: [], champions: true };
    return { searched: [...unknown, ...essential.slice(0, 1)], champions: false };
  }

  /** MiniSearch results as candidates, made as they are asked for; `typed` is matched as a prefix too. */
  private *indexCandidates(searched: string[], typed: string | undefined, reportIds?: readonly string[]): Generator<Candidate> {
    if (searched.length === 0) return;
    const only = reportIds ? new Set(reportIds) : undefined;
    const { prefixMinLength } = this.options;
    const results = this.index.search(searched.join(' '), {
      // The query is analysed already (by the caller).
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      prefix: (term) => term === typed && term.length >= prefixMinLength,
      filter: only ? (result) => only.has(this.passageReport[result.id as number]!.id) : undefined,
    });
    for (const result of results) {
      yield {
        id: result.id as number,
        score: result.score,
        // An exact match is evidence; a typo or prefix match is only a guess at what was meant.
        exact: new Set(result.queryTerms.filter((t) => Object.hasOwn(result.match, t))),
        guessed: new Set(result.queryTerms.filter((t) => !Object.hasOwn(result.match, t))),
        matched: [...result.terms],
      };
    }
  }

  /** Passages from the champion lists of the query's terms, ranked by their summed scores. */
  private championCandidates(terms: string[]): Candidate[] {
    const scores = new Map<number, number>();
    for (const term of terms) {
      for (const [id, score] of this.champions.get(term) ?? []) scores.set(id, (scores.get(id) ?? 0) + score * this.weight(term));
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([id, score]) => ({ id, score, exact: new Set<string>(), guessed: new Set<string>(), matched: [] }));
  }

  private coverage(candidate: Candidate, { weights, totalWeight }: Query): number {
    const headline = this.headlineTerms[candidate.id]!;
    let matched = 0;
    for (const [term, weight] of weights) {
      if (candidate.exact.has(term)) matched += weight;
      else if (candidate.guessed.has(term)) matched += weight * 0.5;
      // The report's headline sets the context of all its paragraphs ("nuclear" talks), at half weight.
      else if (headline.has(term)) matched += weight * 0.5;
    }
    return totalWeight > 0 ? matched / totalWeight : 0;
  }
}
