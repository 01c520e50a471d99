/**
 * Country keys for coreference: "Poland’s", "Polish" and "US" name a country,
 * so "the Polish President" can link to "Poland’s President …".
 */
import { tagsOf, wordsTagged } from './lexicon.ts';

/** Names and adjectives that no spelling rule relates to their country. */
const IRREGULAR = new Map<string, string>(Object.entries({
  us: 'united states', usa: 'united states', america: 'united states', american: 'united states',
  uk: 'united kingdom', britain: 'united kingdom', british: 'united kingdom', brit: 'united kingdom',
  polish: 'poland', french: 'france', dutch: 'netherlands', swiss: 'switzerland', spanish: 'spain',
  finnish: 'finland', danish: 'denmark', irish: 'ireland', english: 'england', welsh: 'wales',
  scottish: 'scotland', filipino: 'philippines', emirati: 'united arab emirates', czech: 'czech republic',
}));

let countries: string[] | undefined;
/** By the word as given: it is asked about the same few words again and again, so skip normalising them. */
const cache = new Map<string, string | null>();

/** The country a word names or describes ("Poland’s", "U.S.", "Ukrainian"), else null. */
export function countryOf(word: string): string | null {
  let found = cache.get(word);
  if (found === undefined) {
    const key = word.toLowerCase().replace(/[’']s$/, '').replace(/\./g, '');
    const tags = tagsOf(key);
    found = IRREGULAR.get(key) ?? (tags.includes('Country') ? key : tags.includes('Demonym') ? countryByStem(key) : null);
    cache.set(word, found);
  }
  return found;
}

/** "ukrainian" → "ukraine": the country sharing the longest stem (4+ letters) with the adjective. */
function countryByStem(adjective: string): string | null {
  countries ??= wordsTagged('Country');
  let best: string | null = null;
  let bestLength = 0;
  for (const country of countries) {
    const length = commonPrefix(adjective, country);
    const better = length > bestLength || (length === bestLength && best !== null && country.length < best.length);
    if (length >= 4 && better) {
      best = country;
      bestLength = length;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
