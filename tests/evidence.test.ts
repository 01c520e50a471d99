import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/search/analysis.ts';
import { answerKind, bestSentence, hasAnswerKind } from '../src/search/evidence.ts';
import { buildIndex } from '../src/search/index-build.ts';
import { Postings } from '../src/search/postings.ts';
import { countTerms } from '../src/search/term-counts.ts';

describe('answer kinds', () => {
  it.each([
    ['How much did the deal cost?', 'amount'],
    ['how many jobs will go', 'amount'],
    ['how fast did the economy grow?', 'amount'],
    ['how long has the firm been making games?', 'duration'],
    ['what rate will the bank set?', 'amount'],
    ['When does the show start?', 'time'],
    ['who knocked Nadal out?', 'agent'],
    ['Where will the final be played?', 'place'],
    ['Why did the court dismiss the claim?', undefined],
  ])('%s asks for %s', (question, kind) => {
    expect(answerKind(question)).toBe(kind);
  });

  it('finds the kind of answer in a sentence', () => {
    expect(hasAnswerKind('The deal is worth £5.5bn.', 'amount')).toBe(true);
    expect(hasAnswerKind('Shares fell sharply.', 'amount')).toBe(false);
    // A span, not any number: "how long" is not answered by a price.
    expect(hasAnswerKind('It has been making games for some 18 years.', 'duration')).toBe(true);
    expect(hasAnswerKind('They can hold suspects for up to 30 minutes.', 'duration')).toBe(true);
    expect(hasAnswerKind('Qwest has bid $6.3bn for MCI.', 'duration')).toBe(false);
    expect(hasAnswerKind('It opens on Monday.', 'time')).toBe(true);
    expect(hasAnswerKind('It opens in 2005.', 'time')).toBe(true);
    expect(hasAnswerKind('it opens soon.', 'time')).toBe(false);
    expect(hasAnswerKind('He lost to Roger Federer.', 'agent')).toBe(true);
    expect(hasAnswerKind('The match was played in Doha.', 'place')).toBe(true);
  });
});

describe('bestSentence', () => {
  it('picks the sentence whose terms carry most of the query', () => {
    const analyzer = createAnalyzer();
    const text = 'Talks resumed on Friday. The ceasefire held in Geneva while the talks went on. Prices rose.';
    const wanted = new Set(analyzer.terms('ceasefire talks Geneva'));
    const { range, weight } = bestSentence(text, analyzer.words(text), (terms) => [...terms].filter((t) => wanted.has(t)).length);
    expect(text.slice(...range)).toBe('The ceasefire held in Geneva while the talks went on.');
    expect(weight).toBe(3);
  });
});

describe('Postings', () => {
  const analysed = [['talk', 'geneva'], ['grain'], ['talk', 'grain'], ['ceasefir']];

  it('counts each term in each passage, in one pass', () => {
    const counts = countTerms([['talk', 'talk', 'geneva'], ['grain'], ['talk', 'grain', 'grain', 'talk']]);
    expect([...counts.lists]).toEqual([
      ['talk', { passages: [0, 2], counts: [2, 2] }],
      ['geneva', { passages: [0], counts: [1] }],
      ['grain', { passages: [1, 2], counts: [1, 2] }],
    ]);
    expect(counts.lengths).toEqual([3, 1, 4]);
    expect(counts.distinct).toEqual([2, 1, 2]);
  });

  it('tells whether a range of passages holds a term', () => {
    const postings = Postings.fromCounts(countTerms(analysed));
    expect(postings.anyIn('talk', 1, 2)).toBe(false);
    expect(postings.anyIn('talk', 1, 3)).toBe(true);
    expect(postings.anyIn('grain', 0, 1)).toBe(false);
    expect(postings.anyIn('missing', 0, 4)).toBe(false);
  });

  it('reads the same after packing (as a snapshot keeps them), and counts each term\'s passages', () => {
    const built = Postings.fromCounts(countTerms(analysed));
    const restored = Postings.unpack(JSON.parse(JSON.stringify(built.pack())));
    for (const term of ['talk', 'geneva', 'grain', 'ceasefir']) {
      for (let from = 0; from < 4; from++) expect(restored.anyIn(term, from, from + 1)).toBe(built.anyIn(term, from, from + 1));
    }
    expect(new Map(restored.frequencies())).toEqual(new Map([['talk', 2], ['geneva', 1], ['grain', 2], ['ceasefir', 1]]));
  });

  it('refuses packed postings whose lengths do not match their ids', () => {
    const packed = Postings.fromCounts(countTerms(analysed)).pack();
    expect(() => Postings.unpack({ ...packed, terms: packed.terms.slice(1) })).toThrow(/one length per term/);
    expect(() => Postings.unpack({ ...packed, ids: Buffer.from([1, 0, 0, 0]).toString('base64') })).toThrow(/do not match/);
  });
});

describe('the index built from term counts', () => {
  const analyser = createAnalyzer();
  const texts = [
    'Talks in Geneva went on; the talks stalled over grain.',
    '',
    'Grain ships left Odesa, and grain prices fell.',
    'The ceasefire held in Geneva while the talks went on.',
  ];
  const analysed = texts.map((t) => analyser.terms(t));

  it('is the index MiniSearch adds the same terms into, and searches the same', () => {
    const options = { fields: ['text'], tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term };
    const added = new MiniSearch<{ id: number; text: string }>(options);
    added.addAll(analysed.map((terms, id) => ({ id, text: terms.join(' ') })));
    const built = buildIndex<{ id: number; text: string }>(countTerms(analysed), options);
    expect(built.toJSON()).toEqual(added.toJSON());
    for (const query of ['grain', 'talk geneva', 'ceasefir grain'])
      expect(built.search(query)).toEqual(added.search(query));
  });

  it('counts each term in each passage once, with how often it occurs there', () => {
    const counts = countTerms(analysed);
    expect(counts.lists.get('grain')).toEqual({ passages: [0, 2], counts: [1, 2] });
    expect(counts.lengths).toEqual(analysed.map((terms) => terms.length));
    expect(counts.distinct).toEqual(analysed.map((terms) => new Set(terms).size));
  });
});
