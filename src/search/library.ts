import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import { citationOf, type Citation } from '../answer.ts';
import type { Corpus } from '../corpus/load.ts';
import { toPassages, type Passage, type Report } from '../corpus/report.ts';
import type { Topic } from '../corpus/topic.ts';
import { acronymAliases } from './acronyms.ts';
import { createAnalyzer, type AliasGroup, type Analyzer } from './analysis.ts';
import { BM25, bm25Saturation, championLists, type ChampionLists } from './champions.ts';
import { buildIndex } from './index-build.ts';
import { countTerms } from './term-counts.ts';
import { SpeakerIndex, type StatementTable } from './speakers.ts';
import { extractStatements, StatementWorker } from './statements.ts';
import { answerKind, bestSentence, hasAnswerKind } from './evidence.ts';
import { type PackedPostings, Postings } from './postings.ts';
import { RelatedVocabulary } from './related.ts';
import { sentenceRanges } from './sentences.ts';
import { MAX_CORRECTED_LENGTH, Speller } from './spelling.ts';
import { STOP_WORDS } from './stopwords.ts';
import { isInflectedWord, isNameWord, isVerbOrAdjective } from './words.ts';

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
   * Relevance rule: a passage answers a query when the query terms it (or, at half weight, its
   * report's headline) contains carry more than this share of the query's weight, each term
   * weighted by its rarity in the corpus (IDF; a word the corpus never uses weighs as much as its
   * rarest term). A term matched through a spelling correction counts `correctionWeight`. Default 0.55.
   */
  minCoverage: number;
  /**
   * And its best sentence carries at least this share (terms found together, not scattered over a
   * paragraph: "the president of France" is not a paragraph naming France and a US president). Default 0.3.
   */
  minSentenceCoverage: number;
  /**
   * Below `minCoverage`, the best passages are still given, marked as the closest ones, when their
   * report contains terms carrying at least this share of the query's weight: the subject is
   * covered, the asked detail perhaps not. Under an answer, such a report's passages follow those
   * that answer, in rank, though they do not answer alone. Default 0.5.
   */
  partialCoverage: number;
  /**
   * Words the corpus never uses (after spelling correction and WordNet), carrying at least this
   * share of the query's weight, decline the question outright and are named ("the reports never
   * mention …"). Default 0.4.
   */
  maxMissingShare: number;
  /**
   * The same for missing words that are names (not English words, or typed with a capital inside
   * the question, or known to compromise's lexicon only as a person, place or organisation: the
   * question's subject). A missing person, place or organisation declines it at any share (see
   * `QueryWord.entity`). Default 0.3.
   */
  maxMissingNameShare: number;
  /**
   * Weight of a query word that neither the corpus nor any correction or synonym has, but that is
   * an English word, relative to the query's found words' average. A missing name weighs in full, and
   * so does a missing noun in a corpus of at least `coverageDeclinesFrom` passages. Default 0.75.
   */
  missingWordWeight: number;
  /** Weight of a term reached by correcting a typed word, relative to the word as typed. Default 0.8. */
  correctionWeight: number;
  /** Weight of a WordNet derivation of a query word ("invasion" for "invading"), relative to the word. Default 0.9. */
  derivationWeight: number;
  /** Weight of a WordNet synonym of a query word ("country" for "nation"), relative to the word. Default 0.7. */
  synonymWeight: number;
  /**
   * Synonyms are added only for query words in at most this share of the passages (rare or absent
   * words): a common word's synonyms mostly bring its other senses. Default 0.003.
   */
  synonymMaxShare: number;
  /**
   * A corpus of fewer passages than this never declines a question for its coverage alone, only
   * for missing words or names (`maxMissingShare`, `maxMissingNameShare`): its best passages are
   * given as the closest (`partial`). In a few reports on one subject, a question's words that
   * the reports have are its subject, and an answer in other words covers little of it; in a large
   * corpus, common words meet by chance, and coverage tells. Default 1,000.
   */
  coverageDeclinesFrom: number;
  /** Ranking: how many passages BM25 proposes, before report context and sentence evidence reorder them. Default 30. */
  poolSize: number;
  /** Ranking: the passages of this many best-matching reports join the pool. Default 3. */
  poolReports: number;
  /** Ranking: the weight of each piece of evidence in a passage's score (see `RankWeights`). */
  rank: RankWeights;
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
  minCoverage: 0.55,
  minSentenceCoverage: 0.3,
  partialCoverage: 0.5,
  maxMissingShare: 0.4,
  maxMissingNameShare: 0.3,
  missingWordWeight: 0.75,
  correctionWeight: 0.8,
  derivationWeight: 0.9,
  synonymWeight: 0.7,
  synonymMaxShare: 0.003,
  coverageDeclinesFrom: 1000,
  poolSize: 30,
  poolReports: 3,
  rank: { bm25: 1, passage: 1.5, sentence: 1.5, report: 4, headline: 1, answerKind: 1.2, lead: -0.4 },
  commonTermShare: 0.05,
  championListSize: 50,
  parallelFromParagraphs: 10_000,
};

/**
 * How a passage's score is made: each piece of evidence is a share in 0..1 of the query's weight
 * (or, for BM25, of the best BM25 score among the candidates), times its weight here. Fitted on the
 * development set's tuning half (`npm run eval`).
 */
export interface RankWeights {
  /** BM25+ of the passage for the whole query (see `poolBm25`), relative to the best in the pool. */
  bm25: number;
  /** Query weight the passage's terms carry. */
  passage: number;
  /** Query weight its best sentence carries (terms close together). */
  sentence: number;
  /** Query weight its whole report carries, headline included: the story the question is about. */
  report: number;
  /** Query weight its report's headline carries. */
  headline: number;
  /** 1 when its best sentence holds the kind of answer the question asks for (a number, a date, a name, a place). */
  answerKind: number;
  /**
   * 1 for a report's first paragraph, which states the story. Fitted negative: the lead restates
   * the headline and names most of what any question about the story asks, so without a discount
   * it outranks the paragraph further down that holds the detail asked for.
   */
  lead: number;
}

/**
 * How much a word of a report's headline counts in each of its paragraphs and sentences that lack
 * it: the headline is the context they are read in ("nuclear" talks), but not their own evidence.
 */
const HEADLINE_CONTEXT = 0.5;

/**
 * A year as typed in a question: "2024", "1983". Not "1800" or "1500", which are more often counts
 * ("1800 jobs"), and a large corpus writes nearly every year of the last century.
 */
const YEAR = /^(?:19|20)\d\d$/;

/** How many passages' readings (see `Library.reading`) are kept. */
const READINGS_KEPT = 1024;

interface PassageReading {
  words: ReturnType<Analyzer['words']>;
  terms: Set<string>;
  sentences: Array<[number, number]>;
}

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
  /** [start, end) of the sentence of the passage that matches best. */
  sentence: [number, number];
  /** Weighted share of the query's terms its whole report contains, headline included, 0..1. */
  reportCoverage: number;
  /** Weighted share of the query's terms its best sentence contains, 0..1. */
  sentenceCoverage: number;
}

export interface SearchRequest {
  /** Only passages of these reports. */
  reportIds?: readonly string[];
  /** At most this many hits, best first. Default 10. */
  limit?: number;
  /** At most this many hits from any one report. Default: no limit. */
  perReport?: number;
  /** Ranking weights instead of the library's own (for fitting them; see scripts/tune.ts). */
  weights?: RankWeights;
}

export interface SearchOutcome {
  /** The query's terms after analysis (stop words removed); empty means nothing to search for. */
  terms: string[];
  /** Hits that pass the relevance rule, best first; for `partial`, the closest passages. */
  hits: Hit[];
  status: 'answered' | 'partial' | 'declined';
  /** When declined for them: the words of the query that the corpus never uses, as typed. */
  missing?: string[];
}

type IndexedPassage = { id: number; text: string };

/** Passed to the constructor by `Library.build`, which adds the statements once they are extracted. */
const STATEMENTS_LATER = Symbol('statements extracted elsewhere');

/** One word of a query that carries a topic, and the corpus terms that stand for it. */
interface QueryWord {
  /** As typed. */
  typed: string;
  /** Its rarity in the corpus (IDF), halved for framing words, lowered for missing English ones (see `analyse`). */
  weight: number;
  /** Corpus terms that stand for it, each with how much a match on it counts (1: the word itself). */
  terms: Map<string, number>;
  /** Missing (no terms) and not an English word either: a name or coinage, the question's subject. */
  name: boolean;
  /**
   * A missing name that compromise's lexicon knows as a person, place or organisation
   * ("istanbul"), or typed with a capital and unknown to WordNet ("Iniesta"; not a capitalised
   * "Sovereignty"): the reports cannot answer about it, whatever else the question matches.
   */
  entity: boolean;
  /** Those of `terms` that are only WordNet synonyms: they count half as evidence that a passage answers. */
  synonyms: Set<string>;
  /** Missing, and only ever a verb or an adjective to the lexicon: it frames the question ("succeed", "face"). */
  framing: boolean;
  /** Missing, with nothing to stand for it, and an English noun to WordNet ("referee"; not "rescheduled"). */
  noun: boolean;
}

/**
 * Where a query's candidates come from: the MiniSearch index, searched by some of its terms; the
 * champion lists of its (common) terms; or one common term's postings, which the index leaves out.
 */
type SearchPlan = { from: 'index'; searched: string[] } | { from: 'champions' } | { from: 'common'; term: string };

/** A query as search sees it, analysed once. */
interface Query {
  text: string;
  words: QueryWord[];
  /** Its distinct terms, in order. */
  terms: string[];
  /** Each term's weight (its word's, times how much it stands for it), and the words' total weight. */
  weights: Map<string, number>;
  totalWeight: number;
}

/** A passage found for a query, before the relevance rule. */
interface Candidate {
  id: number;
  score: number;
}

/** A built library's derived data, to restore it without rebuilding (see snapshot.ts). */
export interface LibrarySnapshot {
  /** Which passages hold each term; their counts are the terms' document frequencies. */
  postings: PackedPostings;
  /** The corpus's words (lower-cased, not stop words), each with its term's passage count: the speller's. */
  words: Array<[string, number]>;
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
  /** Acronyms the reports define ("the International Monetary Fund (IMF)"), as alias groups (see acronyms.ts). */
  readonly acronyms: readonly AliasGroup[];
  readonly analyzer: Analyzer;
  readonly options: LibraryOptions;
  /**
   * The index's MiniSearch search options (what `npm run bench` compares against). The library's
   * own searches pass analysed corpus terms, so they turn its typo and prefix matching off.
   */
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
  /** Terms of every headline. */
  private readonly titleTerms: Set<string>;
  /** The best passages of each term too common to search by (see champions.ts). */
  private readonly champions: ChampionLists;
  /** Which passages hold each term: for a report's context (see `reportShare`). */
  private readonly postings: Postings;
  /** Corrects typed words to the corpus's own words. */
  private readonly speller: Speller;
  /** The corpus's words, each with its term's passage count (see `LibrarySnapshot.words`). */
  private readonly words: Map<string, number>;
  /** Passages' mean length in characters, for BM25's length normalisation (see `poolBm25`). */
  private readonly averageChars: number;
  /** Recently ranked passages, read (see `reading`). */
  private readonly readings = new Map<number, PassageReading>();
  /** WordNet's synonyms and derivations among the corpus's terms. */
  private readonly related: RelatedVocabulary;

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
    this.reportsById = new Map(corpus.reports.map((r) => [r.id, r]));
    this.passages = corpus.reports.flatMap(toPassages);
    // Derived from the text, so a restore finds the same ones without storing them.
    this.acronyms = acronymAliases(this.passages.map((p) => p.text), corpus.aliases);
    this.analyzer = createAnalyzer([...corpus.aliases, ...this.acronyms]);
    this.passageReport = this.passages.map((p) => this.reportsById.get(p.reportId)!);
    this.averageChars = this.passages.reduce((sum, p) => sum + p.text.length, 0) / Math.max(1, this.passages.length);
    this.firstPassage = new Map();
    this.passages.forEach((p, i) => {
      if (p.paragraph === 1) this.firstPassage.set(p.reportId, i);
    });
    this.restored = snapshot !== undefined;
    if (from !== STATEMENTS_LATER) this.speakerIndex = new SpeakerIndex(snapshot?.statements ?? extractStatements(corpus.reports), corpus.reports, this.analyzer);
    const headlines = new Map(corpus.reports.map((r) => [r.id, new Set(this.analyzer.terms(r.title))]));
    this.headlineTerms = this.passages.map((p) => headlines.get(p.reportId)!);
    this.titleTerms = new Set([...headlines.values()].flatMap((terms) => [...terms]));

    // Each passage is analysed once; its terms feed the index, the term weights and the speller's words.
    const counts = snapshot ? undefined : countTerms(this.passages.map((p) => this.analyzer.terms(p.text)));
    this.postings = counts ? Postings.fromCounts(counts) : Postings.unpack(snapshot!.postings);

    const common = counts ? this.commonTerms() : undefined;
    this.champions = counts
      ? championLists(counts, common!, this.options.championListSize, (id, term) => this.headlineBoost(id, term))
      : new Map(snapshot!.champions);

    const { fuzzy, fuzzyMinLength, prefixMinLength } = this.options;
    this.searchOptions = {
      tokenize: this.analyzer.tokenize,
      processTerm: this.analyzer.processTerm,
      // A word the corpus uses is not a typo: matching it fuzzily only adds noise ("hungary" ~ "hungry").
      // Never on a long word: MiniSearch's fuzzy search on a 100,000-letter word allocates gigabytes.
      fuzzy: (term) => (term.length >= fuzzyMinLength && term.length <= MAX_CORRECTED_LENGTH && !this.hasTerm(term) ? fuzzy : false),
      // Nor is it half typed: its prefix would only add the longest posting lists ("accept" → "accepted", "acceptance").
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= prefixMinLength && !this.hasTerm(term),
      boostDocument: (id, term) => this.headlineBoost(id as number, term),
      bm25: BM25,
    };
    const indexOptions = {
      // Loaded from the term counts (index-build.ts), never from text: queries bring their own analysis.
      fields: ['text'],
      searchOptions: this.searchOptions,
    };
    // Common terms stay out of the index: search never asks it for them while a rarer term is in
    // the query, and they hold most of its entries (64% at 10,000 reports), which a restore would
    // spend most of its time loading. Postings and champion lists serve them (`commonCandidates`).
    this.index = counts
      ? buildIndex<IndexedPassage>(counts, indexOptions, (term) => !common!.has(term))
      : MiniSearch.loadJS<IndexedPassage>(snapshot!.index, indexOptions);
    // The words the analyser has met while building (corpus and headlines), each as frequent as its term.
    this.words = new Map(snapshot?.words ?? [...this.analyzer.vocabulary()].map(([word, term]) => [word, this.postings.frequency(term) || 1]));
    this.speller = new Speller(this.words, STOP_WORDS);
    this.related = new RelatedVocabulary((term) => this.hasTerm(term));
    this.elapsedMs = performance.now() - started;
  }

  /**
   * Builds the library over a corpus; a large one's statements are extracted in a worker thread
   * meanwhile (see `parallelFromParagraphs`), and this thread takes the reports the worker has not
   * reached once it is done indexing: the build takes about half the two threads' work. `worker`:
   * one started already (see `buildLibrary`), used or stopped.
   */
  static async build(corpus: Pick<Corpus, 'reports' | 'aliases' | 'topics'>, options: Partial<LibraryOptions> = {}, worker?: StatementWorker): Promise<Library> {
    const started = performance.now();
    if (!Library.sharesItsBuild(corpus.reports.reduce((sum, r) => sum + r.paragraphs.length, 0), options)) {
      worker?.stop();
      return new Library(corpus, options);
    }
    const statements = (worker ?? new StatementWorker()).extract(corpus.reports);
    const library = new Library(corpus, options, STATEMENTS_LATER);
    library.speakerIndex = new SpeakerIndex(await statements.finish(), corpus.reports, library.analyzer);
    library.elapsedMs = performance.now() - started;
    return library;
  }

  /** Whether a build of this many paragraphs extracts its statements in a worker (`parallelFromParagraphs`). */
  static sharesItsBuild(paragraphs: number, options: Partial<LibraryOptions> = {}): boolean {
    return paragraphs >= (options.parallelFromParagraphs ?? DEFAULT_LIBRARY_OPTIONS.parallelFromParagraphs);
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
      postings: this.postings.pack(),
      words: [...this.words],
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

  /**
   * Passages relevant to a query, best first. BM25 proposes candidates, the passages of the
   * reports that match best join them, and each is scored by its evidence (see `RankWeights`);
   * the relevance rule (`minCoverage`, `partialCoverage`, `maxMissingShare`) then says whether they answer.
   */
  search(query: string, request: SearchRequest = {}): SearchOutcome {
    const analysed = this.analyse(query);
    const { terms, words, totalWeight } = analysed;
    if (words.length === 0) return { terms, hits: [], status: 'declined' };
    const missing = words.filter((w) => w.terms.size === 0);
    const names = missing.filter((w) => w.name);
    const weigh = (list: QueryWord[]) => list.reduce((sum, w) => sum + w.weight, 0) / totalWeight;
    if (weigh(missing) >= this.options.maxMissingShare - 1e-9 || weigh(names) >= this.options.maxMissingNameShare - 1e-9 || names.some((w) => w.entity)) {
      return { terms, hits: [], status: 'declined', missing: (names.length ? names : missing).map((w) => w.typed) };
    }
    const subject = this.missingSubject(words);
    if (subject.length) return { terms, hits: [], status: 'declined', missing: subject.map((w) => w.typed) };
    const limit = request.limit ?? 10;
    // Twice the hits asked for are ranked for sure: some may not answer, or exceed `perReport`.
    const ranked = this.rank(analysed, this.pool(analysed, request.reportIds), request.weights ?? this.options.rank, 2 * limit);
    const best = ranked[0];
    if (!best) return { terms, hits: [], status: 'declined' };
    // The tolerance keeps float noise from deciding cases that sit exactly on the bar.
    const { minCoverage, minSentenceCoverage, partialCoverage } = this.options;
    const answers = (hit: Hit) => hit.coverage > minCoverage + 1e-9 && hit.sentenceCoverage >= minSentenceCoverage - 1e-9;
    const close = (hit: Hit) => hit.reportCoverage >= partialCoverage - 1e-9 && hit.sentenceCoverage >= minSentenceCoverage - 1e-9;
    const status = answers(best) ? 'answered' : close(best) || this.passages.length < this.options.coverageDeclinesFrom ? 'partial' : 'declined';
    if (status === 'declined') return { terms, hits: [], status };
    const hits: Hit[] = [];
    const perReport = new Map<string, number>();
    for (const hit of ranked) {
      // Below the passages that answer, one that does not by itself still counts, in its rank,
      // when its report covers the question: the answer is often a paragraph that names little
      // of the question, in the story that has the rest ("Argonaut has been making games for 18 years").
      if (status === 'answered' && !answers(hit) && hit.reportCoverage < partialCoverage - 1e-9) continue;
      const count = perReport.get(hit.report.id) ?? 0;
      if (request.perReport !== undefined && count >= request.perReport) continue;
      perReport.set(hit.report.id, count + 1);
      hits.push(hit);
      if (hits.length >= limit) break;
    }
    return { terms, hits, status };
  }

  /**
   * In a large corpus, the question's heaviest word (its rarest), when the corpus never uses it and
   * it is a name or an English noun (to WordNet), is its subject: thousands of reports that never write
   * "sourdough" or "Deliveroo" do not answer about it, however well "make" and "home" match. Not a
   * short word or one with a digit (an abbreviation, a code: "mk", "8x10"), nor one a spelling
   * correction would reach (an English word typed for another: "minster" for "minister"). A year
   * the corpus never writes is one too: no report of it is about "paris 2024".
   */
  private missingSubject(words: readonly QueryWord[]): QueryWord[] {
    if (this.passages.length < this.options.coverageDeclinesFrom) return [];
    const heaviest = Math.max(...words.map((w) => w.weight));
    const missingYears = words.filter((w) => w.terms.size === 0 && YEAR.test(w.typed));
    if (missingYears.length) return missingYears;
    return words.filter(
      (w) =>
        w.terms.size === 0 &&
        !w.framing &&
        w.weight >= heaviest - 1e-9 &&
        w.typed.length >= 4 &&
        !/\d/.test(w.typed) &&
        // A name had its spelling correction tried already (`analyse`); an English word had not.
        (w.name || (w.noun && !this.speller.correct(w.typed))),
    );
  }

  /** Whether some passage uses this (analysed) term. */
  hasTerm(term: string): boolean {
    return this.postings.frequency(term) > 0;
  }

  /**
   * Passages that best match text being typed (the last word may be unfinished), without the
   * relevance rule: for autocomplete, where something to pick beats nothing.
   */
  suggest(text: string, limit: number): Hit[] {
    const analysed = this.analyse(text);
    if (analysed.terms.length === 0) return [];
    const hits: Hit[] = [];
    for (const { id, score } of this.candidates(analysed, limit)) {
      const passage = this.passages[id]!;
      const matched = analysed.terms.filter((t) => this.postings.anyIn(t, id, id + 1));
      hits.push({ passage, report: this.passageReport[id]!, score, coverage: 0, reportCoverage: 0, sentenceCoverage: 0, matched, sentence: [0, passage.text.length] });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * Passages that contain every term of `text` (exactly: no typo or prefix matching), in corpus order.
   * Used for topics and parties, where membership, not ranking, matters.
   */
  containing(text: string): Passage[] {
    const terms = [...new Set(this.analyzer.terms(text))];
    if (terms.length === 0) return [];
    // The rarest term's passages, kept when they hold the others too (postings hold every term).
    const [rarest, ...others] = terms.sort((a, b) => this.postings.frequency(a) - this.postings.frequency(b));
    return [...this.postings.passages(rarest!)].filter((id) => others.every((t) => this.postings.anyIn(t, id, id + 1))).map((id) => this.passages[id]!);
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
    const df = Math.max(1, this.postings.frequency(term));
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * A query's words, analysed once: what to search and how much each word weighs. A word stands
   * for its own term, its WordNet derivations and, when it is rare or absent, its synonyms (each at
   * a lower weight); a word the corpus does not use, for its spelling correction if it has one.
   */
  private analyse(text: string): Query {
    const { correctionWeight, derivationWeight, synonymWeight, synonymMaxShare } = this.options;
    const words: QueryWord[] = [];
    const seen = new Set<string>();
    // A compound typed with its hyphen is asked by its parts, as the reports' own words are indexed.
    const analysed = this.analyzer.words(text).filter((w) => !w.joined);
    const last = analysed.findLastIndex((w) => w.term !== null);
    const finished = last >= 0 && /^\s*[?.!]/.test(text.slice(analysed[last]!.end));
    // In a Question Typed In Title Case, a capital says nothing of a word.
    const titleCase = analysed.filter((w) => /^\p{Lu}/u.test(w.word)).length > analysed.length / 2;
    for (const [i, { word, term, start }] of analysed.entries()) {
      if (term === null) continue;
      if (seen.has(term)) continue;
      seen.add(term);
      // A word of a headline is known too: it is the context of all its report's paragraphs.
      const df = this.postings.frequency(term) || (this.titleTerms.has(term) ? 1 : 0);
      // A word the corpus never writes may be a typo even when its stem exists ("goverment" → "gover").
      // An English word is not a typo, even when the corpus lacks it ("tanks" is not "talks"). A
      // word capitalised inside a sentence ("Japan"), or one the lexicon knows only as a name
      // ("kyiv"), is a name even where WordNet has a common sense of it (china, japan).
      const lower = word.toLowerCase().replace(/['’]s$/, '');
      const capitalised = !titleCase && /^\p{Lu}\p{Ll}/u.test(word) && !/(^|[.!?:])$/.test(text.slice(0, start).trimEnd());
      const knownName = isNameWord(lower);
      const inWordNet = this.related.isEnglish(lower);
      const nameLike = capitalised || knownName;
      // A word with a digit is a model's or a code's ("hs2", "ps5"), though WordNet may list one.
      const coded = /\d/.test(term);
      const english = !nameLike && !coded && (inWordNet || isInflectedWord(lower));
      // A word WordNet has only as a name ("saturn", "mona") is one, typed lower-case too, and is no typo.
      const wordNetName = this.related.isName(lower);
      const correction = this.words.has(word.toLowerCase()) || english || wordNetName ? undefined : this.speller.correct(word);
      // A typo of a stop word ("wich") carries no topic either.
      if (correction?.stopWord && df === 0) continue;
      const corrected = correction && !correction.stopWord ? this.analyzer.processTerm(correction.word) : null;
      const known = df > 0 && !(corrected && this.postings.frequency(corrected) > df);
      // The last word may be half typed ("diplom"): it stands for its most frequent completion,
      // unless a question mark or full stop shows it was typed in full ("nato bid?" is not "biden").
      const completed = !known && !corrected && i === last && !finished && word.length >= this.options.prefixMinLength ? this.speller.complete(word) : undefined;
      const base = known ? term : (corrected ?? (completed && this.analyzer.processTerm(completed)));
      const terms = new Map<string, number>();
      const synonyms = new Set<string>();
      const offer = (t: string, factor: number) => terms.set(t, Math.max(terms.get(t) ?? 0, factor));
      // What stands for a guess (a correction, a completion) counts no more than the guess: for
      // "goverment", "governor" is a derivation of the guess "government", not of what was typed.
      const certainty = known || !base ? 1 : correctionWeight;
      if (base) offer(base, certainty);
      const related = this.related.of(base ?? term);
      for (const t of related.derivations) offer(t, derivationWeight * certainty);
      // "Is it clear whether …?" is answered by "… is unclear", "is it likely" by "unlikely".
      const opposite = english ? this.negation(lower) : undefined;
      if (opposite) offer(opposite, derivationWeight);
      // A name has no synonyms: "Jade" Johnson is not "tire" or "fatigue" (WordNet's jade).
      if (!nameLike && this.postings.frequency(base ?? term) <= synonymMaxShare * this.passages.length) {
        for (const t of related.synonyms) {
          if (!terms.has(t)) synonyms.add(t);
          offer(t, synonymWeight * certainty);
        }
      }
      // A word the corpus never uses weighs half as much when it can only be a verb or an adjective
      // ("cost" of a noun matters; "succeed", "face" mostly frame the question).
      const framing = !base && isVerbOrAdjective(word.toLowerCase());
      // A word the corpus lacks weighs as much as what stands for it, or (missing) as its rarest term.
      const standIns = [...terms.keys()];
      const rarity = known || standIns.length === 0 ? this.weight(term) : Math.max(...standIns.map((t) => this.weight(t)));
      // A number the corpus lacks ("2021", "0") is a detail of the question, not its subject.
      const name = standIns.length === 0 && !english && !/^\d+$/.test(term) && (nameLike || coded || wordNetName || !this.related.looksEnglish(term));
      const noun = standIns.length === 0 && english && this.related.isNoun(lower);
      words.push({ typed: word, weight: rarity * (framing ? 0.5 : 1), terms, name, synonyms, framing, noun, entity: name && (knownName || (capitalised && !inWordNet)) });
    }
    // A missing English word is likely the asker's wording, not the topic: it weighs as the query's
    // found words do on average (times `missingWordWeight`), not as the corpus's rarest term, which
    // in a small corpus would outweigh every word it has. A missing name weighs in full, and so does a
    // missing noun in a large corpus: thousands of passages that never write "puppy" are not about puppies.
    const found = words.filter((w) => w.terms.size > 0);
    const typical = found.length ? found.reduce((sum, w) => sum + w.weight, 0) / found.length : undefined;
    const large = this.passages.length >= this.options.coverageDeclinesFrom;
    for (const word of words) {
      if (word.terms.size > 0 || word.name || typical === undefined) continue;
      if (large && !word.framing) continue;
      word.weight = Math.min(word.weight, typical) * this.options.missingWordWeight;
    }
    const weights = new Map<string, number>();
    for (const word of words) {
      for (const [term, factor] of word.terms) weights.set(term, Math.max(weights.get(term) ?? 0, word.weight * factor));
    }
    return { text, words, terms: [...weights.keys()], weights, totalWeight: words.reduce((sum, w) => sum + w.weight, 0) };
  }

  /**
   * The term of an adjective with its "un-" added or taken off ("clear" / "unclear", "unlikely" /
   * "likely"), when that is an adjective too and the corpus uses it: a yes-or-no question asks by
   * one, the report may answer by the other. Adjectives only: "unrest" is no opposite of "rest",
   * nor "uncover" of "cover"; and not "under" or "united" ("der", "ited").
   */
  private negation(word: string): string | undefined {
    const other = word.startsWith('un') ? word.slice(2) : `un${word}`;
    if (other.length < 4 || !this.related.isAdjective(word) || !this.related.isAdjective(other)) return undefined;
    const term = this.analyzer.processTerm(other);
    return term !== null && this.postings.frequency(term) > 0 ? term : undefined;
  }

  /**
   * The share of a query's weight that a set of terms carries: each word counts by its best-matching
   * term. As `evidence` (does the passage answer?), a synonym counts half: it may be another sense.
   */
  private share(query: Query, has: (term: string) => boolean | number, evidence = false): number {
    let carried = 0;
    for (const word of query.words) {
      let best = 0;
      for (const [term, factor] of word.terms) best = Math.max(best, factor * (evidence && word.synonyms.has(term) ? 0.5 : 1) * +has(term));
      carried += word.weight * best;
    }
    return query.totalWeight > 0 ? carried / query.totalWeight : 0;
  }

  /**
   * The shares of a query's weight that a sentence carries in its report's context (a headline
   * term counts `HEADLINE_CONTEXT`) and by its own terms: `share` twice, in one pass, since every
   * sentence of a ranked passage is weighed.
   */
  private sentenceShares(query: Query, inSentence: ReadonlySet<string>, headline: ReadonlySet<string>): [number, number] {
    if (query.totalWeight <= 0) return [0, 0];
    let inContext = 0;
    let own = 0;
    for (const word of query.words) {
      let bestInContext = 0;
      let bestOwn = 0;
      for (const [term, factor] of word.terms) {
        if (inSentence.has(term)) bestOwn = Math.max(bestOwn, factor);
        else if (headline.has(term)) bestInContext = Math.max(bestInContext, factor * HEADLINE_CONTEXT);
      }
      inContext += word.weight * Math.max(bestOwn, bestInContext);
      own += word.weight * bestOwn;
    }
    return [inContext / query.totalWeight, own / query.totalWeight];
  }

  /** The share of a query's weight that a report's paragraphs and headline carry. */
  private reportShare(query: Query, report: Report): number {
    const from = this.firstPassage.get(report.id)!;
    const to = from + report.paragraphs.length;
    const headline = this.headlineTerms[from]!;
    return this.share(query, (term) => headline.has(term) || this.postings.anyIn(term, from, to));
  }

  /**
   * Candidates to rank: BM25's best `poolSize`, then every passage of the `poolReports` reports
   * among them that match the query best, so a paragraph that answers with few of the query's
   * words, in a story that has them all, is found.
   */
  private pool(query: Query, reportIds?: readonly string[]): Set<number> {
    const pool = new Set<number>();
    for (const candidate of this.candidates(query, this.options.poolSize, reportIds)) {
      pool.add(candidate.id);
      if (pool.size >= this.options.poolSize) break;
    }
    const reports = [...new Set([...pool].map((id) => this.passageReport[id]!))]
      .map((report) => ({ report, share: this.reportShare(query, report) }))
      .sort((a, b) => b.share - a.share)
      .slice(0, this.options.poolReports);
    for (const { report } of reports) {
      const from = this.firstPassage.get(report.id)!;
      for (let id = from; id < from + report.paragraphs.length; id++) pool.add(id);
    }
    return pool;
  }

  /**
   * The pool's passages scored by their evidence, best first: at least the best `enough` of them
   * (all when fewer). What the index tells (BM25, the terms of the passage, its headline and its
   * report) is scored for every passage first; only then are passages read for their best sentence
   * and the kind of answer it holds, best first, until `enough` are sure to stay above the rest
   * however their sentences turn out (the pool is ~60 passages; a question reads a handful).
   */
  private rank(query: Query, pool: ReadonlySet<number>, weights: RankWeights, enough: number): Hit[] {
    const kind = answerKind(query.text);
    // The query's terms each passage has, looked up once: BM25, the shares and the coverage read them.
    const present = [...pool].map((id) => ({ id, terms: new Set(query.terms.filter((t) => this.postings.anyIn(t, id, id + 1))) }));
    const bm25s = present.map(({ id, terms }) => this.poolBm25(query, id, terms));
    const topBm25 = Math.max(1e-9, ...bm25s);
    const reportShares = new Map<string, number>();
    const wanted = new Set(query.weights.keys());
    const known = present.map(({ id, terms }, i) => {
      const bm25 = bm25s[i]!;
      const report = this.passageReport[id]!;
      const headline = this.headlineTerms[id]!;
      const has = (t: string) => terms.has(t);
      let reportShare = reportShares.get(report.id);
      if (reportShare === undefined) reportShares.set(report.id, (reportShare = this.reportShare(query, report)));
      const score =
        weights.bm25 * (bm25 / topBm25) +
        weights.passage * this.share(query, has) +
        weights.report * reportShare +
        weights.headline * this.share(query, (t) => headline.has(t)) +
        weights.lead * (this.passages[id]!.paragraph === 1 ? 1 : 0);
      // The headline sets the context of all its paragraphs (`HEADLINE_CONTEXT`).
      const coverage = this.share(query, (t) => (has(t) ? 1 : headline.has(t) ? HEADLINE_CONTEXT : 0), true);
      return { id, score, reportShare, coverage };
    });
    known.sort((a, b) => b.score - a.score || a.id - b.id);
    // The most reading can add: a sentence with every term, holding the kind of answer asked for.
    const readable = weights.sentence + (kind ? weights.answerKind : 0);
    const hits: Hit[] = [];
    for (const candidate of known) {
      const bound = candidate.score + readable;
      if (hits.filter((hit) => hit.score >= bound).length >= enough) break;
      const passage = this.passages[candidate.id]!;
      const { words, terms, sentences } = this.reading(candidate.id);
      // A sentence is read in its report's context: a word of the headline counts in each sentence
      // at half, as in coverage ("The 36-year-old, who has 54 caps" answers in "Hodges announces
      // rugby retirement"). Whether a sentence answers (the relevance rule) is by its own words.
      const headline = this.headlineTerms[candidate.id]!;
      let alone = 0;
      const sentence = bestSentence(
        passage.text,
        words,
        (inSentence) => {
          const [inContext, own] = this.sentenceShares(query, inSentence, headline);
          alone = Math.max(alone, own);
          return inContext;
        },
        sentences,
      );
      const kindFound = kind !== undefined && hasAnswerKind(passage.text.slice(...sentence.range), kind);
      hits.push({
        passage,
        report: this.passageReport[candidate.id]!,
        score: candidate.score + weights.sentence * sentence.weight + weights.answerKind * (kindFound ? 1 : 0),
        coverage: candidate.coverage,
        reportCoverage: candidate.reportShare,
        sentenceCoverage: alone,
        matched: [...terms].filter((t) => wanted.has(t)),
        sentence: sentence.range,
      });
    }
    return hits.sort((a, b) => b.score - a.score || a.passage.paragraph - b.passage.paragraph);
  }

  /**
   * BM25+ of a passage for the whole query, each term weighted as the query weighs it (its rarity,
   * times how much it stands for the typed word) and counted once: the same measure for every
   * passage of the pool, those BM25 proposed and those their report brought in alike. (The index's
   * own scores are from the rarest terms only, in a large corpus, and a report's other passages
   * have none: an answer that names few of the question's words lost to the lead that names them.)
   */
  private poolBm25(query: Query, id: number, present: ReadonlySet<string>): number {
    const saturation = bm25Saturation(1, this.passages[id]!.text.length, this.averageChars);
    let score = 0;
    for (const term of present) score += query.weights.get(term)! * saturation * this.headlineBoost(id, term);
    return score;
  }

  /**
   * A passage's words, terms and sentences, as ranking reads them; the last 1,024 are kept,
   * since a story's passages come back for every question about it.
   */
  private reading(id: number): PassageReading {
    let reading = this.readings.get(id);
    if (reading) {
      // Most recently used last, so the oldest is the first to go.
      this.readings.delete(id);
    } else {
      const text = this.passages[id]!.text;
      const words = this.analyzer.words(text);
      reading = { words, terms: new Set(words.flatMap((w) => (w.term === null ? [] : [w.term]))), sentences: sentenceRanges(text) };
      if (this.readings.size >= READINGS_KEPT) this.readings.delete(this.readings.keys().next().value!);
    }
    this.readings.set(id, reading);
    return reading;
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
    return new Set([...this.postings.frequencies()].filter(([, df]) => df > this.commonLimit).map(([term]) => term));
  }

  /**
   * Candidate passages for a query's terms, best first (lazily: callers stop at their limit).
   * Searched by the terms that can decide the relevance rule (see `searchPlan`); ranking reads the
   * others from the postings. (A half-typed last word already stands for its completion: see `analyse`.)
   */
  private candidates(query: Query, limit: number, reportIds?: readonly string[]): Iterable<Candidate> {
    const plan = this.searchPlan(query, limit, reportIds !== undefined);
    if (plan.from === 'champions') return this.championCandidates(query.terms);
    return plan.from === 'common' ? this.commonCandidates(plan.term, reportIds) : this.indexCandidates(plan.searched, reportIds);
  }

  /**
   * What to search the index by. A small corpus: every term. A large one: the rarest terms until
   * the rest weigh no more than the relevance bar, since a passage with none of them cannot pass
   * it (MaxScore's "essential terms"); of those, terms common enough to be costly only when
   * nothing rarer is left, and when the query has nothing but common terms, their champion lists.
   */
  private searchPlan({ terms, weights, totalWeight }: Query, limit: number, filtered: boolean): SearchPlan {
    if (this.passages.length < PRUNE_FROM_PASSAGES) return { from: 'index', searched: terms };
    const unknown = terms.filter((t) => !this.hasTerm(t));
    const known = terms.filter((t) => this.hasTerm(t)).sort((a, b) => weights.get(b)! - weights.get(a)!);
    let rest = known.reduce((sum, t) => sum + weights.get(t)!, 0);
    const essential: string[] = [];
    for (const term of known) {
      if (rest <= this.options.minCoverage * totalWeight + 1e-9) break;
      essential.push(term);
      rest -= weights.get(term)!;
    }
    const limitDf = this.commonLimit;
    const rare = essential.filter((t) => this.postings.frequency(t) <= limitDf);
    // Terms the corpus lacks match nothing in the index: only the known ones are searched.
    if (rare.length) return { from: 'index', searched: rare };
    if (essential.length === 0) return { from: 'index', searched: [] };
    if (unknown.length === 0 && !filtered && limit <= this.options.championListSize) return { from: 'champions' };
    return { from: 'common', term: essential[0]! };
  }

  /** MiniSearch results as candidates, made as they are asked for. */
  private *indexCandidates(searched: string[], reportIds?: readonly string[]): Generator<Candidate> {
    if (searched.length === 0) return;
    const only = reportIds ? new Set(reportIds) : undefined;
    const results = this.index.search(searched.join(' '), {
      // The query is analysed already (by the caller), its words corrected and completed: they are corpus terms.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      prefix: false,
      fuzzy: false,
      filter: only ? (result) => only.has(this.passageReport[result.id as number]!.id) : undefined,
    });
    for (const result of results) {
      yield {
        id: result.id as number,
        score: result.score,
      };
    }
  }

  /**
   * A common term's passages (in the given reports, when some are): its champions first, best
   * first, then the others in corpus order, each scored as the last champion, which none of them
   * beats. For a search limited to some reports or asking for many hits, which champions alone
   * cannot serve.
   */
  private *commonCandidates(term: string, reportIds?: readonly string[]): Generator<Candidate> {
    const only = reportIds ? new Set(reportIds) : undefined;
    const inScope = (id: number) => !only || only.has(this.passageReport[id]!.id);
    const champions = this.champions.get(term) ?? [];
    const weight = this.weight(term);
    for (const [id, score] of champions) if (inScope(id)) yield { id, score: score * weight };
    const chosen = new Set(champions.map(([id]) => id));
    const floor = (champions.at(-1)?.[1] ?? 1) * weight;
    for (const id of this.postings.passages(term)) if (!chosen.has(id) && inScope(id)) yield { id, score: floor };
  }

  /** Passages from the champion lists of the query's terms, ranked by their summed scores. */
  private championCandidates(terms: string[]): Candidate[] {
    const scores = new Map<number, number>();
    for (const term of terms) {
      for (const [id, score] of this.champions.get(term) ?? []) scores.set(id, (scores.get(id) ?? 0) + score * this.weight(term));
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([id, score]) => ({ id, score }));
  }

}
