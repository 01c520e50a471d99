// The bot through the real discord.js client against the local fake Discord: what the fake received.
import { writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APOLOGY } from '../src/discord/interactions.ts';
import type { RecordedRequest } from './fake-discord/index.ts';
import { EPHEMERAL, MANAGE_GUILD, REINDEX_WAIT, shownMessage, startTestBot, type SentMessage, type TestBot } from './helpers/bot.ts';
import { quotedTexts } from './helpers/markdown.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ moderatorRoles: (fake) => [fake.roleId('Moderator')] });
});
afterAll(async () => {
  await t?.close();
});

const str = (name: string, value: string) => ({ name, type: 3, value });

async function slash(name: string, options: Array<{ name: string; type: number; value?: string | number | boolean }> = [], target: Record<string, unknown> = {}) {
  const interaction = t.fake.sendSlashCommand({ name, options, ...target });
  const requests = await t.fake.waitForResponse(interaction.id, undefined, name === 'reindex' ? REINDEX_WAIT : {});
  return { interaction, requests, message: shownMessage(requests) };
}

/** Every quote in a message is a verbatim paragraph of the corpus, followed by its citation. */
function expectCitedQuotes(message: SentMessage) {
  const paragraphs = t.paragraphs();
  const quotes = (message.embeds ?? []).flatMap((embed) => quotedTexts(embed.description!));
  expect(quotes.length).toBeGreaterThan(0);
  for (const quote of quotes) expect(paragraphs).toContain(quote);
  for (const embed of message.embeds!) {
    if (embed.description!.startsWith('> ')) expect(embed.description).toMatch(/¶\d+/);
  }
}

const shownText = (message: SentMessage) => (message.embeds ?? []).flatMap((e) => quotedTexts(e.description!)).join('\n');

function expectNoPings(message: SentMessage, except: string[] = []) {
  expect(message.allowed_mentions).toMatchObject({ parse: [], users: except });
}

describe('slash commands', () => {
  it('/ask answers with a quoted paragraph and its citation, pinging nobody', async () => {
    const { message } = await slash('ask', [str('question', 'When did the talks resume?')]);
    expectCitedQuotes(message);
    expect(shownText(message)).toContain('resumed on Friday');
    expectNoPings(message);
    expect(message.flags ?? 0).toBe(0);
  });

  it.each([
    ['who-said', [str('speaker', 'Andrzej Duda')]],
    ['compare', [str('topic', 'NATO membership')]],
    ['guarantees', [str('party', 'Germany')]],
    ['sources', [str('report', 'us-allies-unlikely-to-give-ukraine-guarantees')]],
  ])('/%s answers with cited quotes', async (name, options) => {
    if (name === 'who-said' && !t.bot.dossier.command('who-said')) return; // added with the who-said command
    const { message } = await slash(name, options);
    expectCitedQuotes(message);
    expectNoPings(message);
  });

  it('/sources lists the reports', async () => {
    const { message } = await slash('sources');
    expect(message.embeds![0]!.description).toContain('US, Allies Unlikely to Give Ukraine the Security Guarantees It Wants');
    expectNoPings(message);
  });

  it('hide makes the answer ephemeral', async () => {
    const { message } = await slash('ask', [str('question', 'When did the talks resume?'), { name: 'hide', type: 5, value: true }]);
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('mention pings only that user', async () => {
    const member = t.fake.createUser({ username: 'reader' });
    const { message, requests } = await slash('ask', [str('question', 'When did the talks resume?'), { name: 'mention', type: 6, value: member.id }]);
    expect(message.content!.startsWith(`<@${member.id}>`)).toBe(true);
    expectNoPings(message, [member.id]);
    const sent = requests.find((r) => r.path.endsWith('/callback'))!;
    expect(sent.pings).toMatchObject({ users: [member.id], roles: [], everyone: false });
  });

  it('a question the reports do not cover gets a polite decline, and an empty one an ephemeral hint', async () => {
    const declined = await slash('ask', [str('question', 'What is the capital of Australia?')]);
    expect(declined.message.content).toMatch(/don't cover this|never mention/);
    expect(declined.message.embeds).toEqual([]);
    const empty = await slash('ask', [str('question', '   ')]);
    expect(empty.message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(empty.message.content).toMatch(/type a question/);
  });

  it('/help lists the commands, ephemeral', async () => {
    const { message } = await slash('help');
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    for (const name of ['ask', 'compare', 'sources', 'guarantees']) expect(message.content).toContain(`/${name}`);
  });
});

describe('autocomplete and paging', () => {
  async function choicesFor(name: string, option: string, value: string) {
    const interaction = t.fake.sendAutocomplete({ name, options: [{ name: option, type: 3, value, focused: true }] });
    const [callback] = await t.fake.waitForResponse(interaction.id);
    const body = callback!.body as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(body.type).toBe(8);
    const { choices } = body.data;
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeGreaterThanOrEqual(1);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    return choices;
  }

  it('suggests questions, reports and parties within the limits', async () => {
    const questions = await choicesFor('ask', 'question', 'security guar');
    expect(questions[0]).toEqual({ name: 'security guar', value: 'security guar' });
    expect(questions.length).toBeGreaterThan(1);
    const reports = await choicesFor('compare', 'first', 'israeli');
    expect(reports).toEqual([{ name: 'Western allies weigh Israeli-type security guarantees for Ukraine', value: 'western-allies-weigh-israeli-type-guarantees' }]);
    expect((await choicesFor('sources', 'report', '')).length).toBe(2);
    const parties = await choicesFor('guarantees', 'party', 'pol');
    expect(parties.map((c) => c.value)).toContain('Poland');
  });

  it('pages through a long answer with the More button, and handles an expired one', async () => {
    const first = await slash('guarantees');
    const button = first.message.components?.[0]?.components[0];
    expect(button?.custom_id).toMatch(/^more:/);
    const shown = new Set(first.message.embeds!.map((e) => e.description));

    const click = t.fake.sendButton({ customId: button!.custom_id! });
    const next = shownMessage(await t.fake.waitForResponse(click.id));
    const update = t.fake.responsesFor(click.id).find((r) => r.path.endsWith('/callback'))!;
    expect((update.body as { type: number }).type).toBe(7);
    expectCitedQuotes(next);
    for (const embed of next.embeds!) expect(shown.has(embed.description)).toBe(false);

    const expired = t.fake.sendButton({ customId: 'more:0000000000000000:1' });
    const gone = shownMessage(await t.fake.waitForResponse(expired.id));
    expect(gone.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(gone.content).toMatch(/expired/);
  });
});

describe('mentions', () => {
  const replyTo = (id: string) => (r: RecordedRequest) =>
    r.method === 'POST' && r.path === `/channels/${t.fake.channelId}/messages` && (r.body as SentMessage).message_reference?.message_id === id;

  it('answers a direct mention with a reply that pings nobody', async () => {
    const sent = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> when did the talks resume?` });
    const reply = await t.fake.waitForRequest(replyTo(sent.id));
    const body = reply.body as SentMessage;
    expectCitedQuotes(body);
    expect(body.allowed_mentions).toMatchObject({ parse: [], replied_user: false });
    expect(reply.pings).toMatchObject({ users: [], roles: [], everyone: false, repliedUser: false });
  });

  it('answers a mention in a thread', async () => {
    const sent = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> what did the Financial Times report?`, channelId: t.fake.threadId });
    const reply = await t.fake.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${t.fake.threadId}/messages` && (r.body as SentMessage).message_reference?.message_id === sent.id,
    );
    expect(shownText(reply.body as SentMessage)).toContain('sanctions relief');
  });

  it('gives a short help for a mention with no question', async () => {
    const sent = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}>` });
    const reply = await t.fake.waitForRequest(replyTo(sent.id));
    expect((reply.body as SentMessage).content).toMatch(/mentioning me with a question/);
  });

  it('ignores bots, role mentions and @everyone', async () => {
    const fromBot = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> when did the talks resume?`, author: { bot: true, username: 'otherbot' } });
    const roleOnly = t.fake.sendMessage({ content: `<@&${t.fake.roleId('Member')}> when did the talks resume?` });
    const everyone = t.fake.sendMessage({ content: '@everyone when did the talks resume?' });
    // Messages are handled in order: once the last one is answered, the earlier ones were seen.
    const last = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> when did the talks resume?` });
    await t.fake.waitForRequest(replyTo(last.id));
    for (const ignored of [fromBot, roleOnly, everyone]) {
      expect(t.fake.requests.some(replyTo(ignored.id))).toBe(false);
    }
  });
});

describe('/reindex', () => {
  const reportPath = () => path.join(t.corpusDir, 'grain-deal.txt');
  const builds = () => t.logs.filter((line) => line.includes('"library built"')).length;

  it('is refused for a member without Manage Server or a moderator role, and reloads nothing', async () => {
    const before = builds();
    const { message } = await slash('reindex', [], { memberPermissions: '0', roles: ['Member'] });
    expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toMatch(/Only moderators/);
    expect(builds()).toBe(before);
  });

  it('by a moderator makes a new report answerable, and says what changed', async () => {
    await writeFile(reportPath(), 'Grain Deal Extended\n\nThe Black Sea grain corridor deal was extended for 120 days.\n');
    const { message } = await slash('reindex', [], { memberPermissions: MANAGE_GUILD });
    expect(message.content).toMatch(/Reindexed/);
    expect(message.content).toContain('grain-deal');
    const { message: answer } = await slash('ask', [str('question', 'Was the grain corridor deal extended?')]);
    expect(shownText(answer)).toContain('grain corridor');
  });

  it('accepts a moderator role instead of the permission', async () => {
    const { message } = await slash('reindex', [], { memberPermissions: '0', roles: ['Moderator'] });
    expect(message.content).toMatch(/Reindexed/);
  });

  it('refuses a corpus with a broken report, naming it, and keeps answering from the old index', async () => {
    const broken = path.join(t.corpusDir, 'broken.md');
    await writeFile(broken, '---\nid: [oops\n---\n\nText.\n');
    try {
      const { message } = await slash('reindex', [], { memberPermissions: MANAGE_GUILD });
      expect(message.content).toMatch(/refused/);
      expect(message.content).toContain('broken.md');
      const { message: answer } = await slash('ask', [str('question', 'When did the talks resume?')]);
      expectCitedQuotes(answer);
    } finally {
      await rm(broken);
    }
  });

  it('runs one reload for two requests at once', async () => {
    const before = builds();
    const a = t.fake.sendSlashCommand({ name: 'reindex', memberPermissions: MANAGE_GUILD });
    const b = t.fake.sendSlashCommand({ name: 'reindex', memberPermissions: MANAGE_GUILD });
    const [ra, rb] = await Promise.all([t.fake.waitForResponse(a.id, undefined, REINDEX_WAIT), t.fake.waitForResponse(b.id, undefined, REINDEX_WAIT)]);
    expect(shownMessage(ra).content).toMatch(/Reindexed/);
    expect(shownMessage(rb).content).toMatch(/Reindexed/);
    expect(builds()).toBe(before + 1);
  });
});

describe('resilience', () => {
  it('resumes after the gateway drops and answers the next command', async () => {
    t.fake.dropConnections();
    await t.fake.waitForResume();
    const { message } = await slash('ask', [str('question', 'When did the talks resume?')]);
    expectCitedQuotes(message);
  });

  it('answers a failing handler with an ephemeral apology, then keeps answering', async () => {
    const spy = vi.spyOn(t.bot.dossier, 'answer').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    try {
      const { message } = await slash('ask', [str('question', 'When did the talks resume?')]);
      expect(message.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(message.content).toBe(APOLOGY);
      expect(t.logs.some((l) => l.includes('"interaction failed"') && l.includes('boom'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
    const { message } = await slash('ask', [str('question', 'When did the talks resume?')]);
    expectCitedQuotes(message);
  });

  it('sent nothing Discord would reject', () => {
    expect(t.fake.violations).toEqual([]);
    expect(t.fake.unknownRoutes).toEqual([]);
  });
});
