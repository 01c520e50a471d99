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
  analysed.forEach((terms, passage) => {
    let unique = 0;
    for (const term of terms) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = { passages: [], counts: [] }));
      // Passages are counted in order: a term met before in this one is its list's last entry.
      const last = list.passages.length - 1;
      if (last >= 0 && list.passages[last] === passage) list.counts[last]!++;
      else {
        list.passages.push(passage);
        list.counts.push(1);
        unique++;
      }
    }
    lengths.push(terms.length);
    distinct.push(unique);
  });
  return { lists, lengths, distinct };
}
