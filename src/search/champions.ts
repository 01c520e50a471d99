import type { BM25Params } from 'minisearch';

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
 * `analysed` is each passage's terms, in order.
 */
export function championLists(
  analysed: readonly (readonly string[])[],
  terms: ReadonlySet<string>,
  size: number,
  boost: (passage: number, term: string) => number,
): ChampionLists {
  const lists: ChampionLists = new Map([...terms].map((t) => [t, []]));
  if (terms.size === 0) return lists;
  const averageLength = analysed.reduce((sum, passage) => sum + passage.length, 0) / Math.max(1, analysed.length);
  analysed.forEach((passage, id) => {
    const frequency = new Map<string, number>();
    for (const term of passage) if (terms.has(term)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const norm = k * (1 - b + (b * passage.length) / averageLength);
    for (const [term, tf] of frequency) {
      const score = (d + (tf * (k + 1)) / (tf + norm)) * boost(id, term);
      keepBest(lists.get(term)!, [id, score], size);
    }
  });
  return lists;
}

/** Inserts into a list kept sorted best first and at most `size` long; ties keep corpus order. */
function keepBest(list: Array<[number, number]>, entry: [number, number], size: number): void {
  if (list.length >= size && entry[1] <= list[list.length - 1]![1]) return;
  let i = list.length;
  while (i > 0 && list[i - 1]![1] < entry[1]) i--;
  list.splice(i, 0, entry);
  if (list.length > size) list.pop();
}
