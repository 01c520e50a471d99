import { describe, expect, it } from 'vitest';
import { compare } from '../commands/compare.ts';
import { sources } from '../commands/sources.ts';
import { runTopic, topicPassages } from '../commands/topic.ts';
import { UsageError } from '../src/answer.ts';
import { Library } from '../src/search/library.ts';
import { loadSeedLibrary } from './helpers/library.ts';

const library = await loadSeedLibrary();
const FIRST = 'us-allies-unlikely-to-give-ukraine-guarantees';
const SECOND = 'western-allies-weigh-israeli-type-guarantees';
const guarantees = library.topics.find((t) => t.name === 'guarantees')!;

describe('compare', () => {
  it('gives one side per report, covered when the report addresses the topic', () => {
    const answer = compare(library, { query: 'NATO membership' });
    expect(answer.sides!.map((s) => [s.reportId, s.covered])).toEqual([
      [FIRST, true],
      [SECOND, true],
    ]);
    for (const side of answer.sides!) {
      expect(side.citations.length).toBeGreaterThanOrEqual(1);
      expect(side.citations.length).toBeLessThanOrEqual(2);
      expect(side.citations.every((c) => c.reportId === side.reportId)).toBe(true);
    }
    expect(answer.citations).toEqual(answer.sides!.flatMap((s) => s.citations));
  });

  it('says which report does not cover the topic', () => {
    const answer = compare(library, { query: 'Article 5' });
    expect(answer.sides!.map((s) => s.covered)).toEqual([true, false]);
    expect(answer.sides![1]!.citations).toEqual([]);
    expect(answer.sides![0]!.citations[0]!.text).toContain('Article 5');
  });

  it('compares just the reports named, by id or title', () => {
    const answer = compare(library, { query: 'Israel', options: { first: 'Western allies weigh' } });
    expect(answer.sides!.map((s) => s.reportId)).toEqual([SECOND]);
    expect(compare(library, { query: 'Israel', options: { first: SECOND, second: FIRST } }).sides!.map((s) => s.reportId)).toEqual([SECOND, FIRST]);
  });

  it('declines a topic no report covers, and refuses an unknown report or an empty topic', () => {
    const answer = compare(library, { query: 'grain exports' });
    expect(answer.answered).toBe(false);
    expect(answer.sides!.every((s) => !s.covered)).toBe(true);
    expect(() => compare(library, { query: 'NATO', options: { first: 'no such report' } })).toThrow(/No report matches/);
    expect(() => compare(library, { query: ' ' })).toThrow(UsageError);
  });
});

describe('topics', () => {
  it('loads the guarantees topic from corpus/topics.yaml', () => {
    expect(guarantees).toMatchObject({ name: 'guarantees', minMatch: 1 });
    expect(guarantees.terms).toContain('security guarantees');
  });

  it('lists the passages on the topic grouped by report, in reading order', () => {
    const answer = runTopic(library, guarantees, { query: '' });
    expect(answer.answered).toBe(true);
    const order = answer.citations.map((c) => [c.reportId, c.paragraph]);
    const sorted = [...order].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    expect(order).toEqual(sorted);
    expect(answer.citations.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringContaining('mutual defense treaty')]));
    // The author's bio and other passages off the topic are left out.
    expect(answer.citations.some((c) => c.text.includes('news editor'))).toBe(false);
  });

  it('narrows to a party, with aliases', () => {
    const germany = runTopic(library, guarantees, { query: 'Germany' });
    expect(germany.citations.map((c) => c.paragraph)).toEqual([7, 8]);
    const poland = runTopic(library, guarantees, { query: 'Polish' });
    expect(poland.citations.every((c) => /Poland|Polish/.test(c.text))).toBe(true);
    expect(poland.citations.length).toBeGreaterThan(0);
    const us = runTopic(library, guarantees, { query: 'United States' });
    expect(us.citations.length).toBeGreaterThan(0);
    expect(us.citations.every((c) => /\bUS\b/.test(c.text))).toBe(true);
    expect(runTopic(library, guarantees, { query: 'Japan' })).toMatchObject({ answered: false, citations: [] });
  });

  it('is defined by data: a new topic works without code', () => {
    const small = new Library({
      reports: [{ id: 'r', title: 'R', file: 'r.md', paragraphs: ['Grain exports rose.', 'The talks stalled.', 'Grain prices and exports fell.'] }],
      aliases: [],
      topics: [{ name: 'grain', description: 'Grain trade', terms: ['grain exports', 'grain prices'], minMatch: 1 }],
    });
    expect(topicPassages(small, small.topics[0]!).map((p) => p.passage.paragraph)).toEqual([1, 3]);
    expect(topicPassages(small, { ...small.topics[0]!, minMatch: 2 }).map((p) => p.passage.paragraph)).toEqual([3]);
  });
});

describe('sources', () => {
  it('lists the reports with what is known of them', () => {
    const answer = sources(library, { query: '' });
    expect(answer.reports).toEqual([
      { reportId: FIRST, title: 'US, Allies Unlikely to Give Ukraine the Security Guarantees It Wants', author: 'Dave DeCamp', paragraphs: 8 },
      { reportId: SECOND, title: 'Western allies weigh Israeli-type security guarantees for Ukraine', paragraphs: 8 },
    ]);
  });

  it('shows one report with its first paragraph', () => {
    const answer = sources(library, { query: SECOND });
    expect(answer.reports).toHaveLength(1);
    expect(answer.citations).toMatchObject([{ reportId: SECOND, paragraph: 1 }]);
    expect(answer.citations[0]!.text).toMatch(/^As long as NATO membership/);
  });
});

describe('compare at scale', () => {
  it('compares a large corpus by the reports that cover the topic best, at most 10', () => {
    const reports = Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      title: `Report ${i}`,
      file: `r${i}.md`,
      paragraphs: [i % 3 === 0 ? `Grain exports rose by ${i} percent.` : `Officials met in Geneva on day ${i}.`],
    }));
    const big = new Library({ reports, aliases: [], topics: [] });
    const answer = compare(big, { query: 'grain exports' });
    expect(answer.sides).toHaveLength(10);
    expect(answer.sides!.every((s) => s.covered)).toBe(true);
    expect(compare(big, { query: 'grain exports', options: { first: 'r1', second: 'r3' } }).sides!.map((s) => [s.reportId, s.covered])).toEqual([
      ['r1', false],
      ['r3', true],
    ]);
  });
});
