/** Passages that mention a name: for a who-said about someone the reports name but never quote. */
import type { Hit, Library } from './library.ts';
import { typoAllowance } from './speaker-query.ts';
import { editDistance } from './spelling.ts';

/** Up to `limit` passages, best first, whose words include every term of `name` (or a typo of it). */
export function passagesMentioning(library: Library, name: string, limit: number): Hit[] {
  const { terms, hits } = library.search(name, { limit: limit * 4 });
  const mentions = hits.filter((hit) => {
    const own = new Set(library.analyzer.terms(hit.passage.text));
    return terms.every((t) => own.has(t) || [...own].some((o) => editDistance(t, o, typoAllowance(t.length)) <= typoAllowance(t.length)));
  });
  return mentions.slice(0, limit);
}
