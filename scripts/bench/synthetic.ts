/**
 * Synthetic news reports for benchmarks: deterministic from a seed, realistic enough that search and
 * attribution have work to do (names, titles, outlets, quotes, reporting verbs, numbers, dates).
 */
import nlp from 'compromise';
import type { Report } from '../../src/corpus/report.ts';

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 'Anna Boris Carla Daniel Elena Farid Greta Hassan Irina Jonas Katrin Luis Maria Nikolai Olga Pavel Rita Stefan Tomas Ursula Viktor Yulia'.split(' ');
const LAST = 'Kovalenko Schmidt Novak Rossi Dubois Petrov Lindqvist Haddad Moreau Wagner Kowalski Silva Ivanova Brandt Horvat Jensen Costa Weber Romanov Nieminen'.split(' ');
const TITLES = ['Foreign Minister', 'Defence Minister', 'Prime Minister', 'President', 'Secretary General', 'EU foreign policy chief', 'Energy Minister', 'central bank governor'];
const COUNTRIES = ['Germany', 'France', 'Poland', 'Ukraine', 'Russia', 'Turkey', 'Italy', 'Spain', 'Sweden', 'Finland', 'Romania', 'Hungary', 'the US', 'the UK', 'Japan', 'Canada'];
const ADJECTIVES = { Germany: 'German', France: 'French', Poland: 'Polish', Ukraine: 'Ukrainian', Russia: 'Russian', Turkey: 'Turkish', Italy: 'Italian', Spain: 'Spanish', Sweden: 'Swedish', Finland: 'Finnish' } as Record<string, string>;
const OUTLETS = ['Reuters', 'the Financial Times', 'the Wall Street Journal', 'CNN', 'the BBC', 'Politico', 'Bloomberg', 'the Associated Press'];
const ANONYMOUS = ['One Western official', 'A senior diplomat', 'Sources familiar with the talks', 'Two European officials', 'A US official', 'People close to the negotiations'];
const TOPICS = [
  ['air defence', 'Patriot batteries', 'interceptors', 'radar systems'],
  ['grain exports', 'the Black Sea corridor', 'shipping insurance', 'port capacity'],
  ['sanctions', 'frozen assets', 'oil price cap', 'export controls'],
  ['security guarantees', 'a defence pact', 'NATO membership', 'troop deployments'],
  ['energy prices', 'gas storage', 'LNG imports', 'pipeline repairs'],
  ['reconstruction funds', 'bond issuance', 'budget support', 'loan guarantees'],
  ['nuclear talks', 'uranium enrichment', 'inspections', 'centrifuges'],
  ['peace negotiations', 'a ceasefire', 'prisoner exchanges', 'humanitarian corridors'],
];
const VERBS = ['said', 'told', 'stressed', 'warned', 'noted', 'confirmed', 'added'];
/** Everyday English words from compromise's lexicon, for the filler text. */
const VOCABULARY = Object.keys((nlp.world() as unknown as { model: { one: { lexicon: Record<string, unknown> } } }).model.one.lexicon)
  .filter((word) => /^[a-z]{3,12}$/.test(word))
  .sort();
const GLUE = 'the of and to in a that for on with as by at from'.split(' ');
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export function syntheticCorpus(reports: number, seed = 42, paragraphsPerReport = 10): Report[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Word ranks are log-uniform, roughly Zipf-like: a few words are common, most are rare.
  const word = () => (rand() < 0.35 ? pick(GLUE) : VOCABULARY[Math.floor(Math.exp(rand() * Math.log(VOCABULARY.length))) - 1]!);
  const clause = (words: number) => Array.from({ length: words }, word).join(' ');

  return Array.from({ length: reports }, (_, r) => {
    const topic = pick(TOPICS);
    const country = pick(COUNTRIES);
    const person = { name: `${pick(FIRST)} ${pick(LAST)}`, title: pick(TITLES), country };
    const other = `${pick(FIRST)} ${pick(LAST)}`;
    const subject = () => pick(topic);
    const sentence = (): string => {
      switch (Math.floor(rand() * 7)) {
        case 0:
          return `${country === 'the US' ? 'US' : country.replace(/^the /, '')}’s ${person.title} ${person.name} ${pick(VERBS) === 'told' ? `told ${pick(OUTLETS)}` : 'said'} that ${subject()} ${clause(10)}.`;
        case 1:
          return `“We will not accept ${subject()} on these terms,” ${other} said on ${pick(DAYS)}.`;
        case 2:
          return `According to ${pick(OUTLETS)}, ${subject()} could cost ${Math.floor(rand() * 90) + 10} billion euros ${clause(8)}.`;
        case 3:
          return `${pick(ANONYMOUS)} ${pick(['said', 'told reporters', 'confirmed'])} that ${subject()} ${clause(9)}.`;
        case 4:
          return `The ${ADJECTIVES[country] ?? 'national'} ${person.title.toLowerCase()} ${pick(['said', 'added', 'stressed'])} ${subject()} ${clause(7)}.`;
        case 5:
          return `Talks on ${subject()} resumed in ${pick(['Brussels', 'Geneva', 'Vienna', 'Istanbul', 'Warsaw'])} on ${pick(DAYS)} after ${clause(9)}.`;
        default:
          return `${subject().replace(/^./, (c) => c.toUpperCase())} ${clause(14)}.`;
      }
    };
    const paragraph = () => {
      const sentences: string[] = [];
      let words = 0;
      while (words < 70) {
        const s = sentence();
        sentences.push(s);
        words += s.split(' ').length;
      }
      return sentences.join(' ');
    };
    return {
      id: `report-${r + 1}`,
      title: `${person.title} ${person.name} on ${topic[0]}`,
      paragraphs: Array.from({ length: paragraphsPerReport }, paragraph),
      file: `report-${r + 1}.md`,
    };
  });
}
