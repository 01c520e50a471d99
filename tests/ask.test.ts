import { describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { UsageError } from '../src/answer.ts';
import { Library } from '../src/search/library.ts';
import { loadSeedLibrary } from './helpers/library.ts';

const library = await loadSeedLibrary();
const first = (question: string) => ask(library, { query: question }).citations[0];

describe('ask', () => {
  it('answers with up to 3 cited, verbatim paragraphs', () => {
    const answer = ask(library, { query: 'When did the talks resume?' });
    expect(answer).toMatchObject({ command: 'ask', answered: true });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
    const top = answer.citations[0]!;
    expect(top).toMatchObject({ reportId: 'us-allies-unlikely-to-give-ukraine-guarantees', paragraph: 6, author: 'Dave DeCamp' });
    const report = library.report(top.reportId)!;
    expect(top.text).toBe(report.paragraphs[top.paragraph - 1]);
    expect(top.title).toBe(report.title);
  });

  it('marks the matched words of the quote', () => {
    const top = first('When did the talks resume?')!;
    const marked = top.highlights!.map(([s, e]) => top.text.slice(s, e));
    expect(marked).toEqual(expect.arrayContaining(['Talks', 'resumed']));
  });

  it('finds passages through aliases and typos', () => {
    expect(first('How much military aid did Washington allocate for Israel?')!.text).toContain('$38 billion');
    expect(first('Who headed the working group behind the Kiev Security Compact?')!.text).toContain('Andriy Yermak');
    expect(first('What did the Financial Times report about sanctons?')!.text).toContain('sanctions relief');
  });

  it.each([
    'What is the capital of Australia?',
    'Who is the president of France?',
    'What is the capital of Ukraine?',
    'What did Biden say about China?',
    'What is the weather in Kyiv today?',
    'best pizza recipe',
    'what is it?',
  ])('declines what the reports do not cover: %s', (question) => {
    const answer = ask(library, { query: question });
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
  });

  it('treats an empty or blank question as a usage error', () => {
    expect(() => ask(library, { query: '' })).toThrow(UsageError);
    expect(() => ask(library, { query: ' \n\t ' })).toThrow(/type a question/);
  });
});

describe('the relevance rule', () => {
  const paragraphs = [
    'The ceasefire talks resumed in Geneva on Monday.',
    'Officials discussed the ceasefire and the talks.',
    'Grain exports through the Black Sea rose in May.',
    'The talks are expected to continue next week.',
  ];
  const small = new Library({
    reports: [{ id: 'r', title: 'Talks', paragraphs, file: 'r.md' }],
    aliases: [],
    topics: [],
  });

  it('weighs rare words above common ones', () => {
    // "talks" is in most passages; "geneva" in one: matching only "talks" is not enough.
    expect(small.search('talks in Geneva').hits[0]!.passage.paragraph).toBe(1);
    expect(small.search('talks in Paris').hits).toEqual([]);
  });

  it('declines when the query is mostly words the corpus never uses', () => {
    expect(small.search('grain prices in Argentina and Brazil').hits).toEqual([]);
    expect(small.search('grain exports').hits[0]!.passage.paragraph).toBe(3);
  });

  it('reports coverage between the threshold and 1', () => {
    for (const hit of small.search('ceasefire talks Geneva').hits) {
      expect(hit.coverage).toBeGreaterThan(small.options.minCoverage);
      expect(hit.coverage).toBeLessThanOrEqual(1);
    }
  });

  const nuclear = new Library({
    reports: [
      {
        id: 'iran',
        title: 'Iran nuclear talks stall in Vienna',
        file: 'iran.md',
        paragraphs: [
          'Diplomats said the talks would resume in Vienna next month.',
          'In 2018 the US withdrew from the deal and restored sanctions.',
          'Inspectors counted 182 kilograms of enriched uranium.',
          'Hungary blocked the statement on Tuesday.',
          'Hungry crowds blocked the road to the capital.',
        ],
      },
      { id: 'grain', title: 'Grain corridor reopens', file: 'grain.md', paragraphs: ['Ships carried grain through the corridor.', 'Prices fell in May.'] },
    ],
    aliases: [['US', 'United States']],
    topics: [],
  });

  it('lets the report headline supply context words at half weight', () => {
    // "nuclear" is only in the headline of the report whose paragraph 2 answers.
    expect(nuclear.search('When did the US withdraw from the nuclear deal?').hits[0]?.passage.paragraph).toBe(2);
  });

  it('weighs unknown framing verbs and adjectives at half', () => {
    // "succeed" is framing; "uranium" and "kilograms" carry the question.
    expect(nuclear.search('How many kilograms of uranium did inspectors succeed in counting?').hits[0]?.passage.paragraph).toBe(3);
    // An unknown noun still counts fully: the corpus says nothing about pizza.
    expect(nuclear.search('pizza in Vienna').hits).toEqual([]);
  });

  it('never treats a word the corpus uses as a typo of another', () => {
    // Both "Hungary" and "hungry" are in the corpus: neither stands for the other.
    expect(nuclear.search('Hungary blocked').hits.map((h) => h.passage.paragraph)).toEqual([4]);
    // A word the corpus does not use may be a typo: "Hungray" finds Hungary.
    expect(nuclear.search('Hungray blocked the statement').hits[0]?.passage.paragraph).toBe(4);
  });

  it('matches only a last word the corpus does not use as a prefix (half typed)', () => {
    const prefix = nuclear.searchOptions.prefix as (term: string, i: number, terms: string[]) => boolean;
    expect(prefix('grain', 1, ['ship', 'grain'])).toBe(false);
    expect(prefix('grai', 1, ['ship', 'grai'])).toBe(true);
    expect(prefix('grai', 0, ['grai', 'ship'])).toBe(false);
    const [hit] = nuclear.search('talks in Vienna, diplom').hits;
    expect(hit?.passage.paragraph).toBe(1);
    expect(hit?.matched).toContain('diplomat');
  });
});


describe('a large corpus', () => {
  const paragraphs = Array.from({ length: 1200 }, (_, i) =>
    i === 700 ? 'The ceasefire talks resumed in Geneva on Monday.' : `The talks continued on day ${i} without progress on prisoners.`,
  );
  const large = new Library({ reports: [{ id: 'big', title: 'Talks', file: 'big.md', paragraphs }], aliases: [], topics: [] });

  it('finds by the rare term, and still counts and marks the common one it did not search by', () => {
    const { hits } = large.search('talks in Geneva');
    expect(hits[0]!.passage.paragraph).toBe(701);
    expect(hits[0]!.coverage).toBeCloseTo(1);
    expect(hits[0]!.matched).toEqual(expect.arrayContaining(['talk', 'geneva']));
  });

  it('searches by the rarest common term when the query has nothing rarer, checking the others on candidates', () => {
    const { hits } = large.search('talks continued prisoners');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.matched).toEqual(expect.arrayContaining(['talk', 'continu', 'prison']));
    expect(large.search('talks in Paris').hits).toEqual([]);
  });

  const champions = new Library({
    reports: [
      {
        id: 'big',
        title: 'Daily briefing',
        file: 'big.md',
        paragraphs: Array.from({ length: 1200 }, (_, i) =>
          i === 900 ? 'Talks, talks and more talks.' : `The talks continued on day ${i} while officials waited for news about prisoners and grain.`,
        ),
      },
    ],
    aliases: [],
    topics: [],
  });

  it('answers a query of common terms only from their champion lists, best passage first', () => {
    const { hits } = champions.search('talks', { limit: 3 });
    expect(hits.map((h) => h.passage.paragraph)[0]).toBe(901);
    expect(hits).toHaveLength(3);
    // Two common terms: the passages holding both, the relevance rule still applied.
    for (const hit of champions.search('prisoners grain').hits) expect(hit.matched).toEqual(expect.arrayContaining(['prison', 'grain']));
  });

  it('still searches the index for common terms when the search is limited to some reports or asks for many hits', () => {
    expect(champions.search('talks', { reportIds: ['big'], limit: 3 }).hits).toHaveLength(3);
    expect(champions.search('talks', { limit: 200 }).hits).toHaveLength(200);
  });

  it('keeps the champion lists in its snapshot', () => {
    const snapshot = JSON.parse(JSON.stringify(champions.toSnapshot())) as ReturnType<Library['toSnapshot']>;
    const restored = new Library({ reports: [...champions.reports], aliases: [], topics: [] }, {}, snapshot);
    expect(restored.search('talks', { limit: 3 })).toEqual(champions.search('talks', { limit: 3 }));
  });
});

describe('words that are also object properties', () => {
  const library = new Library({
    reports: [{ id: 'r', title: 'Builders', file: 'r.md', paragraphs: ['The constructor said the bridge is ready.', 'Officials inspected the bridge.'] }],
    aliases: [],
    topics: [],
  });

  it('indexes, finds and attributes them like any word', () => {
    expect(library.search('constructor bridge').hits[0]?.passage.paragraph).toBe(1);
    expect(library.search('toString').hits).toEqual([]);
    expect(library.speakers.find('constructor').map((s) => s.paragraph)).toEqual([1]);
  });
});
