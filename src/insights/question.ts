import type { Answer } from '../answer.ts';
import type { AnswerStatus } from './store.ts';

// Out of the function: tsx compiles a \p{…} literal again at every call (see README, Performance).
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * What questions are grouped by: the words, case folded, punctuation dropped, in sorted order, so
 * "Capital of Australia?" and "australia, capital of" count as one.
 */
export function questionKey(query: string): string {
  const words = query.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  return words.sort().join(' ');
}

/**
 * How an answer is recorded. Today an Answer only says whether it answered; when it also carries a
 * status (partial) and the missing words, they are taken from it here and nowhere else.
 */
export function outcomeOf(answer: Answer): { status: AnswerStatus; missing: string[] } {
  return { status: answer.answered ? 'answered' : 'declined', missing: [] };
}
