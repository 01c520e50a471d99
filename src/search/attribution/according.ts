/**
 * Attributions without a reporting verb: "According to the WSJ, …",
 * "…, according to the Wall Street Journal (WSJ)." and "as reported by CNN".
 * The source named is the speaker; nothing says whom it told, so no via.
 */
import { isClauseWord } from './classify.ts';
import type { Token, TokenRange } from './text.ts';

const MAX_SOURCE_WORDS = 12;

/** Token ranges of the sources named by "according to"/"as reported by" in a sentence. */
export function accordingToSources(tokens: readonly Token[], quoted: (t: Token) => boolean): TokenRange[] {
  const sources: TokenRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (quoted(t)) continue;
    const start = sourceStart(tokens, i);
    if (start < 0) continue;
    const source = sourcePhrase(tokens, start);
    if (source !== null) sources.push(source);
  }
  return sources;
}

/** Index after "according to" / "as (first) reported by" at `i`, or -1. */
function sourceStart(tokens: readonly Token[], i: number): number {
  if (lowerAt(tokens, i) === 'according' && lowerAt(tokens, i + 1) === 'to') return i + 2;
  if (lowerAt(tokens, i) !== 'as') return -1;
  const verbAt = lowerAt(tokens, i + 1) === 'first' ? i + 2 : i + 1;
  return lowerAt(tokens, verbAt) === 'reported' && lowerAt(tokens, verbAt + 1) === 'by' ? verbAt + 2 : -1;
}

// Not a closure in sourceStart: tsx (esbuild keepNames) would set a closure's name on every call.
const lowerAt = (tokens: readonly Token[], k: number): string => tokens[k]?.lower ?? '';

/** The noun phrase naming the source, up to punctuation or a clause word; "(WSJ)" stays in. */
function sourcePhrase(tokens: readonly Token[], start: number): TokenRange | null {
  let k = start;
  while (k < tokens.length && k - start < MAX_SOURCE_WORDS) {
    const t = tokens[k]!;
    if (t.text === '(' && tokens[k + 2]?.text === ')') {
      k += 3;
      continue;
    }
    const nounish = t.word ? !isClauseWord(tokens, k) : t.text === '&' || t.text === '’' || t.text === '-';
    if (!nounish) break;
    k++;
  }
  const ended = k - start < MAX_SOURCE_WORDS;
  return ended && k > start && tokens[start]?.word === true ? { from: start, to: k } : null;
}
