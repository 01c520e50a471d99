import { describe, expect, it } from 'vitest';
import { spreadOverReports, whoSaid } from '../commands/who-said.ts';
import type { Report } from '../src/corpus/report.ts';
import { renderDiscord, renderTerminal } from '../src/format/index.ts';
import { editDistance } from '../src/search/spelling.ts';
import { Library } from '../src/search/library.ts';
import { BANK, TOMLINSON, WEIR } from './fixtures/bbc-paragraphs.ts';

const report = (id: string, title: string, paragraphs: string[]): Report => ({ id, title, file: `${id}.txt`, paragraphs });
const library = new Library({
  reports: [
    report('wippit', 'Music service launches', [
      'Wippit chief executive Paul Myers said the service would open in May.',
      '"We are ready for it," Mr Myers said. "Nobody else has the catalogue."',
    ]),
    report('blair', 'Blair on the talks', ['A spokesman for Mr Blair said the talks had gone well.', 'Mr Blair said he was pleased with the outcome.']),
    report('bank', "US bank 'loses' customer details", [BANK]),
    report('tomlinson', TOMLINSON.title, [TOMLINSON.paragraph]),
    report('weir', 'Weir poised for Sunderland move', WEIR),
    report('poster', "Labour pig poster 'anti-Semitic'", [
      'Prospective Tory candidate Andrew Mennear, whose Finchley constituency contains a large Jewish community, branded it "tasteless" and offensive.',
      'Mr Mennear said he had been "shocked" by the image. "It clearly wasn\'t thought through."',
    ]),
  ],
  aliases: [],
  topics: [],
});
const said = (name: string) => whoSaid(library, { query: name }).citations.map((c) => [c.reportId, c.paragraph, c.speaker]);

describe('who-said on real quotes', () => {
  it('finds a speaker by a role in other words, from what the report says of them anywhere', () => {
    const myers = [
      ['wippit', 1, 'Wippit chief executive Paul Myers'],
      ['wippit', 2, 'Mr Myers'],
    ];
    expect(said('the Wippit boss')).toEqual(myers);
    expect(said('Wippit chief executive')).toEqual(myers);
    expect(said('Larne boss')).toEqual([
      ['weir', 2, 'he'],
      ['weir', 3, 'he'],
    ]);
  });

  it("a role and words only one mention has ('whose Finchley constituency') find all of that person's statements", () => {
    expect(said('tory candidate in finchley')).toEqual([
      ['poster', 1, 'Prospective Tory candidate Andrew Mennear, whose Finchley constituency contains a large Jewish community'],
      ['poster', 2, 'Mr Mennear'],
    ]);
  });

  it('matches the organisation of a role in the paragraph or headline when the description leaves it out', () => {
    expect(said('Bank of America spokeswoman')).toEqual([['bank', 1, 'Alexandra Tower, a spokeswoman for the North Carolina-based bank']]);
    expect(said("Tomlinson's coach")).toEqual([['tomlinson', 1, 'his coach Peter Stanley']]);
    expect(said('Tomlinson')).toEqual([]);
  });

  it("lists the person's own statements before those of their spokesman", () => {
    expect(said('Mr Blair')).toEqual([
      ['blair', 2, 'Mr Blair'],
      ['blair', 1, 'A spokesman for Mr Blair'],
    ]);
  });

  it('reads a typo as the name meant', () => {
    expect(said('Paul Myres')).toEqual(said('Paul Myers'));
    expect(said('McGeogh').length).toBe(2);
  });

  it('reads no typos in pasted text: only a name-sized query is corrected', () => {
    const pasted = Array.from({ length: 3000 }, (_, i) => `mayers${i}`).join(' ');
    const started = performance.now();
    expect(library.speakers.find(pasted)).toEqual([]);
    expect(library.speakers.similar(pasted, 5)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers a name mentioned but never quoted with the passages naming it', () => {
    const answer = whoSaid(library, { query: 'Robbie Weir' });
    expect(answer).toMatchObject({ answered: true, status: 'mentioned-not-quoted' });
    expect(answer.citations.map((c) => [c.reportId, c.paragraph])).toEqual([
      ['weir', 1],
      ['weir', 2],
    ]);
    expect(renderTerminal(answer)).toContain('mention “Robbie Weir” but do not quote them');
    expect(renderDiscord(answer).message.content).toContain('do not quote them');
  });

  it('shows each statement itself in the terminal, all of them for a paragraph with several', () => {
    const answer = whoSaid(library, { query: 'Paul Myers' });
    const [, second] = answer.citations;
    expect(second!.statements).toEqual(['"We are ready for it," Mr Myers said.', '"Nobody else has the catalogue."']);
    const text = renderTerminal(answer);
    expect(text).toContain('    “"We are ready for it," Mr Myers said.”\n    “"Nobody else has the catalogue."”');
    const bank = renderTerminal(whoSaid(library, { query: 'Alexandra Tower' }));
    expect(bank).toContain('we believe those tapes to be lost');
    expect(bank).not.toContain('Secret Service');
  });
});

describe('spreadOverReports', () => {
  it('keeps everything within the limit', () => {
    expect(spreadOverReports(['a1', 'a2', 'b1'], (s) => s[0]!, 5)).toEqual(['a1', 'a2', 'b1']);
  });

  it('covers as many reports as it can, in the original order', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1', 'c2'];
    expect(spreadOverReports(items, (s) => s[0]!, 4)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(spreadOverReports(items, (s) => s[0]!, 3)).toEqual(['a1', 'b1', 'c1']);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit, and stops past the allowance', () => {
    expect(editDistance('myres', 'myers')).toBe(1);
    expect(editDistance('dudda', 'duda')).toBe(1);
    expect(editDistance('kennedy', 'kenedy')).toBe(1);
    expect(editDistance('federer', 'federal', 1)).toBe(2);
  });
});
