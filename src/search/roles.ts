/**
 * Words for the same kind of role, so a role typed for a name finds the speaker the report
 * describes in other words: "the Wippit boss" is "Wippit chief executive Paul Myers". A closed,
 * general class (titles of office), not names: listing it is the method.
 */
import type { Analyzer } from './analysis.ts';

const ROLE_GROUPS = [
  ['boss', 'chief', 'head', 'executive', 'chairman', 'chairwoman', 'chair', 'director', 'manager', 'president', 'leader', 'coach', 'founder', 'owner', 'supremo'],
  ['spokesman', 'spokeswoman', 'spokesperson', 'representative'],
  ['minister', 'secretary'],
  ['mp', 'lawmaker', 'legislator', 'politician'],
  ['analyst', 'economist', 'strategist', 'expert'],
  ['lawyer', 'solicitor', 'barrister', 'attorney'],
  ['striker', 'forward'],
];

/** Each role's term (as the analyser has it) → the terms of every role in its group. */
export function roleSynonyms(analyzer: Analyzer): Map<string, readonly string[]> {
  const synonyms = new Map<string, readonly string[]>();
  for (const group of ROLE_GROUPS) {
    const terms = [...new Set(group.flatMap((word) => analyzer.terms(word)))];
    for (const term of terms) synonyms.set(term, terms);
  }
  return synonyms;
}
