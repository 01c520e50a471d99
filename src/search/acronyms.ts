import type { AliasGroup } from './analysis.ts';
import { STOP_WORDS } from './stopwords.ts';

/**
 * Acronyms the reports define ("the International Monetary Fund (IMF)", "gross domestic product
 * (GDP)"), as alias groups: a question may name the fund one way and the paragraph that answers
 * the other. A definition counts when the initials of the words before the brackets, short
 * linking words left out ("Office for National Statistics"), spell the acronym. An acronym defined
 * for two different things ("producer price index" and "Pensions Policy Institute", both PPI) is
 * left out; spellings of one thing ("Office of / for National Statistics") are kept together.
 * Acronyms or words that an alias of the corpus's own already has are left to that alias, and so
 * are two-letter acronyms, which stand for too many things undefined (NI is national insurance in
 * one report, Northern Ireland in many), and those that are a question's word when typed in lower
 * case (WHO).
 */
export function acronymAliases(paragraphs: Iterable<string>, configured: readonly AliasGroup[] = []): AliasGroup[] {
  const taken = new Set(configured.flat().map((name) => name.toLowerCase()));
  const definitions = new Map<string, Set<string>>();
  for (const text of paragraphs) {
    if (!text.includes('(')) continue;
    for (const match of text.matchAll(ACRONYM)) {
      const acronym = match[1]!;
      // The words just before the brackets, at most eight (a definition is never longer).
      const before = text.slice(Math.max(0, match.index - 120), match.index).match(WORDS_BEFORE)?.[0];
      const longForm = before && spelledBy(before.trim().split(/\s+/).slice(-8), acronym);
      if (longForm) definitions.set(acronym, (definitions.get(acronym) ?? new Set()).add(longForm));
    }
  }
  const groups: AliasGroup[] = [];
  for (const [acronym, forms] of definitions) {
    const spellings = [...forms];
    if (taken.has(acronym.toLowerCase()) || STOP_WORDS.has(acronym.toLowerCase()) || spellings.some((form) => taken.has(form))) continue;
    if (!spellings.every((form) => sameThing(form, spellings[0]!))) continue;
    groups.push([acronym, ...spellings]);
  }
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** An acronym of three to six capitals in brackets. */
const ACRONYM = /\(([A-Z]{3,6})\)/g;
/** The run of words (no punctuation between) that ends a text. */
const WORDS_BEFORE = /(?:[\p{L}'’-]+\s+)+$/u;

/** Words an acronym leaves out. */
const LINKING = new Set(['of', 'for', 'and', '&', 'the', 'on', 'in', 'to', 'de']);

/** The shortest run of words ending before the brackets whose initials spell the acronym, lower-cased. */
function spelledBy(words: string[], acronym: string): string | undefined {
  for (let start = words.length - 1; start >= 0; start--) {
    const run = words.slice(start);
    if (LINKING.has(run[0]!.toLowerCase())) continue;
    const initials = initialsOf(run);
    if (initials === acronym) return run.join(' ').toLowerCase().replace(/[’']s?$/, '');
    if (initials.length > acronym.length) return undefined;
  }
  return undefined;
}

/** The words' initials in capitals, linking words left out unless `linking`. */
function initialsOf(words: readonly string[], linking = false): string {
  return words
    .filter((w) => linking || !LINKING.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * Whether a name of two or more words spells an acronym by its initials, linking words left out or
 * counted ("Office for National Statistics": ONS; "Top of the Pops": TOTP).
 */
export function spellsAcronym(name: string, acronym: string): boolean {
  const words = name.split(/[\s-]+/).filter(Boolean);
  return words.length >= 2 && (initialsOf(words) === acronym || initialsOf(words, true) === acronym);
}

/** Whether two spellings name one thing: they share at least half of their longer one's words. */
function sameThing(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.split(' ').filter((w) => !LINKING.has(w)).map((w) => w.replace(/[’']s?$|s$/, '')));
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared * 2 >= Math.max(x.size, y.size);
}
