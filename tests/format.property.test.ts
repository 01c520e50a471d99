import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../src/answer.ts';
import { DISCORD_LIMITS, renderDiscord } from '../src/format/index.ts';
import { createAnalyzer } from '../src/search/analysis.ts';
import { quotedTexts } from './helpers/markdown.ts';

const analyzer = createAnalyzer([['US', 'United States']]);

/** Text with the characters that break naive formatting: Markdown, mentions, links, quotes, emoji. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('**bold**', '__u__', '~~s~~', '`code`', '```js\nx\n```', '||spoiler||', '> quote', '# head', '- item', '[a](https://x.test)', '<@123456789012345678>', '<@&1>', '@everyone', '@here', 'https://example.com/a_b*c', '\\', '“”’', '😀', '\u200b', '\u202e', 'Ukraine', 'the US', ' ', '\n'),
      fc.lorem({ maxCount: 30 }),
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(''));

const citationOf = (text: string, query: string, i: number): Citation => {
  const wanted = new Set(analyzer.terms(query));
  const highlights = analyzer
    .words(text)
    .filter((w) => w.term !== null && wanted.has(w.term))
    .map((w): [number, number] => [w.start, w.end]);
  return { reportId: `r${i}`, title: `Report ${i} **[x](y)**`, paragraph: i + 1, text, score: 1, highlights };
};

describe('Discord formatter (property)', () => {
  it('always fits Discord limits and quotes the corpus text exactly, or marks it shortened', () => {
    fc.assert(
      fc.property(fc.array(hostileText.filter((t) => t.trim().length > 0), { minLength: 1, maxLength: 12 }), hostileText, fc.nat(5), (texts, query, page) => {
        const answer: Answer = { command: 'ask', query, answered: true, citations: texts.map((t, i) => citationOf(t, query, i)) };
        const rendering = renderDiscord(answer, { page, moreButtonId: 'more:x:1' });
        const { message } = rendering;
        expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
        expect(message.embeds.reduce((n, e) => n + e.description.length + (e.title?.length ?? 0), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
        expect(message.allowed_mentions).toEqual({ parse: [], users: [] });
        for (const embed of message.embeds) {
          expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
          const paragraph = Number(/¶(\d+)/.exec(embed.description)![1]);
          const source = texts[paragraph - 1]!;
          const [quote] = quotedTexts(embed.description);
          if (embed.description.includes('*shortened')) {
            for (const piece of quote!.split(' […] ')) expect(source).toContain(piece);
          } else {
            expect(quote).toBe(source);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets echoed user text ping or format', () => {
    fc.assert(
      fc.property(hostileText, (query) => {
        const { message } = renderDiscord({ command: 'ask', query, answered: false, citations: [] });
        expect(message.allowed_mentions).toEqual({ parse: [], users: [] });
        expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        // Every special character of the echo is escaped: no unescaped mention or markup opener.
        const label = '**Question:** ';
        if (message.content.startsWith(label)) {
          const echo = message.content.slice(label.length, message.content.lastIndexOf('\nThe reports'));
          expect(echo.replace(/\\./gs, '')).not.toMatch(/[<@*_`|~[\]\\]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
