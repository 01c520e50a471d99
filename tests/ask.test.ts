import { describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.ts';
import { acronymAsked } from '../commands/about-acronym.ts';
import { asksAboutAsker } from '../commands/about-asker.ts';
import { reportDetailAsked } from '../commands/about-reports.ts';
import { UsageError } from '../src/answer.ts';
import { DEFAULT_LIBRARY_OPTIONS, Library } from '../src/search/library.ts';
import { ARGONAUT } from './fixtures/bbc-paragraphs.ts';
import { libraryOf, loadSeedLibrary } from './helpers/library.ts';

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
    // The reports say "Western allies", "Western leaders"; a member asks about "the West".
    expect(ask(library, { query: 'What guarantees might the West offer Ukraine?' })).toMatchObject({ answered: true, status: 'answered' });
  });

  it.each([
    'What is the capital of Australia?',
    'What is the capital of Ukraine?',
    'What did Biden say about China?',
    'best pizza recipe',
    'what is it?',
  ])('declines what the reports do not cover: %s', (question) => {
    const answer = ask(library, { query: question });
    expect(answer).toMatchObject({ answered: false, status: 'declined', citations: [] });
  });

  it.each(['Who is the president of France?', 'What is the weather in Kyiv today?'])(
    'gives the closest passages, marked as such, when the subject is covered but not the detail: %s',
    (question) => {
      const answer = ask(library, { query: question });
      expect(answer).toMatchObject({ answered: true, status: 'partial' });
      expect(answer.citations.length).toBeGreaterThan(0);
    },
  );

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

  it('reports coverage up to 1; a hit under the threshold only after one above it, from a report that covers the question', () => {
    const { hits } = small.search('ceasefire talks Geneva');
    expect(hits[0]!.coverage).toBeGreaterThan(small.options.minCoverage);
    for (const hit of hits) {
      expect(hit.coverage).toBeLessThanOrEqual(1);
      if (hit.coverage <= small.options.minCoverage) expect(hit.reportCoverage).toBeGreaterThanOrEqual(small.options.partialCoverage);
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
    const { hits } = nuclear.search('Hungary blocked');
    expect(hits[0]?.passage.paragraph).toBe(4);
    for (const hit of hits.slice(1)) expect(hit.matched).not.toContain('hungari');
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
    i === 700 ? 'The ceasefire talks resumed in Geneva on Monday, the minister said.' : `The talks continued on day ${i} without progress on prisoners.`,
  );
  const large = new Library({ reports: [{ id: 'big', title: 'Talks', file: 'big.md', paragraphs }], aliases: [], topics: [] });
  /** The same passages, judged as a small corpus is. */
  const asSmall = new Library({ reports: [...large.reports], aliases: [], topics: [] }, { coverageDeclinesFrom: 5000 });

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

  it('weighs a noun that no passage uses in full: thousands of passages that never write "puppy" are not about puppies', () => {
    const question = 'how is the puppy at the Geneva talks?';
    expect(large.search(question)).toMatchObject({ status: 'declined', hits: [], missing: ['puppy'] });
    // A verb the corpus lacks still only frames the question.
    expect(large.search('when were the ceasefire talks in Geneva rescheduled?').status).toBe('answered');
    // In a small corpus, a missing word is more likely the asker's wording than the subject.
    expect(asSmall.search(question).status).not.toBe('declined');
  });

  it('declines when the question\'s heaviest word is a noun no passage uses, though the rest match', () => {
    const referee = 'did the ceasefire talks resume in Geneva on Monday with a referee?';
    expect(large.search(referee)).toMatchObject({ status: 'declined', hits: [], missing: ['referee'] });
    // An English word one edit from the corpus's is likelier a slip ("minster" for "minister").
    expect(large.search('did the minster say the ceasefire talks resumed in Geneva?').status).toBe('answered');
    expect(asSmall.search(referee).status).not.toBe('declined');
  });

  it('declines a question about a year no passage writes, and names it', () => {
    const year = new Library({ reports: [{ id: 'big', title: 'Talks', file: 'big.md', paragraphs: [...paragraphs.slice(0, 1199), 'The talks of 2004 ended in Geneva.'] }], aliases: [], topics: [] });
    expect(year.search('how did the Geneva talks end in 2024?')).toMatchObject({ status: 'declined', hits: [], missing: ['2024'] });
    expect(year.search('how did the Geneva talks end in 2004?').status).toBe('answered');
    // Another number the corpus lacks is a detail asked for, not the subject; so is a count that looks like an old year.
    expect(year.search('how did the Geneva talks end in 2004, after 4000 days?').status).toBe('answered');
    expect(year.search('how did the Geneva talks of 2004 end for 1800 prisoners?').status).toBe('answered');
  });

  it('takes a word WordNet has only as a name for a name, typed lower-case, and does not correct it', () => {
    // "saturn" is one edit from "satur" (saturate's stem), which made it look like a typo of English.
    expect(large.search('were the ceasefire talks in Geneva about saturn?')).toMatchObject({ status: 'declined', missing: ['saturn'] });
    const library = new Library({ reports: [{ id: 'moya', title: 'Moya wins', file: 'moya.md', paragraphs: ['Carlos Moya won the final in Chennai.'] }], aliases: [], topics: [] });
    expect(library.search('who painted the mona lisa?')).toMatchObject({ status: 'declined', missing: expect.arrayContaining(['mona']) });
  });

  it('finds a hyphenated word typed as one ("email" for the report\'s "e-mail")', () => {
    const library = new Library({
      reports: [{ id: 'mail', title: 'Watchdog probes deletions', file: 'mail.md', paragraphs: ['The watchdog asked why old e-mails were deleted.', 'Ministers met on Tuesday.'] }],
      aliases: [],
      topics: [],
    });
    const { hits, status } = library.search('why were the emails deleted?');
    expect(status).toBe('answered');
    expect(hits[0]!.passage.paragraph).toBe(1);
    expect(library.highlight(hits[0]!.passage.text, hits[0]!.matched).map(([s, e]) => hits[0]!.passage.text.slice(s, e))).toContain('e-mails');
  });

  it('finds a number typed without its thousands commas ("7000" for the report\'s "7,000")', () => {
    const library = new Library({
      reports: [
        { id: 'jobs', title: 'Airline may move jobs', file: 'jobs.md', paragraphs: ['The airline could move as many as 7,000 jobs abroad.', 'Unions were not consulted.'] },
        { id: 'other', title: 'Factory closes', file: 'other.md', paragraphs: ['The factory will cut 700 jobs.', 'Output fell by 12%.'] },
      ],
      aliases: [],
      topics: [],
    });
    const { hits } = library.search('7000 jobs');
    expect(hits[0]).toMatchObject({ report: { id: 'jobs' }, passage: { paragraph: 1 } });
    expect(library.highlight(hits[0]!.passage.text, hits[0]!.matched).map(([s, e]) => hits[0]!.passage.text.slice(s, e))).toContain('7,000');
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

  it('serves common terms from their postings when the search is limited to some reports or asks for many hits', () => {
    const limited = champions.search('talks', { reportIds: ['big'], limit: 3 }).hits;
    expect(limited).toHaveLength(3);
    // The champions come first: the passage that says "talks" three times.
    expect(limited[0]!.passage.paragraph).toBe(901);
    expect(champions.search('talks', { reportIds: ['none'], limit: 3 }).hits).toEqual([]);
    expect(champions.search('talks', { limit: 200 }).hits).toHaveLength(200);
  });

  it('leaves common terms out of the MiniSearch index (most of its entries), not out of topics', () => {
    const { index } = champions.toSnapshot() as unknown as { index: { index: Array<[string, unknown]> } };
    const indexed = new Set(index.index.map(([term]) => term));
    expect(indexed.has('talk')).toBe(false);
    expect(indexed.has('day')).toBe(false);
    expect(indexed.has('1')).toBe(true);
    expect(champions.containing('talks')).toHaveLength(1200);
    expect(champions.containing('talks prisoners').map((p) => p.paragraph)).not.toContain(901);
    expect(champions.containing('talks prisoners')).toHaveLength(1199);
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

describe('questions as people type them', () => {
  const reports = [
    {
      id: 'carmaker',
      title: 'Peugeot deal boosts Mitsubishi',
      file: 'carmaker.md',
      paragraphs: [
        'Struggling Japanese car maker Mitsubishi Motors has struck a deal to supply French carmaker Peugeot with 30,000 sports utility vehicles.',
        'The deal will help Mitsubishi use spare capacity at its factories in Japan.',
        'Shares in the firm rose 3% in Tokyo on Monday.',
      ],
    },
    {
      id: 'tokyo',
      title: 'Sony unveils a new console',
      file: 'tokyo.md',
      paragraphs: ['Sony showed its new console to investors.', 'Shares in Tokyo were up 1% on Monday.'],
    },
    {
      id: 'india',
      title: 'India economy grows',
      file: 'india.md',
      paragraphs: ['India\'s economy grew by 6.9% in 2004, the finance ministry said.', 'Exports rose sharply.'],
    },
    {
      id: 'war',
      title: 'Troops leave the border',
      file: 'war.md',
      paragraphs: ['The invasion of the island began in March, officials said.', 'Talks on a ceasefire resumed in Geneva.'],
    },
  ];
  const library = new Library({ reports, aliases: [], topics: [] });
  const top = (q: string) => library.search(q).hits[0];

  it('corrects typos against the corpus, short words included', () => {
    expect(top('what did the finance ministry say about inda?')?.report.id).toBe('india');
    expect(top('mitsubshi suv deal')?.report.id).toBe('carmaker');
  });

  it("counts a correction's derivations no more than the correction", () => {
    // "goverment" is a guess at "government"; "governor" derives from the guess, not from what was typed.
    const council = new Library({
      reports: [
        { id: 'governor', title: 'Budget row', file: 'governor.md', paragraphs: ['The governor wants the budget cut by a tenth.'] },
        { id: 'government', title: 'Budget row', file: 'government.md', paragraphs: ['The government wants the budget cut by a fifth.'] },
        { id: 'other', title: 'Harbour news', file: 'other.md', paragraphs: ['Ships queued outside the harbour all day.'] },
      ],
      aliases: [],
      topics: [],
    });
    expect(council.search('how much does the goverment want the budget cut?').hits[0]?.report.id).toBe('government');
  });

  it('gives a name typed with a capital no synonyms ("Jade" Johnson is not tired)', () => {
    const athletics = new Library(
      {
        reports: [{ id: 'jump', title: 'Long jump', file: 'jump.md', paragraphs: ['Jade Johnson won the long jump.', 'The tired runners rested.'] }],
        aliases: [],
        topics: [],
      },
      // In two paragraphs every word is common: synonyms are looked up for all.
      { synonymMaxShare: 1 },
    );
    expect(athletics.search('what did Jade Johnson win?').terms).not.toContain('tire');
    // Typed in lower case, the word may be WordNet's: its synonyms stand in.
    expect(athletics.search('who felt jade after the race?').terms).toContain('tire');
  });

  it('asks by a word with its "un-" added or taken off: "is it clear" is answered by "unclear"', () => {
    const plans = new Library({
      reports: [
        { id: 'plan', title: 'Peace plan', file: 'plan.md', paragraphs: ['Whether the plan will work is unclear, officials said.', 'A deal is likely to follow.', 'Talks were held under a new chair.', 'Unrest followed the vote.'] },
      ],
      aliases: [],
      topics: [],
    });
    expect(plans.search('is it clear whether the plan will work?').terms).toContain('unclear');
    expect(plans.search('is a deal unlikely?').terms).toContain('like');
    expect(plans.search('is a deal unlikely?').status).not.toBe('declined');
    // Only between English words the corpus has: "under" is no negated "der", "unclear" no "clear" here.
    expect(plans.search('what was held under the chair?').terms).not.toContain('der');
    expect(plans.search('why is it unclear?').terms).not.toContain('clear');
    // Adjectives only: "unrest" is no opposite of "rest".
    expect(plans.search('what followed the rest of the vote?').terms).not.toContain('unrest');
  });

  it('finds a derivation WordNet knows (invading / invasion)', () => {
    expect(top('when did invading the island start?')?.passage.paragraph).toBe(1);
  });

  it('finds the paragraph that answers through its report, though it has few of the words', () => {
    // ¶3 has none of "Mitsubishi" or "deal", and the Sony report's ¶2 has its other words: the report decides.
    const hit = top('by how much were shares up in Tokyo on Monday after the Mitsubishi deal?');
    expect(hit).toMatchObject({ report: { id: 'carmaker' } });
    expect(hit!.passage.paragraph).toBe(3);
  });

  it("ranks the detail asked for above the report's lead, which restates the headline", () => {
    const games = new Library({
      reports: [{ id: 'argonaut', title: ARGONAUT.title, file: 'argonaut.md', paragraphs: ARGONAUT.paragraphs }, ...reports],
      aliases: [],
      topics: [],
    });
    const question = 'how long has argonaut been making games?';
    expect(games.search(question).hits[0]).toMatchObject({ report: { id: 'argonaut' }, passage: { paragraph: 3 } });
    // Either the lead's discount or the span ¶3 holds ("for some 18 years", what "how long" asks for)
    // puts it first; without both, ¶1 wins: it names the company and the games, and the headline's maker.
    const weighed = (weights: Partial<typeof DEFAULT_LIBRARY_OPTIONS.rank>) => games.search(question, { weights: { ...DEFAULT_LIBRARY_OPTIONS.rank, ...weights } }).hits[0]!.passage.paragraph;
    expect(weighed({ answerKind: 0 })).toBe(3);
    expect(weighed({ lead: 0 })).toBe(3);
    expect(weighed({ lead: 0, answerKind: 0 })).toBe(1);
  });

  it('after the passages that answer, gives those of a report that covers the question, though they do not by themselves', () => {
    const { status, hits } = library.search('the Mitsubishi sports utility vehicles deal with Peugeot');
    expect(status).toBe('answered');
    expect(hits[0]!.passage.paragraph).toBe(1);
    const second = hits.find((hit) => hit.report.id === 'carmaker' && hit.passage.paragraph === 2);
    expect(second!.coverage).toBeLessThanOrEqual(library.options.minCoverage);
  });

  it('in a small corpus, gives the closest passages where a large one would decline for coverage alone', () => {
    // Each report has a third of the question: no passage or report covers it.
    const question = 'ceasefire talks in Geneva, the console investors, and India exports';
    expect(library.search(question)).toMatchObject({ status: 'partial', hits: expect.arrayContaining([expect.anything()]) });
    const large = new Library({ reports, aliases: [], topics: [] }, { coverageDeclinesFrom: 1 });
    expect(large.search(question)).toMatchObject({ status: 'declined', hits: [] });
    // Missing names decline in any corpus; a person, place or organisation whatever else matches.
    expect(library.search('what did Zelensky say about Geneva?')).toMatchObject({ status: 'declined', missing: ['Zelensky'] });
    expect(library.search('were the ceasefire talks in Geneva held in istanbul?')).toMatchObject({ status: 'declined', missing: ['istanbul'] });
    expect(library.search('were the ceasefire talks in Geneva about Sovereignty?').status).not.toBe('declined');
    // Title case says nothing of a word: "Nations" here is the English word, as typed in lower case.
    expect(library.search('when did the nations resume the talks?').status).not.toBe('declined');
    expect(library.search('When Did The Nations Resume The Talks?').status).toBe(library.search('when did the nations resume the talks?').status);
  });

  it("reads a sentence in its report's context: the headline's words count in it at half", () => {
    const rugby = new Library({
      reports: [
        {
          id: 'hodges',
          title: 'Hodges announces rugby retirement',
          file: 'hodges.md',
          paragraphs: [
            'Scarlets forward Dave Hodges has ended his playing career to coach in the States.',
            'The 36-year-old, who has 54 caps, was player of the season in 2002. He tore a muscle on Boxing Day, an injury that ended his season, said Hodges.',
          ],
        },
        { id: 'wales', title: 'Wales name their squad', file: 'wales.md', paragraphs: ['The coach handed new caps to three forwards.', 'Dave Jones scored twice.', 'Two caps went to backs.'] },
        { id: 'race', title: 'Evans wins', file: 'race.md', paragraphs: ['Dave Evans won the race.', 'The crowd cheered.'] },
      ],
      aliases: [],
      topics: [],
    });
    // ¶2's sentence that names Hodges has no number; the one with his caps does, and the headline names him.
    const hit = rugby.search('how many caps does Dave Hodges have?').hits[0]!;
    expect(hit.passage.paragraph).toBe(2);
    expect(hit.passage.text.slice(...hit.sentence)).toMatch(/^The 36-year-old, who has 54 caps/);
    // Whether it answers is by the sentence's own words: caps alone, not Hodges from the headline.
    expect(hit.sentenceCoverage).toBeLessThan(rugby.search('how many caps does Dave Hodges have?').hits.find((h) => h.passage.paragraph === 1)!.sentenceCoverage);
  });

  it('knows the sentence that answers best', () => {
    const hit = top('how many sports utility vehicles for Peugeot?')!;
    expect(hit.passage.text.slice(...hit.sentence)).toMatch(/^Struggling Japanese car maker/);
  });

  it('declines a question about a name the corpus never uses, and names it', () => {
    const outcome = library.search('how much has Dogecoin gone up this year?');
    expect(outcome).toMatchObject({ status: 'declined', hits: [], missing: ['Dogecoin'] });
  });

  it('declines a name WordNet lists too ("Obama" is a name, not an English word)', () => {
    const outcome = library.search('when did obama get elected president?');
    expect(outcome).toMatchObject({ status: 'declined', hits: [], missing: ['obama'] });
  });

  it('takes a word with a digit for a name, though WordNet lists one ("hs2" is a virus there)', () => {
    expect(library.search('what did hs2 cost Sony?')).toMatchObject({ status: 'declined', missing: ['hs2'] });
  });

  it('takes a word capitalised inside a question, or known only as a place, for a name', () => {
    // WordNet has "china" (porcelain); typed so, or known as a place, it is a name.
    expect(library.search('What did China say about the console?')).toMatchObject({ status: 'declined', missing: ['China'] });
    expect(library.search('what did kyiv say about the console?')).toMatchObject({ status: 'declined', missing: ['kyiv'] });
  });

  it('does not complete a last word typed in full ("cease?" is not "ceasefire")', () => {
    expect(library.search('talks on a cease').terms).toContain('ceasefir');
    expect(library.search('talks on a cease?').terms).not.toContain('ceasefir');
  });
});

describe('questions about the asker', () => {
  it('declines advice and errands for the asker, though the reports have their words', () => {
    // Every word of it is in the seed reports: only its form says the reports cannot answer it.
    const answer = ask(library, { query: 'How do I get security guarantees for Ukraine?' });
    expect(answer).toMatchObject({ answered: false, status: 'declined', aboutAsker: true, citations: [] });
    expect(ask(library, { query: 'What security guarantees does Ukraine want?' }).answered).toBe(true);
  });

  it.each(['How do I reset my router password?', 'should i buy an xbox or a playstation?', 'where can i watch the six nations?', 'remind me to call the office at 6pm'])(
    'asks about the asker: %s',
    (question) => expect(asksAboutAsker(question)).toBe(true),
  );

  it.each(['star wars episode i hd make-up', 'what did I miss at the weekend?', 'who hosts Have I Got News For You?', 'what zombie shooter can you play with the handset?', 'what did Blair say about Iraq please'])(
    'asks about the news: %s',
    (question) => expect(asksAboutAsker(question)).toBe(false),
  );
});

describe('what an acronym stands for', () => {
  it('knows the question, in capitals for "mean"', () => {
    expect(acronymAsked('What does WSJ stand for in the report?')).toBe('WSJ');
    expect(acronymAsked("what's the imf short for")).toBe('imf');
    expect(acronymAsked('what does ECB mean?')).toBe('ECB');
    expect(acronymAsked('what does sovereignty mean?')).toBeUndefined();
    // "Stand for" as support: the question goes on about something else.
    expect(acronymAsked('what does the UK stand for in these talks?')).toBeUndefined();
    expect(acronymAsked('what does WSJ stand for')).toBe('WSJ');
  });

  it('answers with the passage that writes the name out, from the alias list', async () => {
    const answer = ask(await loadSeedLibrary(), { query: 'What does WSJ stand for in the report on the Israeli-type security model?' });
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.text).toContain('Wall Street Journal (WSJ)');
    expect(answer.lead).toContain('Wall Street Journal (WSJ)');
    expect(answer.citations.length).toBeGreaterThan(1);
  });

  it('answers from a definition in a report, the defining passage first', () => {
    const library = libraryOf([
      { id: 'fund', title: 'Fund warns on growth', file: 'fund.md', paragraphs: ['The IMF said growth would slow.', 'The International Monetary Fund (IMF) also cut its forecast for Japan.'] },
      { id: 'other', title: 'Oil rises', file: 'other.md', paragraphs: ['Oil prices rose on Monday.'] },
    ]);
    const answer = ask(library, { query: 'what is the IMF short for?' });
    expect(answer.citations[0]).toMatchObject({ reportId: 'fund', paragraph: 2 });
    expect(answer.lead).toBe('The International Monetary Fund (IMF) also cut its forecast for Japan.');
  });

  it('answers as any question when the reports never write the name out', async () => {
    const answer = ask(await loadSeedLibrary(), { query: 'What does NATO stand for?' });
    expect(answer.citations[0]?.text ?? '').not.toMatch(/North Atlantic Treaty Organi[sz]ation/);
    expect(answer.status).not.toBe('answered');
  });
});

describe('questions about the reports themselves', () => {
  it('who wrote a report: answered from its front matter, cited as its details', () => {
    const answer = ask(library, { query: 'Who wrote the article about the US being unlikely to give Ukraine guarantees?' });
    expect(answer).toMatchObject({ answered: true, about: 'author', reports: [{ reportId: 'us-allies-unlikely-to-give-ukraine-guarantees', author: 'Dave DeCamp' }] });
    expect(answer.citations[0]).toMatchObject({ details: true, paragraph: 0, text: expect.stringContaining('Author: Dave DeCamp') });
    expect(answer.citations[1]!.paragraph).toBeGreaterThan(0);
  });

  it("a report's headline, from its details; a title won is a question about the content", () => {
    const answer = ask(library, { query: "What's the headline of Dave DeCamp's piece?" });
    expect(answer).toMatchObject({ answered: true, about: 'headline', reports: [{ reportId: 'us-allies-unlikely-to-give-ukraine-guarantees' }] });
    expect(answer.citations[0]).toMatchObject({ details: true, text: expect.stringContaining('Title: US, Allies Unlikely') });
    expect(reportDetailAsked('what is the title of the article about the israeli model?')).toBe('headline');
    expect(reportDetailAsked('which story was headlined "no guarantees"?')).toBe('headline');
    expect(reportDetailAsked('what title did she win in 2004?')).toBeUndefined();
    expect(reportDetailAsked("what's the title race looking like?")).toBeUndefined();
    expect(reportDetailAsked('headline us allies unlikely guarantees')).toBe('headline');
    expect(reportDetailAsked('headline inflation in december')).toBeUndefined();
  });

  it('which reports there are on a subject', () => {
    const answer = ask(library, { query: 'which reports are there about the Israeli-type model?' });
    expect(answer).toMatchObject({ about: 'reports', reports: [{ reportId: 'western-allies-weigh-israeli-type-guarantees' }] });
  });
});

describe('the answer leads with its sentence', () => {
  it('gives the best sentence of the first passage, verbatim', () => {
    const answer = ask(library, { query: 'When did the talks resume?' });
    const first = answer.citations[0]!;
    expect(answer.lead).toBe('Talks between Russian and Ukrainian officials resumed on Friday via video link.');
    expect(first.text.slice(...first.sentence!)).toBe(answer.lead);
  });
});
