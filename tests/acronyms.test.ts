import { describe, expect, it } from 'vitest';
import { acronymAliases } from '../src/search/acronyms.ts';
import { libraryOf } from './helpers/library.ts';

describe('acronyms the reports define', () => {
  it('reads "Long Form (LF)", short linking words left out of the initials', () => {
    const groups = acronymAliases([
      'The International Monetary Fund (IMF) said growth would slow.',
      'Figures from the Office for National Statistics (ONS) showed a rise; the Office of National Statistics (ONS) agreed.',
      'Tourism is 6% of gross domestic product (GDP), and the rest (ABC) is not spelled by its words.',
    ]);
    expect(groups).toEqual([
      ['GDP', 'gross domestic product'],
      ['IMF', 'international monetary fund'],
      ['ONS', 'office for national statistics', 'office of national statistics'],
    ]);
  });

  it('leaves out an acronym defined for two things, a two-letter one, a stop word, and what an alias already has', () => {
    const groups = acronymAliases(
      [
        'The producer price index (PPI) rose.',
        'The Pensions Policy Institute (PPI) disagreed.',
        'His national insurance (NI) number.',
        'The World Health Organisation (WHO) warned.',
        'The Wall Street Journal (WSJ) reported it.',
      ],
      [['WSJ', 'Wall Street Journal']],
    );
    expect(groups).toEqual([]);
  });

  it('lets a question name the thing either way', () => {
    const library = libraryOf([
      { id: 'fund', title: 'Fund warns on debt', file: 'fund.md', paragraphs: ['The International Monetary Fund (IMF) warned on debt.', 'The IMF said Argentina must repay its loans within five years.'] },
      { id: 'trade', title: 'Exports rise', file: 'trade.md', paragraphs: ['Exports of cars rose by a tenth in March, the ministry said.'] },
    ]);
    const hit = library.search('within how many years must argentina repay the international monetary fund?').hits[0];
    expect(hit).toMatchObject({ report: { id: 'fund' }, passage: { paragraph: 2 } });
    expect(hit!.matched).toContain('imf');
  });
});
