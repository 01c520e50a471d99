import type { BM25Params } from 'minisearch';
import type { TermCounts } from './term-counts.ts';

/**
 * Champion lists (Manning, Raghavan & Schütze, "Introduction to Information Retrieval", §7.1.3):
 * for each term too common to search by, the passages it scores highest in, kept at build time.
 * A query made only of such terms ranks the union of their lists instead of walking posting
 * lists that hold a large share of the corpus: in a large corpus, "accept" or "talks" alone would
 * make MiniSearch score tens of thousands of passages to show three.
 */
export type ChampionLists = Map<string, Array<[passage: number, score: number]>>;

/** BM25+ parameters (MiniSearch's defaults), given to the index too: a champion ranks as it would in a search for its term. */
export const BM25: BM25Params = { k: 1.2, b: 0.7, d: 0.5 };
const { k, b, d } = BM25;

/**
 * The `size` best passages for each of `terms`, by BM25+ term-frequency saturation and length
 * normalisation (IDF is the same for all passages of one term, so it is left out) times `boost`.
 */
export function championLists(
  counts: TermCounts,
  terms: ReadonlySet<string>,
  size: number,
  boost: (passage: number, term: string) => number,
): ChampionLists {
  const lists: ChampionLists = new Map([...terms].map((t) => [t, []]));
  if (terms.size === 0) return lists;
  const averageLength = counts.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, counts.lengths.length);
  for (const [term, list] of lists) {
    const { passages, counts: occurrences } = counts.lists.get(term) ?? { passages: [], counts: [] };
    passages.forEach((id, i) => {
      keepBest(list, [id, bm25Saturation(occurrences[i]!, counts.lengths[id]!, averageLength) * boost(id, term)], size);
    });
  }
  return lists;
}

/**
 * BM25+'s share of a term's IDF that a passage earns: its term frequency, saturated, over its
 * length relative to the average (in the same unit).
 */
export function bm25Saturation(tf: number, length: number, averageLength: number): number {
  return d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / averageLength));
}

/** Inserts into a list kept sorted best first and at most `size` long; ties keep corpus order. */
function keepBest(list: Array<[number, number]>, entry: [number, number], size: number): void {
  if (list.length >= size && entry[1] <= list[list.length - 1]![1]) return;
  let i = list.length;
  while (i > 0 && list[i - 1]![1] < entry[1]) i--;
  list.splice(i, 0, entry);
  if (list.length > size) list.pop();
}
