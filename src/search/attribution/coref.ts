/**
 * Links each speaker to the entity it names within one report, so "Poland’s
 * President Andrzej Duda", "the Polish President", "Mr. Duda" and "he" all
 * get the canonical name "Andrzej Duda", and "the WSJ" gets "Wall Street
 * Journal" after "the Wall Street Journal (WSJ)".
 */
import { countryOf } from './countries.ts';
import { QUANTIFIERS, SUBJECT_PRONOUNS, isGerund, isPreposition, isTitleWord } from './lexicon.ts';
import { describingWords } from './descriptions.ts';
import { bare, findPeople, isNameParticle, type PersonMention } from './people.ts';
import type { Token, TokenRange } from './text.ts';

interface Entity {
  canonical: string;
  person: boolean;
  firstName: string | null;
  surname: string | null;
  /** Lower-case words that describe it ("president"), for "the president". */
  roles: Set<string>;
  countries: Set<string>;
  /** Lower-case names it goes by: "wall street journal", "wsj". */
  aliases: Set<string>;
  /** Can "it" refer to it? Organisations and countries, not groups like "officials". */
  pronounable: boolean;
  /** When it was last mentioned, for "the president" and "he". */
  seen: number;
  /** Known only as someone's aide ("His spokesman"), so no one's boss. */
  aide: boolean;
}

type NewEntity = Pick<Entity, 'canonical' | 'person'> &
  Partial<Pick<Entity, 'firstName' | 'surname' | 'aliases' | 'pronounable' | 'aide'>>;

/** Words between a name and its role in "Jane Doe, a spokesperson for the ministry". */
const LINKING_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'at', 'to', 'in', 'and', 'its', 'his', 'her', 'their']);

// Module level: tsx (esbuild) compiles a `\p{…}` literal to `new RegExp(…)` where it stands, rebuilt per call.
const LOWER_CASE_START = /^\p{Ll}/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

export class Coreference {
  private readonly entities: Entity[] = [];
  /** Surname → the first full name written anywhere in the report. */
  private readonly fullNames = new Map<string, string>();
  /** The people each sentence names, found once by the constructor and read again by noteMentions. */
  private readonly people = new Map<readonly Token[], PersonMention[]>();
  private clock = 0;

  /** Where each person is named, by canonical name: read for a description only if they speak. */
  private readonly mentionsOf = new Map<string, Array<{ tokens: readonly Token[]; person: PersonMention }>>();

  /** `sentences`: every sentence of the report, so a surname can resolve to a full name given later. */
  constructor(sentences: readonly (readonly Token[])[]) {
    for (const tokens of sentences) {
      const people = findPeople(tokens);
      this.people.set(tokens, people);
      for (const person of people) {
        if (person.full && !this.fullNames.has(person.surname)) this.fullNames.set(person.surname, person.name);
      }
    }
    for (const [tokens, people] of this.people) {
      for (const person of people) {
        const name = person.full ? person.name : (this.fullNames.get(person.surname) ?? person.name);
        const mentions = this.mentionsOf.get(name);
        if (mentions) mentions.push({ tokens, person });
        else this.mentionsOf.set(name, [{ tokens, person }]);
      }
    }
  }

  /** Words the whole report uses to describe the person of this canonical name (see descriptions.ts; "" for anyone else). */
  description(canonical: string): string {
    const words = new Set<string>();
    for (const { tokens, person } of this.mentionsOf.get(canonical) ?? []) for (const word of describingWords(tokens, person)) words.add(word);
    return [...words].join(' ');
  }

  /**
   * Records the people a sentence names, the first last: "he" in the next sentence is more likely
   * its subject than someone it mentions later ("Baros denied a row with Benitez. He told …").
   * A lone surname of someone named in full elsewhere counts too ("Parker praised French films").
   */
  noteMentions(tokens: readonly Token[]): void {
    const people = this.people.get(tokens) ?? findPeople(tokens);
    const known: Array<{ at: number; entity: Entity }> = [];
    if (this.fullNames.size > 0) {
      tokens.forEach((t, at) => {
        if (!t.cap || !t.word || !this.fullNames.has(bare(t)) || people.some((p) => at >= p.from && at < p.to)) return;
        const entity = this.bySurname(bare(t));
        if (entity !== undefined) known.push({ at, entity });
      });
    }
    // From the last mention to the first, so the first is the latest seen.
    let k = known.length - 1;
    for (let p = people.length - 1; p >= 0; p--) {
      for (; k >= 0 && known[k]!.at > people[p]!.from; k--) known[k]!.entity.seen = ++this.clock;
      this.touchPerson(people[p]!);
    }
    for (; k >= 0; k--) known[k]!.entity.seen = ++this.clock;
  }

  /** The canonical name of the speaker at `range` of a sentence's tokens. */
  canonical(text: string, tokens: readonly Token[], range: TokenRange): string {
    const words = tokens.slice(range.from, range.to);
    const first = words[0];
    if (first === undefined) return '';
    if (words.length === 1 && SUBJECT_PRONOUNS.has(first.lower)) return this.pronoun(first);
    const person = findPeople(words, true).find((p) => headsSpeaker(p, words));
    if (person !== undefined) return this.personSpeaker(person, words).canonical;
    // "Smith, who chairs the committee": the part before the comma names the speaker.
    const comma = words.findIndex((t) => t.text === ',');
    const head = comma < 0 ? words : words.slice(0, comma);
    // "Smith", or a surname with particles: "Von der Leyen".
    const surname = head.length === 1 || head.every((t) => t.word && (t.cap || isNameParticle(t.lower)));
    const known = surname ? this.bySurname(head.map((t) => t.lower).join(' ')) : undefined;
    const entity = known ?? this.described(head) ?? this.aideOf(head) ?? this.named(text, words, range.from === 0);
    entity.seen = ++this.clock;
    return entity.canonical;
  }

  /** "he"/"she": the person mentioned last; "it": the organisation or country mentioned last. */
  private pronoun(token: Token): string {
    const person = token.lower === 'he' || token.lower === 'she';
    const candidates = this.entities.filter((e) => (person ? e.person : token.lower === 'it' && e.pronounable));
    return latest(candidates)?.canonical ?? token.text;
  }

  private personSpeaker(person: PersonMention, words: readonly Token[]): Entity {
    const entity = this.touchPerson(person);
    // Roles in an appositive: "Jane Doe, a spokesperson for the ministry" / "The ministry’s spokesperson, Jane Doe".
    for (const [k, t] of words.entries()) {
      const country = countryOf(t.lower);
      if ((k >= person.from && k < person.to) || !t.word) continue;
      if (country !== null) entity.countries.add(country);
      else if (!t.cap && !LINKING_WORDS.has(t.lower)) entity.roles.add(bare(t));
    }
    return entity;
  }

  private touchPerson(person: PersonMention): Entity {
    const entity =
      this.bySurname(person.surname, person.firstName) ??
      this.add({
        canonical: person.full ? person.name : (this.fullNames.get(person.surname) ?? person.name),
        person: true,
        firstName: person.firstName,
        surname: person.surname,
      });
    entity.firstName ??= person.firstName;
    for (const role of person.roles) entity.roles.add(role);
    for (const country of person.countries) entity.countries.add(country);
    entity.seen = ++this.clock;
    return entity;
  }

  private bySurname(surname: string, firstName: string | null = null): Entity | undefined {
    const existing = this.entities.find(
      (e) => e.person && e.surname === surname && (firstName === null || e.firstName === null || e.firstName === firstName),
    );
    if (existing !== undefined || firstName !== null) return existing;
    const fullName = this.fullNames.get(surname);
    return fullName === undefined ? undefined : this.add({ canonical: fullName, person: true, surname });
  }

  /**
   * "the Polish President", "Poland’s president", "the foreign minister": the person
   * mentioned last whose roles include every role word and whose country matches.
   */
  private described(words: readonly Token[]): Entity | undefined {
    const [first, ...rest] = words;
    const country = first === undefined ? null : countryOf(first.lower);
    const possessive = country !== null && /[’']s$/.test(first?.text ?? ''); // "Poland’s president"
    if ((first?.lower !== 'the' && !possessive) || rest.length === 0) return undefined;
    const roles: string[] = [];
    const countries: string[] = possessive && country !== null ? [country] : [];
    for (const t of rest) {
      const country = countryOf(t.lower);
      if (!t.word) return undefined;
      if (country !== null) countries.push(country);
      else if (!t.cap || isTitleWord(t.lower)) roles.push(t.lower);
      else return undefined; // a name: "the Financial Times"
    }
    if (!roles.some(isTitleWord)) return undefined;
    return latest(
      this.entities.filter((e) => e.person && roles.every((r) => e.roles.has(r)) && countries.every((c) => e.countries.has(c))),
    );
  }

  /**
   * "His spokesman", "Her adviser": a role of the person mentioned last,
   * named "spokesman for Jane Doe"; "Its spokesperson" of the organisation.
   */
  private aideOf(words: readonly Token[]): Entity | undefined {
    const [owner, ...role] = words;
    const person = owner?.lower === 'his' || owner?.lower === 'her';
    if (!(person || owner?.lower === 'its' || owner?.lower === 'their') || role.length === 0) return undefined;
    if (!role.every((t) => t.word && !t.cap) || !role.some((t) => isTitleWord(t.lower))) return undefined;
    const boss = latest(this.entities.filter((e) => !e.aide && (person ? e.person : e.pronounable)));
    if (boss === undefined) return undefined;
    const bossName = LOWER_CASE_START.test(boss.canonical) ? `the ${boss.canonical}` : boss.canonical;
    const canonical = `${role.map((t) => t.text).join(' ')} for ${bossName}`;
    const existing = this.entities.find((e) => e.aide && e.canonical === canonical);
    if (existing !== undefined) return existing;
    const aide = this.add({ canonical, person: true, aide: true });
    for (const t of role) aide.roles.add(t.lower);
    return aide;
  }

  /** Anyone else: an organisation, country or group, cleaned ("One Western official" → "Western official"). */
  private named(text: string, words: readonly Token[], sentenceInitial: boolean): Entity {
    let from = 0;
    while (from < words.length - 1 && QUANTIFIERS.has(words[from]!.lower)) from++;
    let to = trailingClause(words);
    const aliases = new Set<string>();
    // "the Wall Street Journal (WSJ)": the parenthesis is another name for it.
    if (words[to - 1]?.text === ')' && words[to - 3]?.text === '(' && to - 3 > from) {
      aliases.add(words[to - 2]!.lower);
      to -= 3;
    }
    const cleaned = text.slice(words[from]!.start, words[to - 1]!.end);
    const key = cleaned.toLowerCase();
    const existing = this.entities.find((e) => !e.person && (e.aliases.has(key) || aliasesMeet(e.aliases, aliases)));
    if (existing !== undefined) return existing;
    aliases.add(key);
    const initials = initialsOf(words.slice(from, to));
    if (initials !== null) aliases.add(initials);
    const pronounable = this.pronounable(words.slice(0, to), sentenceInitial);
    return this.add({ canonical: cleaned, person: false, aliases, pronounable });
  }

  /**
   * Can "it" mean this speaker? A name ("the WSJ", "Russia") or a singular
   * body ("The ministry"), but not a lone word capitalised only because it
   * opens the sentence ("Sources"), a group ("officials") or a role ("the governor").
   */
  private pronounable(words: readonly Token[], sentenceInitial: boolean): boolean {
    const head = words.at(-1)!;
    if (head.cap) return !(sentenceInitial && words.length === 1 && !isNameLike(head));
    // A body named by description: "The ministry".
    return words[0]?.lower === 'the' && !head.lower.endsWith('s') && !isTitleWord(head.lower);
  }

  private add(fields: NewEntity): Entity {
    const entity: Entity = {
      firstName: null,
      surname: null,
      aliases: new Set(),
      pronounable: false,
      aide: false,
      ...fields,
      roles: new Set(),
      countries: new Set(),
      seen: ++this.clock,
    };
    this.entities.push(entity);
    return entity;
  }
}

/**
 * Is the person the speaker itself ("Opposition leader Jan Kowalski", "Jane Doe,
 * a spokesperson …", "The ministry’s spokesperson, Jane Doe") rather than
 * someone the phrase mentions ("an aide to President Joe Biden")?
 */
function headsSpeaker(person: PersonMention, words: readonly Token[]): boolean {
  const ends = person.to === words.length || words[person.to]?.text === ',';
  const linked = words
    .slice(0, person.from)
    .some((t, k) => t.word && !t.cap && isPreposition(t.lower) && !inTitle(words, k));
  return ends && !linked;
}

/** A preposition between capitalised words belongs to a title: "Secretary of State Antony Blinken". */
const inTitle = (words: readonly Token[], k: number): boolean => words[k - 1]?.cap === true && words[k + 1]?.cap === true;

/** Where ", speaking after prayers", ", seen by Reuters", ", by contrast" or ", who …" starts: it tells what the speaker did, not who it is. */
function trailingClause(words: readonly Token[]): number {
  const at = words.findIndex((t, k) => {
    const next = words[k + 1]?.lower ?? '';
    const participle = words[k + 1]?.cap === false && words[k + 2]?.lower === 'by';
    // "Israeli officials, by contrast,": an aside, not part of the name.
    const aside = words[k + 1]?.cap === false && isPreposition(next) && next !== 'of';
    const clause = next === 'who' || next === 'which' || participle || aside || (isGerund(next) && next !== 'including');
    return k > 0 && t.text === ',' && clause;
  });
  return at < 0 ? words.length : at;
}

function latest(entities: readonly Entity[]): Entity | undefined {
  return entities.reduce<Entity | undefined>((best, e) => (best === undefined || e.seen > best.seen ? e : best), undefined);
}

function aliasesMeet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const alias of b) if (a.has(alias)) return true;
  return false;
}

/** "Wall Street Journal" → "wsj"; null unless every word is capitalised (or "of"/"and"/"the"). */
function initialsOf(words: readonly Token[]): string | null {
  const capitals = words.filter((t) => t.cap);
  const others = words.filter((t) => !t.cap && !['of', 'and', 'the', 'for'].includes(t.lower));
  if (capitals.length < 2 || others.length > 0 || capitals.some((t) => !t.word)) return null;
  return capitals.map((t) => t.lower[0]).join('');
}

const isNameLike = (t: Token): boolean => countryOf(t.lower) !== null || ALL_CAPITALS.test(t.text);
