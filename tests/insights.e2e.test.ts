// Feedback buttons and /insights through the real discord.js client against the fake Discord, with
// the bot restarted on the same DATA_DIR, and a bot whose database cannot be opened.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SnowflakeUtil } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOTE_THANKS } from '../src/format/index.ts';
import { DAY_MS, type InsightsSummary } from '../src/insights/store.ts';
import { startFakeDiscord, type FakeDiscord, type FakeUserInput, type RecordedRequest } from './fake-discord/index.ts';
import { EPHEMERAL, MANAGE_GUILD, shownMessage, startTestBot, type SentMessage, type TestBot } from './helpers/bot.ts';
import { runCli } from './helpers/cli.ts';
import { quotedTexts } from './helpers/markdown.ts';

const DECLINED = 'What is the capital of Australia?';
const VOTED_DOWN = 'When did the talks resume?';
const question = (value: string) => [{ name: 'question', type: 3, value }];

let fake: FakeDiscord;
let dataDir: string;
let t: TestBot;
beforeAll(async () => {
  fake = await startFakeDiscord();
  dataDir = await mkdtemp(path.join(tmpdir(), 'dossier-data-'));
  t = await startTestBot({ discord: fake, dataDir });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function respond(interaction: { id: string }) {
  const requests = await fake.waitForResponse(interaction.id);
  return { requests, message: shownMessage(requests) };
}
const ask = (value: string, user?: FakeUserInput) => respond(fake.sendSlashCommand({ name: 'ask', options: question(value), ...(user ? { user } : {}) }));
const insights = (target: { memberPermissions: string; roles?: string[] }, options: Array<{ name: string; type: number; value: number | boolean }> = []) =>
  respond(fake.sendSlashCommand({ name: 'insights', options, ...target }));

const buttonsOf = (message: SentMessage) => (message.components ?? []).flatMap((row) => row.components);
const buttonId = (message: SentMessage, label: string) => buttonsOf(message).find((b) => b.label === label)!.custom_id!;
const click = (customId: string, user?: FakeUserInput) => respond(fake.sendButton({ customId, ...(user ? { user } : {}) }));
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const callbackType = (requests: RecordedRequest[]) => (requests.find((r) => r.path.endsWith('/callback'))!.body as { type: number }).type;

/** Within Discord's component rules: at most 5 buttons a row, custom_id 1-100 characters, unique. */
function expectValidButtons(message: SentMessage) {
  const rows = message.components ?? [];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.components.length).toBeLessThanOrEqual(5);
  const ids = buttonsOf(message).map((b) => b.custom_id!);
  for (const id of ids) {
    expect(id.length).toBeGreaterThan(0);
    expect(id.length).toBeLessThanOrEqual(100);
  }
  expect(new Set(ids).size).toBe(ids.length);
}

describe('feedback buttons', () => {
  it('every answer has "Helpful" and "Not helpful", with emoji, next to "More" when there is one', async () => {
    const answered = (await ask(VOTED_DOWN)).message;
    const declined = (await ask(DECLINED)).message;
    const paged = (await respond(fake.sendSlashCommand({ name: 'guarantees' }))).message;
    const sent = fake.sendMessage({ content: `<@${fake.botUser.id}> when did the talks resume?` });
    const reply = (await fake.waitForRequest((r) => (r.body as SentMessage | undefined)?.message_reference?.message_id === sent.id)).body as SentMessage;

    for (const message of [answered, declined, reply]) {
      expectValidButtons(message);
      expect(buttonsOf(message).map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
    }
    expectValidButtons(paged);
    expect(buttonsOf(paged).map((b) => b.label)).toEqual([expect.stringMatching(/^More/), 'Helpful', 'Not helpful']);
    const row = paged.components![0]!.components as Array<{ emoji?: { name: string } }>;
    expect(row.slice(1).map((b) => b.emoji?.name)).toEqual(['👍', '👎']);

    // The next page is an answer of its own to rate.
    const next = (await click(paged.components![0]!.components[0]!.custom_id!)).message;
    expectValidButtons(next);
    expect(buttonId(next, 'Helpful')).not.toBe(buttonId(paged, 'Helpful'));
    expect(fake.violations).toEqual([]);
  });

  it('a vote is acknowledged only to the voter, and the answer is not edited', async () => {
    const { message } = await ask(VOTED_DOWN);
    const { requests, message: ack } = await click(buttonId(message, 'Not helpful'));
    expect(callbackType(requests)).toBe(4);
    expect(ack.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(ack.content).toBe(VOTE_THANKS);
    expect(requests.filter((r) => r.method === 'PATCH')).toEqual([]);

    // The same member again: the vote changes; another member: a vote of their own.
    const changed = (await click(buttonId(message, 'Helpful'))).message;
    expect(changed.content).toBe(`Changed to “Helpful”. ${VOTE_THANKS}`);
    expect((await click(buttonId(message, 'Not helpful'))).message.content).toBe(`Changed to “Not helpful”. ${VOTE_THANKS}`);
    const other = fake.createUser({ username: 'another-reader' });
    expect((await click(buttonId(message, 'Not helpful'), other)).message.content).toBe(VOTE_THANKS);

    const summary = t.bot.context.insights.summary(0)!;
    const votes = summary.votedDown.find((q) => q.query === VOTED_DOWN)!;
    expect(votes).toMatchObject({ notHelpful: 2, helpful: 0 });
  });

  it('an answer older than the retention window can no longer be rated', async () => {
    const old = SnowflakeUtil.generate({ timestamp: Date.now() - 91 * DAY_MS }).toString();
    const { message } = await click(`vote:${old}:n`);
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toMatch(/can no longer be rated/);
  });
});

describe('/insights after a restart on the same DATA_DIR', () => {
  beforeAll(async () => {
    await t.close();
    t = await startTestBot({ discord: fake, dataDir });
  });

  it('shows a moderator, ephemerally, the declined question and the answer voted not helpful', async () => {
    const { message } = await insights({ memberPermissions: MANAGE_GUILD });
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toMatch(/Insights, last 30 days: \d+ questions/);
    const [unanswered, , votedDown, mostAsked] = message.embeds!;
    expect(unanswered!.title).toBe('Questions the reports could not answer');
    expect(unanswered!.description).toContain(`/ask \`${DECLINED}\``);
    expect(votedDown!.title).toBe('Answers voted not helpful');
    expect(votedDown!.description).toMatch(new RegExp(`^2 not helpful, 0 helpful: 1× /ask \`${literally(VOTED_DOWN)}\` · cited us\\\\-allies`, 'm'));
    expect(mostAsked!.description).toContain(VOTED_DOWN);
    expect(fake.violations).toEqual([]);
  });

  it('attaches every recorded answer as CSV with export', async () => {
    const { requests, message } = await insights({ memberPermissions: MANAGE_GUILD }, [
      { name: 'days', type: 4, value: 7 },
      { name: 'export', type: 5, value: true },
    ]);
    expect(message.content).toMatch(/last 7 days/);
    const [file] = requests.find((r) => r.path.endsWith('/callback'))!.files;
    expect(file!.filename).toBe('insights-7d.csv');
    const csv = file!.data.toString();
    expect(csv.split('\r\n')[0]).toBe('time,guild,source,command,query,status,missing,citations,helpful,not_helpful');
    expect(csv).toContain(`,slash,ask,${DECLINED},declined,`);
    expect(csv).toMatch(new RegExp(`,slash,ask,${literally(VOTED_DOWN)},answered,,[^,]+,0,2\\r\\n`));
  });

  it('the CLI reads the same database', async () => {
    const json = await runCli(['insights', '--days', '7', '--json'], '', { DATA_DIR: dataDir });
    expect(json.code).toBe(0);
    const { summary } = JSON.parse(json.stdout) as { summary: InsightsSummary };
    expect(summary.unanswered.map((q) => q.query)).toContain(DECLINED);
    expect(summary.votedDown.map((q) => q.query)).toEqual([VOTED_DOWN]);
  });

  it('/help tells moderators about it', async () => {
    const { message } = await respond(fake.sendSlashCommand({ name: 'help' }));
    expect(message.content).toMatch(/Moderators: `\/insights` lists what the reports could not answer/);
  });

  it('is refused for a member without Manage Server, who sees none of it', async () => {
    const { message } = await insights({ memberPermissions: '0', roles: ['Member'] });
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toMatch(/Only moderators can see insights/);
    expect(JSON.stringify(message)).not.toContain('Australia');
    expect(JSON.stringify(message)).not.toContain('talks resume');
  });
});

describe('a database that cannot be opened', () => {
  beforeAll(async () => {
    // A DATA_DIR that is a regular file: no folder can be made there, even by root.
    const blocker = path.join(dataDir, 'not-a-folder');
    await writeFile(blocker, '');
    await t.close();
    t = await startTestBot({ discord: fake, dataDir: blocker });
  });

  it('answers as always, logs the failure once, and says so to voters and moderators', async () => {
    for (const value of [VOTED_DOWN, DECLINED, VOTED_DOWN]) {
      const { message } = await respond(fake.sendSlashCommand({ name: 'ask', options: question(value) }));
      expect(message.content).toContain(value);
      expectValidButtons(message);
    }
    const { message } = await respond(fake.sendSlashCommand({ name: 'ask', options: question(VOTED_DOWN) }));
    expect(quotedTexts(message.embeds![0]!.description!).join()).toContain('resumed on Friday');
    expect((await click(buttonId(message, 'Not helpful'))).message.content).toMatch(/could not be saved/);
    expect((await insights({ memberPermissions: MANAGE_GUILD })).message.content).toMatch(/Insights are unavailable/);
    const failures = t.logs.filter((line) => line.includes('insights database failed'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('not-a-folder');
  });
});
