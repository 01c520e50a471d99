import { describe, expect, it } from 'vitest';
import { runInsights, type InsightsSource } from '../commands/insights.ts';
import { CSV_MAX_BYTES, DISCORD_LIMITS, insightsCsv, renderInsights, renderInsightsTerminal } from '../src/format/index.ts';
import { outcomeOf, questionKey } from '../src/insights/question.ts';
import type { InsightsRow, InsightsSummary } from '../src/insights/store.ts';
import type { Answer } from '../src/answer.ts';

const long = (n: number) => `${'Why would @everyone **care** about <@123> and `code` '.repeat(10)} ${n}?`;

function fullSummary(): InsightsSummary {
  const questions = Array.from({ length: 10 }, (_, n) => ({ command: 'ask', query: long(n), count: 10 - n }));
  return {
    questions: 100,
    answered: 70,
    partial: 5,
    declined: 25,
    helpful: 3,
    notHelpful: 1,
    unanswered: questions.map((q) => ({ ...q, missing: ['capital', 'australia', 'x'.repeat(80)] })),
    missingWords: Array.from({ length: 10 }, (_, n) => ({ word: `word${n}`, count: 10 - n })),
    votedDown: questions.map((q) => ({ ...q, notHelpful: 2, helpful: 1, citations: Array.from({ length: 50 }, (_, p) => `a-long-report-id-${p}#${p + 1}`) })),
    mostAsked: [{ command: 'sources', query: '', count: 11 }, ...questions.slice(1)],
    mostCited: Array.from({ length: 10 }, (_, n) => ({ reportId: `report-${n}`, count: 10 - n })),
  };
}

describe('questionKey', () => {
  it('folds case, punctuation and word order, and nothing else', () => {
    const key = questionKey('What is the capital of Australia?');
    expect(questionKey('australia: CAPITAL of, the is what')).toBe(key);
    expect(questionKey('What is the capital of Austria?')).not.toBe(key);
  });
});

describe('/insights rendering', () => {
  it('stays within Discord limits with every list full of long questions, which show verbatim and ping no one', () => {
    const source: InsightsSource = { summary: fullSummary, rows: () => [] };
    const message = renderInsights(runInsights(source, {})!);
    expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    const total = message.embeds.reduce((sum, e) => sum + e.description.length + (e.title?.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const embed of message.embeds) expect(embed.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(message.embeds[0]!.description).toContain('`Why would @everyone **care** about <@123> and ˋcodeˋ');
    expect(message.embeds[0]!.description).toMatch(/… and \d+ more$/);
    expect(message.embeds[3]!.description.split('\n')[0]).toBe('11× /sources');
    expect(message.allowed_mentions).toEqual({ parse: [], users: [] });
  });

  it('reads the same on the terminal, questions in quotes as typed', () => {
    const text = renderInsightsTerminal(runInsights({ summary: fullSummary, rows: () => [] }, { days: 7 })!);
    expect(text).toMatch(/^Insights, last 7 days: 100 questions: 70 answered, 5 answered partly, 25 declined\. Votes: 3 helpful, 1 not helpful \(75% helpful\)\./);
    expect(text).toContain('== Questions the reports could not answer ==\n  10× /ask “Why would @everyone **care** about <@123> and `code`');
  });

  it('says when the database is unavailable', () => {
    expect(runInsights({ summary: () => undefined, rows: () => undefined }, {})).toBeUndefined();
    expect(runInsights({ summary: fullSummary, rows: () => undefined }, { export: true })).toBeUndefined();
  });
});

describe('CSV export', () => {
  const row: InsightsRow = {
    time: '2026-01-01T00:00:00.000Z',
    guild: '1',
    source: 'slash',
    command: 'ask',
    query: '=HYPERLINK("http://x", "a, b")\nnext',
    status: 'declined',
    missing: ['a', 'b'],
    citations: [],
    helpful: 0,
    notHelpful: 1,
  };

  it('quotes commas, quotes and line breaks, and keeps a typed formula from running', () => {
    const [, line] = insightsCsv([row]).split('\r\n');
    expect(line).toBe('2026-01-01T00:00:00.000Z,1,slash,ask,"\'=HYPERLINK(""http://x"", ""a, b"")\nnext",declined,a b,,0,1');
  });

  it('keeps to the upload limit with the latest rows, and says so', () => {
    const rows = Array.from({ length: 40_000 }, (_, n) => ({ ...row, time: String(n).padStart(6, '0'), query: 'x'.repeat(250) }));
    const message = renderInsights({ days: 90, summary: fullSummary(), rows });
    const file = message.files![0]!;
    expect(Buffer.byteLength(file.data)).toBeLessThanOrEqual(CSV_MAX_BYTES);
    const kept = file.data.trimEnd().split('\r\n').slice(1);
    expect(kept.at(-1)).toMatch(/^039999,/);
    expect(message.content).toContain(`The CSV has the latest ${kept.length} of 40000 answers`);
  });
});

describe('outcomeOf', () => {
  const answer = (extra: Partial<Answer>): Answer => ({ command: 'ask', query: 'q', answered: false, citations: [], ...extra });

  it('records ask’s status and the words the reports never mention', () => {
    expect(outcomeOf(answer({ status: 'declined', missing: ['Dogecoin'] }))).toEqual({ status: 'declined', missing: ['Dogecoin'] });
    expect(outcomeOf(answer({ answered: true, status: 'partial' }))).toEqual({ status: 'partial', missing: [] });
    expect(outcomeOf(answer({ answered: true, status: 'answered' }))).toEqual({ status: 'answered', missing: [] });
  });

  it('counts a name mentioned but never quoted as answered in part, and other commands by whether they answered', () => {
    expect(outcomeOf(answer({ command: 'who-said', answered: true, status: 'mentioned-not-quoted' })).status).toBe('partial');
    expect(outcomeOf(answer({ command: 'compare', answered: true })).status).toBe('answered');
    expect(outcomeOf(answer({ command: 'sources' })).status).toBe('declined');
  });
});
