import type { AsPlainObject } from 'minisearch';

/**
 * Which passages hold each term (sorted passage ids), so search can tell whether a passage's whole
 * report uses a term (its context) without reading the report: a binary search over the term's
 * passages, not a scan of the report's text.
 */
export class Postings {
  private constructor(private readonly lists: Map<string, Int32Array>) {}

  /** From each passage's terms, in passage order. */
  static fromTerms(analysed: readonly (readonly string[])[]): Postings {
    const lists = new Map<string, number[]>();
    analysed.forEach((terms, id) => {
      for (const term of new Set(terms)) {
        const list = lists.get(term);
        if (list) list.push(id);
        else lists.set(term, [id]);
      }
    });
    return new Postings(new Map([...lists].map(([term, ids]) => [term, Int32Array.from(ids)])));
  }

  /** From a saved MiniSearch index of one field whose document ids are passage numbers. */
  static fromIndex(index: AsPlainObject): Postings {
    const lists = new Map<string, Int32Array>();
    const { documentIds } = index;
    for (const [term, fields] of index.index) {
      const ids: number[] = [];
      for (const field in fields) for (const short in fields[field]) ids.push(documentIds[short] as number);
      lists.set(term, Int32Array.from(ids).sort());
    }
    return new Postings(lists);
  }

  /** Whether a passage numbered in [from, to) holds the term. */
  anyIn(term: string, from: number, to: number): boolean {
    const list = this.lists.get(term);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo]! < to;
  }
}
