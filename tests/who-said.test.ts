import { describe, expect, it } from 'vitest';
import { whoSaid } from '../commands/who-said.ts';
import { UsageError } from '../src/answer.ts';
import { Library } from '../src/search/library.ts';
import { loadSeedLibrary } from './helpers/library.ts';

const library = await loadSeedLibrary();
const said = (name: string) => whoSaid(library, { query: name }).citations.map((c) => [c.paragraph, c.speaker, c.via]);

describe('who-said', () => {
  it('lists every statement of a person, linking later references to the full name, one citation per paragraph', () => {
    expect(said('Andrzej Duda')).toEqual([[4, 'Poland’s President Andrzej Duda', 'WSJ']]);
    const [duda] = whoSaid(library, { query: 'Andrzej Duda' }).citations;
    expect(duda!.statements).toHaveLength(2);
    expect(duda!.statements![1]).toContain('the Polish President');
    expect(duda!.highlights).toHaveLength(2);
    expect(said('Duda')).toEqual(said('Andrzej Duda'));
    expect(said('Polish President')).toEqual(said('Andrzej Duda'));
  });

  it('matches outlets through the aliases, and lists what went through them', () => {
    const ft = whoSaid(library, { query: 'Financial Times' });
    expect(ft.citations.map((c) => c.speaker)).toEqual(['The Financial Times']);
    expect(ft.citations[0]!.text).toContain('sanctions relief');
    const wsj = said('Wall Street Journal');
    expect(wsj).toEqual(said('WSJ'));
    expect(wsj.filter(([, , via]) => via === null).length).toBeGreaterThan(0);
    expect(wsj).toContainEqual([4, 'Poland’s President Andrzej Duda', 'WSJ']);
  });

  it('finds anonymous and group speakers with singular or plural', () => {
    expect(said('Western officials').map(([, speaker]) => speaker)).toEqual(['One Western official', 'Western officials']);
    expect(said('sources')).toEqual([[5, 'Sources', 'CNN']]);
  });

  it('quotes the whole paragraph, with the statement inside it', () => {
    for (const citation of whoSaid(library, { query: 'WSJ' }).citations) {
      const report = library.report(citation.reportId)!;
      expect(citation.text).toBe(report.paragraphs[citation.paragraph - 1]);
      expect(citation.text).toContain(citation.statement);
    }
  });

  it('lists statements in report order, then those that only went through the outlet', () => {
    const citations = whoSaid(library, { query: 'WSJ' }).citations;
    const isWsj = (speaker = '') => /WSJ|Wall Street Journal/.test(speaker);
    const direct = citations.filter((c) => isWsj(c.speaker));
    const through = citations.filter((c) => !isWsj(c.speaker));
    expect(direct.length).toBeGreaterThan(0);
    expect(through.length).toBeGreaterThan(0);
    expect(citations).toEqual([...direct, ...through]);
    for (const group of [direct, through]) {
      const paragraphs = group.map((c) => c.paragraph);
      expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    }
  });

  it('reads a name with a typo as the name meant', () => {
    expect(said('Andrzej Dudda')).toEqual(said('Andrzej Duda'));
  });

  it('declines an unknown name, suggesting only names that look like it', () => {
    const answer = whoSaid(library, { query: 'Andrzej Kowalski' });
    expect(answer).toMatchObject({ answered: false, citations: [] });
    expect(answer.suggestions).toContain('Andrzej Duda');
    expect(answer.suggestions!.every((name) => name.includes('Andrzej'))).toBe(true);
    expect(whoSaid(library, { query: 'Kim Jong Un' }).suggestions).toEqual([]);
  });

  it('refuses an empty name', () => {
    expect(() => whoSaid(library, { query: ' ' })).toThrow(UsageError);
  });

  it('says a person merely mentioned is not quoted, citing the passages that mention them', () => {
    for (const name of ['Yermak', 'Rasmussen', 'Joe Biden', 'Putin']) {
      const answer = whoSaid(library, { query: name });
      expect(answer).toMatchObject({ answered: true, status: 'mentioned-not-quoted' });
      expect(answer.citations.length).toBeGreaterThan(0);
      for (const c of answer.citations) {
        expect(c.speaker).toBeUndefined();
        expect(c.text).toContain(name);
      }
    }
  });

  it('works on a report it has never seen', () => {
    const small = new Library({
      reports: [
        {
          id: 'r',
          title: 'Talks',
          file: 'r.txt',
          paragraphs: [
            'German Chancellor Olaf Scholz said on Monday that Berlin would keep supplying air defence.',
            '“We will not waver,” Scholz told reporters in Berlin.',
            'A spokesperson for the Kremlin, Dmitry Peskov, said the talks were premature.',
            'Xbox frontman J. Allard said the console would be fast. "Our approach is Bruce Lee," Mr Allard said.',
          ],
        },
      ],
      aliases: [['Russia', 'Kremlin', 'Moscow']],
      topics: [],
    });
    expect(whoSaid(small, { query: 'Olaf Scholz' }).citations.map((c) => c.paragraph)).toEqual([1, 2]);
    expect(whoSaid(small, { query: 'Peskov' }).citations.map((c) => c.paragraph)).toEqual([3]);
    // An initial typed with or without its dot finds the person by the full name, "Mr Allard" too.
    for (const typed of ['j allard', 'J. Allard', 'Allard']) expect(whoSaid(small, { query: typed }).citations[0]!.statements).toHaveLength(2);
  });
});

describe('who-said at scale', () => {
  it('lists at most 50 statements, in report order, and says how many there are', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Officials said on day ${i + 1} that talks continued.`);
    const big = new Library({ reports: [{ id: 'r', title: 'R', file: 'r.md', paragraphs }], aliases: [], topics: [] });
    const answer = whoSaid(big, { query: 'officials' });
    expect(answer.citations).toHaveLength(50);
    expect(answer.total).toBe(60);
    expect(answer.citations.map((c) => c.paragraph)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
