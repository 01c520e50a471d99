import SearchableMap from 'minisearch/SearchableMap';

/** Words longer than this are never corrected: a long unknown word is a name, and edit search on it is costly. */
export const MAX_CORRECTED_LENGTH = 30;

/**
 * Spelling correction against the corpus's own words (lower-cased, as written, not stemmed: a typo
 * stems badly, "investigaton" is not "investig") and the stop words. A word the corpus does not
 * use becomes the one at the smallest edit distance (a swap of two letters counts one edit, as
 * people make it), among equals the one that doubles or undoubles a letter, then the most frequent,
 * keeping the first letter, which people rarely mistype, within one edit ("inda" is India, "feild"
 * is field, "wich" is which, "goverment" is government, "pery" is Perry). Not two, even in a long
 * word: none of the 155 typo questions of the BBC dev sets needed a second edit, while two turned
 * names the corpus lacks into its words ("deliveroo" into "deliver").
 */
export class Speller {
  private built?: SearchableMap<number>;

  /**
   * `words`: each corpus word with how frequent it is; stop words count as the most frequent. The
   * search tree is built at the first typo, not at start-up: many questions have none.
   */
  constructor(
    private readonly source: ReadonlyMap<string, number>,
    private readonly stopWords: Iterable<string>,
  ) {}

  private get words(): SearchableMap<number> {
    if (!this.built) {
      this.built = new SearchableMap<number>();
      for (const [word, count] of this.source) this.built.set(word, count);
      for (const word of this.stopWords) if (word.length >= 3) this.built.set(word, Infinity);
    }
    return this.built;
  }

  /** The corpus word (or stop word) meant by a word the corpus does not use, if one is close enough. */
  correct(typed: string): { word: string; stopWord: boolean } | undefined {
    const word = typed.toLowerCase();
    // A number is never a typo of another ("2021" is not "2001"), nor a model's ("ps5" is not "ps2").
    if (word.length < 3 || word.length > MAX_CORRECTED_LENGTH || this.source.has(word) || /\d/.test(word)) return undefined;
    let best: { key: string; count: number; distance: number; doubling: boolean } | undefined;
    const consider = (key: string, count: number) => {
      if (key[0] !== word[0]) return;
      const distance = editDistance(word, key);
      if (distance > 1) return;
      // A letter typed once where it is doubled, or twice where it is not, is the likeliest slip
      // ("pery" is Perry before per, "spoted" spotted before sported): it comes before frequency.
      const doubling = isDoubling(word, key) || isDoubling(key, word);
      const better =
        !best ||
        distance < best.distance ||
        (distance === best.distance && (doubling !== best.doubling ? doubling : count > best.count));
      if (better) best = { key, count, distance, doubling };
    };
    // Levenshtein finds the candidates one edit away; a swap, one edit for people but two for
    // Levenshtein, is looked up directly rather than by searching one edit further (far costlier).
    for (const [key, [count]] of this.words.fuzzyGet(word, 1)) consider(key, count);
    for (let i = 1; i < word.length; i++) {
      const swapped = word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
      const count = this.words.get(swapped);
      if (count !== undefined) consider(swapped, count);
    }
    return best && { word: best.key, stopWord: best.count === Infinity };
  }

  /** The most frequent corpus word that starts with a half-typed word ("diplom" → "diplomats"). */
  complete(prefix: string): string | undefined {
    let best: { word: string; count: number } | undefined;
    let scanned = 0;
    for (const [word, count] of this.words.atPrefix(prefix.toLowerCase())) {
      if (count !== Infinity && word.length > prefix.length && (!best || count > best.count)) best = { word, count };
      if (++scanned >= COMPLETION_SCAN) break;
    }
    return best?.word;
  }
}

/** Whether `longer` is `shorter` with one of its letters doubled ("perry" of "pery"). */
function isDoubling(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length; i++) {
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/** How many words starting with a prefix `complete` looks at: a short prefix starts thousands. */
const COMPLETION_SCAN = 2000;

/**
 * Optimal string alignment distance: Levenshtein plus the swap of two adjacent letters as one
 * edit ("feild" for "field", "myres" for "myers"); or `max + 1` as soon as it must exceed `max`
 * (a row's least distance never falls in the rows after it).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
