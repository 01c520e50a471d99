import { describe, expect, it } from 'vitest';
import { editDistance, Speller } from '../src/search/spelling.ts';

const speller = new Speller(
  new Map([
    ['india', 40],
    ['indian', 10],
    ['field', 12],
    ['government', 300],
    ['investigation', 25],
    ['diplomats', 6],
    ['diplomatic', 4],
    ['talks', 90],
    ['deliver', 30],
  ]),
  ['which', 'what', 'in'],
);

describe('editDistance', () => {
  it('counts a swap of two adjacent letters as one edit', () => {
    expect(editDistance('feild', 'field')).toBe(1);
    expect(editDistance('inda', 'india')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('Speller', () => {
  it('corrects a typo to the corpus word, short words and swaps included', () => {
    expect(speller.correct('inda')).toEqual({ word: 'india', stopWord: false });
    expect(speller.correct('feild')).toEqual({ word: 'field', stopWord: false });
    expect(speller.correct('goverment')).toEqual({ word: 'government', stopWord: false });
    expect(speller.correct('investigaton')).toEqual({ word: 'investigation', stopWord: false });
  });

  it('prefers a letter typed once where it is doubled, or twice where it is not, to a more frequent word', () => {
    const names = new Speller(new Map([['per', 900], ['perry', 12], ['sported', 40], ['spotted', 8], ['happening', 30], ['happenings', 90]]), []);
    expect(names.correct('pery')?.word).toBe('perry');
    expect(names.correct('spoted')?.word).toBe('spotted');
    expect(names.correct('happenning')?.word).toBe('happening');
  });

  it('knows a typo of a stop word', () => {
    expect(speller.correct('wich')).toEqual({ word: 'which', stopWord: true });
  });

  it('leaves words the corpus uses, words too far off, and a changed first letter alone', () => {
    expect(speller.correct('india')).toBeUndefined();
    expect(speller.correct('iniesta')).toBeUndefined();
    expect(speller.correct('oindia')).toBeUndefined();
    expect(speller.correct('gield')).toBeUndefined();
  });

  it('corrects one edit only, in long words too: two turn a name into a word ("deliveroo")', () => {
    expect(speller.correct('deliveroo')).toBeUndefined();
    expect(speller.correct('deliverr')).toEqual({ word: 'deliver', stopWord: false });
  });

  it('does not search words past a sane length', () => {
    expect(speller.correct('x'.repeat(100_000))).toBeUndefined();
  });

  it('completes a half-typed word to its most frequent completion', () => {
    expect(speller.complete('diplom')).toBe('diplomats');
    expect(speller.complete('zzz')).toBeUndefined();
  });
});

describe('Speller and numbers', () => {
  it('never corrects a number', () => {
    const years = new Speller(new Map([['2001', 9]]), []);
    expect(years.correct('2021')).toBeUndefined();
  });

  it('never corrects a word with a digit: a model is not a typo of another', () => {
    const models = new Speller(new Map([['ps2', 9], ['hs1', 3]]), []);
    expect(models.correct('ps5')).toBeUndefined();
    expect(models.correct('hs2')).toBeUndefined();
  });
});
