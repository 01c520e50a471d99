import { wordNet } from '../../src/search/wordnet.ts';

/** Reads WordNet once before the suites (on a fresh install: parses it into the cache), so no test's first question pays for it. */
export default function setup(): void {
  wordNet();
}
