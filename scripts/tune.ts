/**
 * Fits the ranking weights and the relevance thresholds on the tuning halves of the development
 * sets, by coordinate ascent (each weight in turn over a grid, kept when the objective improves).
 *
 *   npm run tune   (prints the best options found; paste them into DEFAULT_LIBRARY_OPTIONS)
 *
 * The objective is hit@1 + hit@3 + MRR on answerable questions, plus twice the share of off-topic
 * questions declined, over the BBC set (weighted 2, on ../shared/corpora/bbc-news) and the seed
 * reports' sets. Only the tune halves and the later sets written to tune on (`half: "more"`) are
 * used: the test halves and the fresh set stay unseen.
 */
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../src/corpus/load.ts';
import { DEFAULT_LIBRARY_OPTIONS, Library, type LibraryOptions, type RankWeights } from '../src/search/library.ts';

interface Row {
  kind: string;
  q: string;
  gold?: string[];
  expect?: string;
  half?: string;
}

const BBC = process.env.BBC_CORPUS ?? '../shared/corpora/bbc-news';
const SETS = [
  { files: ['eval/bbc.dev.jsonl', 'eval/bbc.more.jsonl'], corpus: BBC, weight: 2 },
  { files: ['eval/seeds.dev.jsonl', 'eval/seeds.more.jsonl'], corpus: 'corpus', weight: 1 },
];
const TUNED_ON = new Set(['tune', 'more']);
const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').toLowerCase();

const sets = await Promise.all(
  SETS.map(async (set) => ({
    ...set,
    rows: set.files
      .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Row)
      .filter((r) => r.kind === 'ask' && TUNED_ON.has(r.half ?? '')),
    library: await Library.build(await loadCorpus(set.corpus)),
  })),
);

function objective(options: LibraryOptions): number {
  let total = 0;
  for (const { rows, library, weight } of sets) {
    Object.assign(library.options, options);
    let sum = 0;
    let answerable = 0;
    let offTopic = 0;
    let declined = 0;
    for (const row of rows) {
      const { hits } = library.search(row.q, { limit: 3 });
      if (row.expect === 'abstain') {
        offTopic++;
        declined += +(hits.length === 0);
        continue;
      }
      answerable++;
      const rank = hits.findIndex((h) => row.gold!.some((g) => norm(h.passage.text).includes(norm(g))));
      sum += (rank === 0 ? 1 : 0) + (rank >= 0 ? 1 : 0) + (rank >= 0 ? 1 / (rank + 1) : 0);
    }
    // Declining off-topic questions counts as much as hit@1 and hit@3 together: a wrong quote misleads.
    total += weight * (sum / answerable + (offTopic ? (2 * declined) / offTopic : 0));
  }
  return total;
}

const GRIDS: Array<[keyof RankWeights | keyof LibraryOptions, number[]]> = [
  ['bm25', [0, 0.5, 1, 1.5, 2, 3]],
  ['passage', [0, 0.5, 1, 1.5, 2, 3]],
  ['sentence', [0, 0.5, 1, 1.5, 2, 3]],
  ['report', [0, 0.5, 1, 1.5, 2, 3, 4, 5]],
  ['headline', [0, 0.25, 0.5, 1, 1.5]],
  ['answerKind', [0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2]],
  ['lead', [-0.8, -0.6, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2]],
  ['minCoverage', [0.25, 0.3, 0.35, 0.4, 0.45, 0.5]],
  ['minSentenceCoverage', [0, 0.2, 0.3, 0.4, 0.5, 0.6]],
  ['partialCoverage', [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.01]],
  ['maxMissingShare', [0.3, 0.4, 0.5, 0.6]],
  ['maxMissingNameShare', [0.1, 0.15, 0.2, 0.25, 0.3, 0.4]],
  ['correctionWeight', [0.5, 0.7, 0.8, 1]],
  ['missingWordWeight', [0.25, 0.5, 0.75, 1, 1.5]],
  ['derivationWeight', [0, 0.3, 0.5, 0.7, 0.9]],
  ['synonymWeight', [0, 0.3, 0.5, 0.7]],
  ['synonymMaxShare', [0, 0.0005, 0.001, 0.003, 0.01]],
  ['poolReports', [1, 2, 3, 5]],
];
const RANK_KEYS = new Set(Object.keys(DEFAULT_LIBRARY_OPTIONS.rank));

let best: LibraryOptions = structuredClone(DEFAULT_LIBRARY_OPTIONS);
let bestScore = objective(best);
process.stderr.write(`start: ${bestScore.toFixed(4)}\n`);
for (let round = 0; round < 3; round++) {
  let improved = false;
  for (const [key, grid] of GRIDS) {
    for (const value of grid) {
      const trial = structuredClone(best);
      if (RANK_KEYS.has(key)) trial.rank[key as keyof RankWeights] = value;
      else (trial as unknown as Record<string, number>)[key] = value;
      const score = objective(trial);
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = trial;
        improved = true;
        process.stderr.write(`round ${round} ${key}=${value}: ${score.toFixed(4)}\n`);
      }
    }
  }
  if (!improved) break;
}
const tuned = Object.fromEntries(GRIDS.filter(([key]) => !RANK_KEYS.has(key)).map(([key]) => [key, best[key as keyof LibraryOptions]]));
process.stdout.write(`${JSON.stringify({ rank: best.rank, ...tuned }, null, 2)}\n`);
