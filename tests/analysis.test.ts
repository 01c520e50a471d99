import { describe, expect, it } from 'vitest';
import { createAnalyzer, fold } from '../src/search/analysis.ts';

const aliases = [
  ['US', 'United States', 'America', 'American', 'Washington'],
  ['Ukraine', 'Ukrainian', 'Kyiv', 'Kiev'],
  ['WSJ', 'Wall Street Journal'],
  ['FT', 'Financial Times'],
  ['NATO', 'alliance'],
  ['Poland', 'Polish'],
  ['Russia', 'Russian', 'Moscow', 'Kremlin'],
];
const analyzer = createAnalyzer(aliases);
const terms = (text: string) => analyzer.terms(text);

describe('text analysis', () => {
  it('folds case, accents and typographic quotes', () => {
    expect(fold('Ukraine’s “café”')).toBe("Ukraine's “cafe”");
    expect(terms('CAFÉ café Cafe')).toEqual(['cafe', 'cafe', 'cafe']);
    expect(terms('Russia’s')).toEqual(terms("Russia's"));
  });

  it('drops stop words and question framing', () => {
    expect(terms('What did they say about the talks?')).toEqual(['talk']);
    expect(terms('what is it')).toEqual([]);
    // "won't" is one word ("wont"); "won" alone is the verb, which who-won questions turn on.
    expect(terms("Who won? It won't matter.")).toEqual(['won', 'matter']);
    // "own" is what "which companies own Airbus?" asks; "lets" and "whats" are contractions typed bare.
    expect(terms('which firms own it? lets see whats next')).toEqual(['firm', 'own', 'see', 'next']);
  });

  it('stems with Porter2, which keeps "news" intact', () => {
    expect(terms('guarantees guarantee guaranteed')).toEqual(['guarante', 'guarante', 'guarante']);
    expect(terms('news')).toEqual(['news']);
    expect(terms('involvement involved')).toEqual(['involv', 'involv']);
  });

  it('keeps codes and models as written, which Porter2 mangles, but for their plural', () => {
    // Porter2 makes "mp3" "mpi", "A380s" "ay80" and "mp3s" "mpys", so the plural missed the singular.
    expect(terms('MP3 mp3s A380 A380s win32 4x4s')).toEqual(['mp3', 'mp3', 'a380', 'a380', 'win32', '4x4']);
    // A decade is not a plural of its year.
    expect(terms('the 1990s')).toEqual(['1990s']);
  });

  it('maps aliases to one term, phrases included', () => {
    expect(terms('the United States')).toEqual(['us']);
    expect(terms('US')).toEqual(['us']);
    expect(terms('U.S.')).toEqual(['us']);
    expect(terms('Washington America Americans')).toEqual(['us', 'us', 'us']);
    expect(terms('Kiev Kyiv Ukrainians')).toEqual(['ukraine', 'ukraine', 'ukraine']);
    expect(terms('the Wall Street Journal’s report')).toEqual(['wsj', 'report']);
    expect(terms('The Financial Times reported')).toEqual(['ft', 'report']);
    expect(terms('one alliance member')).toEqual(['one', 'nato', 'member']);
    expect(terms('Polish President')).toEqual(['poland', 'presid']);
    expect(terms('the Kremlin and Moscow')).toEqual(['russia', 'russia']);
  });

  it('keeps the pronoun "us" apart from the US: capitals decide', () => {
    expect(terms('tell us more')).toEqual([]);
    expect(terms('tell us about the US')).toEqual(['us']);
  });

  it('gives word offsets in the original text, for highlighting', () => {
    const text = 'Poland’s President told the Wall Street Journal.';
    const words = analyzer.words(text).filter((w) => w.term !== null);
    expect(words.map((w) => [text.slice(w.start, w.end), w.term])).toEqual([
      ['Poland’s', 'poland'],
      ['President', 'presid'],
      ['Wall Street Journal', 'wsj'],
    ]);
  });

  it('indexes a hyphenated compound once more as one word, so that "email" finds "e-mail"', () => {
    const text = 'Send an e-mail to the anti-virus firm about the state-of-the-art x-ray.';
    expect(terms(text)).toEqual(['send', 'e', 'mail', 'email', 'anti', 'virus', 'antivirus', 'firm', 'state', 'art', 'stateoftheart', 'x', 'ray', 'xray']);
    // As typed, the compound is its parts: a query asks by them.
    expect(analyzer.tokenize('an e-mail')).toEqual(['an', 'e', 'mail']);
    const joined = analyzer.words(text).filter((w) => w.joined);
    expect(joined.map((w) => [text.slice(w.start, w.end), w.term])).toEqual([
      ['e-mail', 'email'],
      ['anti-virus', 'antivirus'],
      ['state-of-the-art', 'stateoftheart'],
      ['x-ray', 'xray'],
    ]);
    // Not scores, abbreviations or loose dashes.
    expect(terms('a 2-1 win, the U.S.-led plan, well--known, e-')).toEqual(['2', '1', 'win', 'us', 'led', 'plan', 'well', 'known', 'e']);
  });

  it('indexes a number in groups of thousands once more without its commas, so that "7000" finds "7,000"', () => {
    expect(terms('Qantas may move 7,000 jobs, bids at 1,050-1,125 rupees, 1,234,567 votes')).toEqual(['qanta', 'may', 'move', '7', '000', '7000', 'job', 'bid', '1', '050', '1050', '1', '125', '1125', 'rupe', '1', '234', '567', '1234567', 'vote']);
    expect(analyzer.tokenize('7,000 jobs')).toEqual(['7', '000', 'jobs']);
    // Not a list, a decimal comma or a spaced comma.
    expect(terms('scores of 2,3 and 12,34 and 1, 000')).toEqual(['score', '2', '3', '12', '34', '1', '000']);
  });

  it('gives the same terms whether or not a paragraph needs word offsets', () => {
    for (const text of ['The U.S. and the e-mail.', 'No dots, no hyphens here.', 'Some 7,000 jobs, 1,234,567 votes.', 'An e-mail to the Wall Street Journal’s office.', 'The U.S.-led anti-terror plan']) {
      expect(terms(text)).toEqual(analyzer.words(text).flatMap((w) => (w.term === null ? [] : [w.term])));
    }
  });
});
