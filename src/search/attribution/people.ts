/**
 * People named in text: "Poland’s President Andrzej Duda", "Joe Biden",
 * "Mr. Smith", "President Duda". A capitalised run counts as a person when it
 * starts with a known first name, or follows a title or honorific.
 */
import { INITIAL, isAcronym } from './classify.ts';
import { countryOf } from './countries.ts';
import { isAdjective, isFirstName, isOrganisationWord, isTimeName, isTitleWord, reportingLemma, tagsOf } from './lexicon.ts';
import type { Token } from './text.ts';

export interface PersonMention {
  /** Token index where the mention starts, describers included. */
  from: number;
  /** Token index where the name itself starts, after its describers. */
  nameFrom: number;
  /** Token index just after the name. */
  to: number;
  /** The name as written, without a possessive: "Andrzej Duda", "Duda". */
  name: string;
  firstName: string | null;
  surname: string;
  /** False for a surname after a title: "Mr. Smith", "President Duda". */
  full: boolean;
  /** Lower-case words describing the person: "president", "foreign", "minister". */
  roles: string[];
  countries: string[];
}

/** "Poland’s" → "poland", "Mr." → "mr". Slices, not regex replaces: it runs on every word of every capitalised run. */
export function bare(t: Token): string {
  const word = t.lower.endsWith('’s') || t.lower.endsWith("'s") ? t.lower.slice(0, -2) : t.lower;
  return word.endsWith('.') ? word.slice(0, -1) : word;
}
const isPossessive = (t: Token): boolean => /[’']s$/.test(t.text);
// Module level: tsx (esbuild) compiles a `\p{…}` literal to `new RegExp(…)` where it stands, rebuilt per call.
const NAME_PREFIX = /^(al|el|d|bin|ibn|abu)[-’']\p{Lu}/u;
/** "Duda", and names with a lower-case prefix: "al-Sudani", "d’Estaing". */
const isNameWord = (t: Token | undefined): t is Token =>
  t !== undefined && t.word && !isAcronym(t) && (t.cap || NAME_PREFIX.test(t.text));
/** Lower-case particles inside a name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva". */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'das', 'do', 'dos', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten']);
export const isNameParticle = (lower: string): boolean => PARTICLES.has(lower);
const isParticle = (t: Token | undefined): boolean => t !== undefined && t.word && PARTICLES.has(t.lower);
/** Lexicon tags a name word may carry: "Kaja" and "Kallas" have none. */
const NAME_ONLY_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName']);
const MAX_DESCRIBERS_BEFORE = 3;

/**
 * People named in `tokens`. With `speaker`, the tokens are a speaker phrase
 * (the subject of a reporting verb), so two unknown capitalised words ending
 * it ("Kaja Kallas") are a name.
 */
export function findPeople(tokens: readonly Token[], speaker = false): PersonMention[] {
  const people: PersonMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) {
      i++;
      continue;
    }
    const j = runEnd(tokens, i + 1);
    const person = personInRun(tokens, i, j, speaker);
    if (person !== null) people.push(person);
    i = j;
  }
  return people;
}

/** Where a capitalised run starting before `j` ends; lower-case particles between its words stay in. */
function runEnd(tokens: readonly Token[], j: number): number {
  let end = j;
  while (!isPossessive(tokens[end - 1]!)) {
    let k = end;
    while (isParticle(tokens[k]) && !tokens[k]!.cap) k++;
    if (!isNameWord(tokens[k])) return end;
    end = k + 1;
  }
  return end;
}

/** The person named by the capitalised run [from, to), if it is one. */
function personInRun(tokens: readonly Token[], from: number, to: number, speaker: boolean): PersonMention | null {
  for (let k = from; k < to - 1; k++) {
    // A given name, or its initial ("J. Allard").
    if ((isFirstName(bare(tokens[k]!)) || INITIAL.test(tokens[k]!.text)) && plausibleName(tokens, k, to)) return mention(tokens, from, k, to, true);
  }
  let k = from;
  while (k < to && isDescriber(tokens[k]!)) k++;
  const titled =
    tokens.slice(from, k).some((t) => isTitleWord(bare(t))) || titledBefore(tokens, from) || titledAfter(tokens, to);
  const length = nameWords(tokens, k, to);
  if (titled && length >= 1 && length <= 3 && plausibleName(tokens, k, to)) return mention(tokens, from, k, to, length > 1);
  const afterTitle = titleInRun(tokens, from, to);
  if (afterTitle > 0) return mention(tokens, from, afterTitle, to, nameWords(tokens, afterTitle, to) > 1);
  return unknownPair(tokens, from, to, speaker) ? mention(tokens, to - 2, to - 2, to, true) : null;
}

/**
 * "Kaja Kallas said": two capitalised words the lexicon knows only as names
 * (or not at all), right before a reporting verb or ending a speaker phrase.
 */
function unknownPair(tokens: readonly Token[], from: number, to: number, speaker: boolean): boolean {
  if (to - from < 2 || !plausibleName(tokens, to - 2, to)) return false;
  const pair = tokens.slice(to - 2, to);
  if (!pair.every((t) => t.cap && tagsOf(bare(t)).every((tag) => NAME_ONLY_TAGS.has(tag)))) return false;
  if (speaker && (to === tokens.length || tokens[to]?.text === ',')) return true;
  let k = to;
  while (k < to + 2 && tokens[k] !== undefined && !tokens[k]!.cap && /^(also|has|had|have|later|previously)$/.test(tokens[k]!.lower)) k++;
  const verb = tokens[k];
  return verb !== undefined && verb.word && !verb.cap && reportingLemma(verb.lower) !== undefined;
}

/**
 * "Finance Minister Palaniappan Chidambaram", "Culture Minister Renaud Donnedieu de Vabres": a
 * capitalised title inside the run, then one to three name words; where the name starts, or -1.
 */
function titleInRun(tokens: readonly Token[], from: number, to: number): number {
  for (let k = to - 2; k >= from; k--) {
    if (!isTitleWord(bare(tokens[k]!))) continue;
    const length = nameWords(tokens, k + 1, to);
    return length >= 1 && length <= 3 && plausibleName(tokens, k + 1, to) ? k + 1 : -1;
  }
  return -1;
}

const nameWords = (tokens: readonly Token[], from: number, to: number): number =>
  tokens.slice(from, to).filter((t) => !(isParticle(t) && !t.cap)).length;

/**
 * A title just before the run, in lower case or as an appositive:
 * "opposition leader Jan Kowalski", "The Finnish president, Sauli Niinisto".
 */
function titledBefore(tokens: readonly Token[], from: number): boolean {
  const before = from > 0 && tokens[from - 1]?.text === ',' ? from - 2 : from - 1;
  const t = tokens[before];
  return t !== undefined && t.word && (!t.cap || before < from - 1) && isTitleWord(bare(t));
}

/** An appositive title after the run: "Sinan Ulgen, a former Turkish diplomat". */
function titledAfter(tokens: readonly Token[], to: number): boolean {
  if (tokens[to]?.text !== ',' || !/^(a|an|the)$/.test(tokens[to + 1]?.lower ?? '')) return false;
  return tokens.slice(to + 2, to + 6).some((t) => t.word && !t.cap && isTitleWord(t.lower));
}

/** Not a place, organisation, date or title: "Will Russia" is no name. */
function plausibleName(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const word = bare(tokens[k]!);
    const place = tagsOf(word).some((t) => t === 'Place' || t === 'City' || t === 'Region');
    // Three-letter month abbreviations are also names ("Jan").
    const date = isTimeName(word) && word.length > 3;
    if (place || date || countryOf(word) !== null || isOrganisationWord(word) || isTitleWord(word)) return false;
  }
  return true;
}

/** Words that may precede a name: titles, nationalities, "The", adjectives ("Foreign", "Former"). */
function isDescriber(t: Token): boolean {
  const word = bare(t);
  return isTitleWord(word) || countryOf(word) !== null || isAdjective(word) || word === 'the';
}

function mention(tokens: readonly Token[], runStart: number, nameStart: number, to: number, full: boolean): PersonMention {
  let from = runStart;
  while (from > 0 && runStart - from < MAX_DESCRIBERS_BEFORE && describesBefore(tokens[from - 1]!)) from--;
  const roles: string[] = [];
  const countries: string[] = [];
  for (const t of tokens.slice(from, nameStart)) {
    const country = countryOf(t.lower);
    if (country !== null) countries.push(country);
    else if (bare(t) !== 'the') roles.push(bare(t));
  }
  const names = tokens.slice(nameStart, to).map((t) => t.text.replace(/[’']s$/, ''));
  // The surname keeps its particles: "von der Leyen".
  let last = names.length - 1;
  while (last > 0 && isParticle(tokens[nameStart + last - 1])) last--;
  return {
    from,
    nameFrom: nameStart,
    to,
    name: names.join(' '),
    firstName: full ? bare(tokens[nameStart]!) : null,
    surname: names.slice(last).join(' ').toLowerCase(),
    full,
    roles,
    countries,
  };
}

/** "Poland’s", "US", "former" before a titled run. */
function describesBefore(t: Token): boolean {
  if (!t.word) return false;
  return countryOf(t.lower) !== null || (!t.cap && (isTitleWord(t.lower) || isAdjective(t.lower)));
}
