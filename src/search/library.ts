import MiniSearch, { type AsPlainObject, type SearchOptions, type SearchResult } from 'minisearch';
import { citationOf, type Citation } from '../answer.ts';
import type { Corpus } from '../corpus/load.ts';
import { toPassages, type Passage, type Report } from '../corpus/report.ts';
import type { Topic } from '../corpus/topic.ts';
import { createAnalyzer, type AliasGroup, type Analyzer } from './analysis.ts';
import { extractAttributions } from './attribution.ts';
import { SpeakerIndex, type Statement } from './speakers.ts';
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
   * In a corpus of at least 1,000 passages, a query term found in more than this share of them is not
   * searched by when the query also has a rarer term the corpus uses: it barely moves the ranking
   * (low IDF) but costs the most (the longest posting list). It still counts in the relevance rule.
   * Default 0.05.
   */
  commonTermShare: number;
}

export const DEFAULT_LIBRARY_OPTIONS: LibraryOptions = {
  fuzzy: 0.2,
  fuzzyMinLength: 5,
  prefixMinLength: 3,
  headlineBoost: 1.5,
  minCoverage: 0.5,
  commonTermShare: 0.05,
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

/** A built library's derived data, to restore it without rebuilding (see snapshot.ts). */
export interface LibrarySnapshot {
  documentFrequency: Array<[string, number]>;
  /** Statements without their text, which is restored from the paragraph (start, end). */
  statements: Array<Omit<Statement, 'statement'>>;
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
  /** Who said what: the attributions found in every report at build time. */
  readonly speakers: SpeakerIndex;
  readonly options: LibraryOptions;
  /** The MiniSearch search options every query uses (also what `npm run bench` compares against). */
  readonly searchOptions: SearchOptions;
  /** Milliseconds the build took. */
  readonly buildMs: number;
  private readonly index: MiniSearch<IndexedPassage>;
  private readonly reportsById: Map<string, Report>;
  private readonly passageReport: Report[];
  /** Index of each report's first passage in `passages`. */
  private readonly firstPassage: Map<string, number>;
  private readonly headlineTerms: Map<string, Set<string>>;
  /** How many passages contain each term: the relevance rule's weights. */
  private readonly documentFrequency: Map<string, number>;

  /** Whether this library was restored from a snapshot rather than built. */
  readonly restored: boolean;
  private readonly statements: Statement[];

  /**
   * Builds the library over a corpus, or restores it from a snapshot of the same corpus and
   * options (see snapshot.ts), which skips analysis, attribution and indexing.
   */
  constructor(corpus: Pick<Corpus, 'reports' | 'aliases' | 'topics'>, options: Partial<LibraryOptions> = {}, snapshot?: LibrarySnapshot) {
    const started = performance.now();
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
    this.statements = snapshot
      ? snapshot.statements.map((s) => ({ ...s, statement: this.reportsById.get(s.reportId)!.paragraphs[s.paragraph - 1]!.slice(s.start, s.end) }))
      : corpus.reports.flatMap((r) => extractAttributions(r.paragraphs).map((a) => ({ ...a, reportId: r.id })));
    this.speakers = new SpeakerIndex(this.statements, this.analyzer);
    this.headlineTerms = new Map(corpus.reports.map((r) => [r.id, new Set(this.analyzer.terms(r.title))]));

    // Each passage is analysed once; its terms feed both the index and the term weights.
    const analysed = snapshot ? [] : this.passages.map((p) => this.analyzer.terms(p.text));
    this.documentFrequency = new Map(snapshot?.documentFrequency);
    for (const terms of analysed) {
      for (const term of new Set(terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }

    const { fuzzy, fuzzyMinLength, prefixMinLength, headlineBoost } = this.options;
    this.searchOptions = {
      tokenize: this.analyzer.tokenize,
      processTerm: this.analyzer.processTerm,
      // A word the corpus uses is not a typo: matching it fuzzily only adds noise ("hungary" ~ "hungry").
      fuzzy: (term) => (term.length >= fuzzyMinLength && !this.documentFrequency.has(term) ? fuzzy : false),
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= prefixMinLength,
      boostDocument: (id, term) => (this.headlineTerms.get(this.passageReport[id as number]!.id)!.has(term) ? headlineBoost : 1),
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
    this.buildMs = performance.now() - started;
  }

  /** What a restore needs besides the corpus: the index and what was derived at build time. */
  toSnapshot(): LibrarySnapshot {
    return {
      documentFrequency: [...this.documentFrequency],
      statements: this.statements.map(({ statement: _text, ...rest }) => rest),
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
    // The query is analysed once: its words give both what to search and how much each term weighs.
    const words = this.analyzer.words(query);
    const { terms, common, results } = this.candidates(termsOf(words), request.reportIds);
    if (terms.length === 0) return { terms, hits: [] };
    const weights = this.queryWeights(words);
    const totalWeight = [...weights.values()].reduce((sum, w) => sum + w, 0);
    const hits: Hit[] = [];
    const perReport = new Map<string, number>();
    for (const result of results) {
      const id = result.id as number;
      const reportId = this.passageReport[id]!.id;
      if (request.perReport !== undefined && (perReport.get(reportId) ?? 0) >= request.perReport) continue;
      // Common terms were not searched: look for them in the candidate itself.
      const present = common.size ? new Set(this.analyzer.terms(this.passages[id]!.text).filter((t) => common.has(t))) : common;
      const coverage = this.coverage(result, weights, totalWeight, present);
      // The tolerance keeps float noise from deciding cases that sit exactly on the bar.
      if (coverage <= this.options.minCoverage + 1e-9) continue;
      perReport.set(reportId, (perReport.get(reportId) ?? 0) + 1);
      hits.push({
        passage: this.passages[id]!,
        report: this.passageReport[id]!,
        score: result.score,
        coverage,
        matched: [...result.terms, ...present],
      });
      if (hits.length >= (request.limit ?? 10)) break;
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
    return this.candidates(this.analyzer.terms(text))
      .results.slice(0, limit)
      .map((result) => {
        const id = result.id as number;
        return { passage: this.passages[id]!, report: this.passageReport[id]!, score: result.score, coverage: 0, matched: result.terms };
      });
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

  /**
   * MiniSearch results for a query's terms, best first: searched by all its terms but the
   * common ones (see `commonTermShare`), only the last word matched as a prefix.
   */
  private candidates(analysed: string[], reportIds?: readonly string[]) {
    const terms = [...new Set(analysed)];
    const common = this.commonTerms(terms);
    if (terms.length === 0) return { terms, common, results: [] };
    const only = reportIds ? new Set(reportIds) : undefined;
    const last = analysed.at(-1)!;
    const { prefixMinLength } = this.options;
    const results = this.index.search(
      terms.filter((t) => !common.has(t)).join(' '),
      {
        // The query is analysed already (by the caller); only the last word the user typed may be unfinished.
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        prefix: (term) => term === last && term.length >= prefixMinLength,
        filter: only ? (result) => only.has(this.passageReport[result.id as number]!.id) : undefined,
      },
    );
    return { terms, common, results };
  }

  /** Terms of a large corpus too common to search by, when the query has a rarer term the corpus uses. */
  private commonTerms(terms: string[]): Set<string> {
    const n = this.passages.length;
    if (n < PRUNE_FROM_PASSAGES) return new Set();
    const limit = this.options.commonTermShare * n;
    const df = (t: string) => this.documentFrequency.get(t) ?? 0;
    const common = terms.filter((t) => df(t) > limit);
    if (terms.some((t) => !common.includes(t) && df(t) > 0)) return new Set(common);
    // Every term the corpus uses is common: search by the rarest one only, check the rest on candidates.
    return new Set(common.sort((a, b) => df(a) - df(b)).slice(1));
  }

  private coverage(result: SearchResult, weights: Map<string, number>, totalWeight: number, present: Set<string>): number {
    const headline = this.headlineTerms.get(this.passageReport[result.id as number]!.id)!;
    let matched = 0;
    for (const [term, weight] of weights) {
      if (present.has(term)) {
        matched += weight;
      } else if (result.queryTerms.includes(term)) {
        // An exact match is evidence; a typo or prefix match is only a guess at what was meant.
        matched += weight * (term in result.match ? 1 : 0.5);
      } else if (headline.has(term)) {
        // The report's headline sets the context of all its paragraphs ("nuclear" talks), at half weight.
        matched += weight * 0.5;
      }
    }
    return totalWeight > 0 ? matched / totalWeight : 0;
  }
}

function termsOf(words: ReturnType<Analyzer['words']>): string[] {
  return words.flatMap((w) => (w.term === null ? [] : [w.term]));
}
