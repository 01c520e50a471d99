/**
 * How often each term occurs in each passage, counted in one pass over the analysed passages. The
 * postings, the champion lists and the MiniSearch index are all made from these counts, so a build
 * reads every passage's terms once.
 */
export interface TermCounts {
  /** For each term, the passages that hold it (ascending) and how often it occurs in each. */
  readonly lists: Map<string, { passages: number[]; counts: number[] }>;
  /** How many terms each passage has. */
  readonly lengths: number[];
  /** How many distinct terms each passage has. */
  readonly distinct: number[];
}

/** `analysed` is each passage's terms, in passage order. */
export function countTerms(analysed: readonly (readonly string[])[]): TermCounts {
  const lists: TermCounts['lists'] = new Map();
  const lengths: number[] = [];
  const distinct: number[] = [];
  const inPassage = new Map<string, number>();
  analysed.forEach((terms, passage) => {
    inPassage.clear();
    for (const term of terms) inPassage.set(term, (inPassage.get(term) ?? 0) + 1);
    for (const [term, count] of inPassage) {
      const list = lists.get(term);
      if (list) {
        list.passages.push(passage);
        list.counts.push(count);
      } else {
        lists.set(term, { passages: [passage], counts: [count] });
      }
    }
    lengths.push(terms.length);
    distinct.push(inPassage.size);
  });
  return { lists, lengths, distinct };
}
