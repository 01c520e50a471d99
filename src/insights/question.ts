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
 * How an answer is recorded: ask's own status and the words the reports never mention; a who-said
 * that finds a name mentioned but never quoted is an answer in part; any other answer by whether it
 * answered.
 */
export function outcomeOf(answer: Answer): { status: AnswerStatus; missing: string[] } {
  const missing = answer.missing ?? [];
  switch (answer.status) {
    case 'answered':
    case 'partial':
    case 'declined':
      return { status: answer.status, missing };
    case 'mentioned-not-quoted':
      return { status: 'partial', missing };
    default:
      return { status: answer.answered ? 'answered' : 'declined', missing };
  }
}
