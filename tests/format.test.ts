import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../src/answer.ts';
import { DISCORD_LIMITS, renderDiscord, renderJson, renderTerminal } from '../src/format/index.ts';
import { quoteOf, unformatQuote } from './helpers/markdown.ts';

const citation = (text: string, extra: Partial<Citation> = {}): Citation => ({
  reportId: 'r',
  title: 'A Report',
  paragraph: 2,
  text,
  score: 1,
  ...extra,
});
const answerOf = (citations: Citation[], extra: Partial<Answer> = {}): Answer => ({
  command: 'ask',
  query: 'what about it?',
  answered: true,
  citations,
  ...extra,
});

function expectWithinLimits(message: ReturnType<typeof renderDiscord>['message']) {
  expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    total += embed.description.length + (embed.title?.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
}

describe('Discord rendering', () => {
  it('quotes the paragraph verbatim with the matched words in bold, then cites it', () => {
    const text = 'Talks between Russian and Ukrainian officials resumed on Friday via video link.';
    const { message } = renderDiscord(
      answerOf([citation(text, { highlights: [[0, 5], [46, 53]], author: 'Dave DeCamp', url: 'https://example.com/r' })]),
    );
    const description = message.embeds[0]!.description;
    expect(description).toContain('> **Talks** between Russian and Ukrainian officials **resumed** on Friday via video link.');
    expect(unformatQuote(quoteOf(description))).toBe(text);
    expect(description).toContain('A Report, Dave DeCamp, ¶2');
    expect(description).toContain('[source](<https://example.com/r>)');
  });

  it('escapes Markdown and mentions in the quote so they render literally', () => {
    const text = 'He said *this* and __that__ to <@123> and @everyone: `code` ||spoiler|| [link](https://x.test) # not a heading';
    const { message } = renderDiscord(answerOf([citation(text)]));
    const quote = quoteOf(message.embeds[0]!.description);
    expect(quote).not.toMatch(/(?<!\\)[*_`|<@[\]]/);
    expect(unformatQuote(quote)).toBe(text);
  });

  it('sets allowed_mentions on every payload so nobody is pinged', () => {
    for (const answer of [answerOf([citation('x')]), answerOf([], { answered: false }), answerOf([], { error: 'Bad <@1> @here' })]) {
      expect(renderDiscord(answer).message.allowed_mentions).toEqual({ parse: [], users: [] });
    }
  });

  it('pings only the user the answer is addressed to', () => {
    const { message } = renderDiscord(answerOf([citation('x')]), { mentionUserId: '42' });
    expect(message.content.startsWith('<@42>')).toBe(true);
    expect(message.allowed_mentions).toEqual({ parse: [], users: ['42'] });
  });

  it('echoes the question escaped, and cut short when very long', () => {
    const { message } = renderDiscord(answerOf([citation('x')], { query: `@everyone **${'x'.repeat(5000)}` }));
    expect(message.content).toContain('\\@everyone \\*\\*');
    expectWithinLimits(message);
  });

  it('pages citations within the limits instead of cutting quotes, with a More button', () => {
    const long = (i: number) => citation(`${i}: ${'word '.repeat(700).trim()}.`, { paragraph: i });
    const answer = answerOf(Array.from({ length: 12 }, (_, i) => long(i + 1)));
    const first = renderDiscord(answer, { moreButtonId: 'more:1' });
    expect(first.pageCount).toBeGreaterThan(1);
    const seen: number[] = [];
    for (let page = 0; page < first.pageCount; page++) {
      const { message } = renderDiscord(answer, { page, moreButtonId: 'more:1' });
      expectWithinLimits(message);
      for (const embed of message.embeds) {
        const paragraph = Number(/¶(\d+)/.exec(embed.description)![1]);
        expect(unformatQuote(quoteOf(embed.description))).toBe(answer.citations[paragraph - 1]!.text);
        seen.push(paragraph);
      }
      expect(message.components.length).toBe(page < first.pageCount - 1 ? 1 : 0);
    }
    expect(seen).toEqual(answer.citations.map((c) => c.paragraph));
  });

  it('shows a paragraph too long for one embed as its matching sentences, marked as shortened', () => {
    const filler = 'Nothing of note happened in this sentence at all. '.repeat(60);
    const text = `${filler}The ceasefire talks resumed on Friday. ${filler}The end.`;
    const start = text.indexOf('ceasefire');
    const { message } = renderDiscord(answerOf([citation(text, { highlights: [[start, start + 9]] })]));
    expectWithinLimits(message);
    const description = message.embeds[0]!.description;
    expect(description).toContain('**ceasefire** talks resumed on Friday.');
    expect(description).toContain('shortened');
    expect(description).toContain('[…]');
    for (const piece of unformatQuote(quoteOf(description)).split(' […] ')) expect(text).toContain(piece);
  });

  it('cuts a single huge sentence at a word boundary, marked as shortened', () => {
    const text = `${'endless '.repeat(900)}clause`;
    const { message } = renderDiscord(answerOf([citation(text)]));
    expectWithinLimits(message);
    expect(text.startsWith(unformatQuote(quoteOf(message.embeds[0]!.description)))).toBe(true);
    expect(message.embeds[0]!.description).toContain('shortened');
  });

  it('says politely that the reports do not cover a question, pointing to /sources', () => {
    const { message } = renderDiscord(answerOf([], { answered: false }));
    expect(message.embeds).toEqual([]);
    expect(message.content).toMatch(/don't cover this/);
    expect(message.content).toContain('/sources');
  });
});

describe('terminal and JSON rendering', () => {
  it('prints each quote verbatim with its source', () => {
    const out = renderTerminal(answerOf([citation('It’s “quoted” *as is*.', { author: 'Jane Roe', url: 'https://e.test' })]));
    expect(out).toContain('[1] “It’s “quoted” *as is*.”');
    expect(out).toContain('— A Report, Jane Roe, ¶2 <https://e.test>');
  });

  it('prints the decline and errors as plain sentences', () => {
    expect(renderTerminal(answerOf([], { answered: false }))).toMatch(/don't cover this/);
    expect(renderTerminal(answerOf([], { answered: false, error: 'Please type a question.' }))).toBe('Please type a question.\n');
  });

  it('renders JSON as the Answer itself on one line', () => {
    const answer = answerOf([citation('a\nb')]);
    const json = renderJson(answer);
    expect(json).not.toContain('\n');
    expect(JSON.parse(json)).toEqual(answer);
  });
});

describe('the answering sentence leads', () => {
  const text = 'Shares fell on Monday. The deal is worth £5.5bn, the company said. Analysts were surprised.';
  const sentence: [number, number] = [23, 66];
  const answer = answerOf([citation(text, { sentence, highlights: [[27, 31]] }), citation('Another paragraph.', { paragraph: 5 })], {
    status: 'answered',
    lead: text.slice(...sentence),
  });

  it('Discord: the first quote has its answering sentence in bold, the paragraph whole', () => {
    const { message } = renderDiscord(answer);
    const description = message.embeds[0]!.description;
    expect(description).toContain('> Shares fell on Monday. **The deal is worth £5.5bn, the company said.** Analysts were surprised.');
    expect(unformatQuote(quoteOf(description))).toBe(text);
  });

  it('terminal and JSON: the sentence first, as a field', () => {
    const terminal = renderTerminal(answer);
    expect(terminal.indexOf('Answer: “The deal is worth £5.5bn, the company said.”')).toBeLessThan(terminal.indexOf('[1]'));
    expect(JSON.parse(renderJson(answer))).toMatchObject({ lead: 'The deal is worth £5.5bn, the company said.', status: 'answered' });
  });

  it('marks closest passages as such, and names what the reports never mention', () => {
    const partial = { ...answer, status: 'partial' as const };
    expect(renderDiscord(partial).message.content).toContain('Closest passages; the reports may not answer this exactly.');
    expect(renderTerminal(partial)).toContain('Closest passages; the reports may not answer this exactly.');
    const declined = answerOf([], { answered: false, status: 'declined', missing: ['Dogecoin'] });
    expect(renderTerminal(declined)).toContain('The reports never mention “Dogecoin”');
    expect(renderDiscord(declined).message.content).toContain('The reports never mention “Dogecoin”');
    const advice = answerOf([], { answered: false, status: 'declined', aboutAsker: true });
    expect(renderTerminal(advice)).toContain('That asks for advice or help for you');
    expect(renderDiscord(advice).message.content).toContain('That asks for advice or help for you');
  });
});
