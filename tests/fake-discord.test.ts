// End-to-end checks of the fake Discord with the real discord.js Client (no mocks of discord.js).
import { once } from 'node:events';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  Client,
  type ClientOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  type Interaction,
  type Message,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fake-discord/index.ts';

const isOk = (request: RecordedRequest): boolean => request.status >= 200 && request.status < 300;
const NO_PINGS = { parse: [] as [] };

async function loginClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: fake.apiUrl },
    waitGuildTimeout: 1_000,
    ...options,
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client;
}

/** Lets each test plug in how the bot answers, and await that answer's outcome (error or undefined). */
class InteractionHarness {
  handler: (interaction: Interaction) => Promise<unknown> = async () => undefined;
  private readonly outcomes = new Map<string, { promise: Promise<unknown>; resolve: (value: unknown) => void }>();

  constructor(client: Client) {
    client.on(Events.InteractionCreate, (interaction) => {
      this.handler(interaction).then(
        () => this.entry(interaction.id).resolve(undefined),
        (error: unknown) => this.entry(interaction.id).resolve(error),
      );
    });
  }

  private entry(id: string): { promise: Promise<unknown>; resolve: (value: unknown) => void } {
    let entry = this.outcomes.get(id);
    if (!entry) {
      let resolve!: (value: unknown) => void;
      const promise = new Promise<unknown>((settle) => (resolve = settle));
      entry = { promise, resolve };
      this.outcomes.set(id, entry);
    }
    return entry;
  }

  /** Resolves when the handler for this interaction finished: undefined, or the error it threw. */
  outcome(id: string): Promise<unknown> {
    return this.entry(id).promise;
  }
}

describe('fake Discord with a real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let bot: InteractionHarness;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = await loginClient(fake);
    bot = new InteractionHarness(client);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  beforeEach(() => fake.reset());

  it('logs in: READY then GUILD_CREATE with channels, thread, roles and the bot member', async () => {
    const identify = await fake.waitForIdentify(0);
    expect(identify).toMatchObject({ shardId: 0, shardCount: 1 });
    expect(identify.intents & GatewayIntentBits.MessageContent).toBe(0);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.channels.cache.has(fake.channelId)).toBe(true);
    expect(client.channels.cache.get(fake.threadId)?.isThread()).toBe(true);
    expect(guild?.roles.cache.map((role) => role.name)).toEqual(expect.arrayContaining(['@everyone', 'Moderator', 'Member']));
    expect(guild?.members.cache.has(fake.botUser.id)).toBe(true);
    expect(client.user?.id).toBe(fake.botUser.id);
  });

  it('records a slash-command reply as a type-4 callback without violations', async () => {
    bot.handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: `You asked: ${interaction.options.getString('question', true)}`, allowedMentions: NO_PINGS });
    };
    const interaction = fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'who signed it?' }] });
    const [callback, ...rest] = await fake.waitForResponse(interaction.id);
    expect(rest).toEqual([]);
    expect(callback).toMatchObject({
      method: 'POST',
      path: `/interactions/${interaction.id}/${interaction.token}/callback`,
      status: 204,
      body: { type: 4, data: { content: 'You asked: who signed it?', allowed_mentions: { parse: [] } } },
      pings: { users: [], roles: [], everyone: false, repliedUser: false },
    });
    expect(callback?.headers['authorization']).toBeUndefined();
    expect(await bot.outcome(interaction.id)).toBeUndefined();
    expect(fake.violations).toEqual([]);
  });

  it('reports a reply without allowed_mentions and one over 2000 characters as violations', async () => {
    bot.handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const content = interaction.commandName === 'long' ? 'x'.repeat(2001) : 'hello @everyone';
      await interaction.reply(interaction.commandName === 'long' ? { content, allowedMentions: NO_PINGS } : { content });
    };
    const unsafe = fake.sendSlashCommand({ name: 'unsafe' });
    const unsafeError = await bot.outcome(unsafe.id);
    expect(unsafeError).toBeInstanceOf(DiscordAPIError);
    expect((unsafeError as DiscordAPIError).code).toBe(50035);
    expect(fake.violations).toEqual([expect.stringContaining('data.allowed_mentions')]);

    const long = fake.sendSlashCommand({ name: 'long' });
    const longError = await bot.outcome(long.id);
    expect((longError as DiscordAPIError).message).toContain('BASE_TYPE_MAX_LENGTH');
    expect(fake.violations).toHaveLength(2);
    expect(fake.violations[1]).toMatch(/data\.content: Must be 2000 or fewer in length/);
    expect(fake.responsesFor(long.id).map((request) => request.status)).toEqual([400]);
  });

  it('answers autocomplete and enforces its choice limits', async () => {
    bot.handler = async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      const count = typed === 'many' ? 26 : 2;
      await interaction.respond(Array.from({ length: count }, (_, i) => ({ name: `${typed} ${i}`, value: `${typed}-${i}` })));
    };
    const ok = fake.sendAutocomplete({ name: 'ask', options: [{ name: 'question', type: 3, value: 'al', focused: true }] });
    const [callback] = await fake.waitForResponse(ok.id);
    expect(callback?.body).toEqual({ type: 8, data: { choices: [{ name: 'al 0', value: 'al-0' }, { name: 'al 1', value: 'al-1' }] } });
    expect(fake.violations).toEqual([]);

    const tooMany = fake.sendAutocomplete({ name: 'ask', options: [{ name: 'question', type: 3, value: 'many', focused: true }] });
    expect(await bot.outcome(tooMany.id)).toBeInstanceOf(DiscordAPIError);
    expect(fake.violations).toEqual([expect.stringMatching(/data\.choices: Must be 25 or fewer/)]);
  });

  it('delivers a mention as MESSAGE_CREATE and records message.reply with message_reference', async () => {
    const replied = new Promise<Message>((resolve, reject) => {
      const onMessage = (message: Message): void => {
        if (message.author.bot || !client.user || !message.mentions.has(client.user)) return;
        client.off(Events.MessageCreate, onMessage);
        message.reply({ content: `Looking into: ${message.content}`, allowedMentions: { parse: [], repliedUser: false } }).then(resolve, reject);
      };
      client.on(Events.MessageCreate, onMessage);
    });
    const sent = fake.sendMessage({ content: `<@${fake.botUser.id}> what happened in Lyon?` });
    expect(sent.delivered).toBe(true);
    const reply = await replied;
    const request = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    expect(request.body).toMatchObject({
      // Mentioned, so content arrives even without the MessageContent intent.
      content: `Looking into: <@${fake.botUser.id}> what happened in Lyon?`,
      message_reference: { message_id: sent.id },
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(request.headers['authorization']).toBe(`Bot ${fake.token}`);
    expect(reply.reference?.messageId).toBe(sent.id);
    expect(fake.violations).toEqual([]);
  });

  it('blanks content of messages that do not mention the bot (no MessageContent intent)', async () => {
    const received = once(client, Events.MessageCreate) as Promise<[Message]>;
    fake.sendMessage({ content: 'just chatting' });
    const [message] = await received;
    expect(message.content).toBe('');
    expect(message.author.id).toBe(fake.testUser.id);
    // Without the DirectMessages intent Discord does not deliver DMs at all.
    expect(fake.sendMessage({ content: 'psst', dm: true }).delivered).toBe(false);
  });

  it('resumes after dropped connections and keeps answering', async () => {
    bot.handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here', allowedMentions: NO_PINGS });
    };
    const identifies = fake.identifyCount;
    const resumes = fake.resumeCount;
    fake.dropConnections();
    await fake.waitForResume();
    expect(fake.resumeCount).toBe(resumes + 1);
    expect(fake.identifyCount).toBe(identifies);
    const interaction = fake.sendSlashCommand({ name: 'ask' });
    const [callback] = await fake.waitForResponse(interaction.id);
    expect(callback?.body).toMatchObject({ type: 4, data: { content: 'still here' } });
  });

  it('replays events dispatched while the client was disconnected', async () => {
    bot.handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'replayed', allowedMentions: NO_PINGS });
    };
    fake.dropConnections();
    const interaction = fake.sendSlashCommand({ name: 'ask' });
    await fake.waitForResume();
    const [callback] = await fake.waitForResponse(interaction.id);
    expect(callback?.body).toMatchObject({ data: { content: 'replayed' } });
  });

  it('treats an initial response after the deadline as Unknown interaction', async () => {
    fake.interactionDeadlineMs = 1;
    try {
      bot.handler = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        // Simulate slow work without timers: spin until the 1 ms deadline has certainly passed.
        const start = performance.now();
        while (performance.now() - start < 5);
        await interaction.reply({ content: 'too late', allowedMentions: NO_PINGS });
      };
      const interaction = fake.sendSlashCommand({ name: 'ask' });
      expect(await bot.outcome(interaction.id)).toMatchObject({ code: 10062 });
      expect(fake.violations).toEqual([expect.stringContaining('defer first')]);
    } finally {
      fake.interactionDeadlineMs = 3000;
    }
  });

  it('retries through an injected 500 and 429 and replies exactly once', async () => {
    bot.handler = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'once', allowedMentions: NO_PINGS });
    };
    fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 500 });
    fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfter: 0.05 });
    const interaction = fake.sendSlashCommand({ name: 'ask' });
    const records = await fake.waitForResponse(interaction.id);
    expect(records.map((r) => [r.status, r.failed])).toEqual([[500, true], [429, true], [204, false]]);
    expect(records[1]?.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.05, global: false });
    expect(records.filter(isOk)).toHaveLength(1);
    expect(await bot.outcome(interaction.id)).toBeUndefined();
    expect(fake.pendingFaults).toBe(0);
    expect(fake.violations).toEqual([]);
  });

  it('retries a rate-limited channel message once', async () => {
    fake.failNext({ method: 'POST', pathPattern: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    const channel = client.channels.cache.get(fake.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const message = await channel.send({ content: 'daily digest', allowedMentions: NO_PINGS });
    const posts = fake.requests.filter((r) => r.path === `/channels/${fake.channelId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(message.content).toBe('daily digest');
    expect(fake.violations).toEqual([]);
  });

  it('handles deferReply, editReply (%40original) and followUp', async () => {
    bot.handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'final answer', allowedMentions: NO_PINGS });
      expect((await interaction.fetchReply()).content).toBe('final answer');
      await interaction.followUp({ content: 'sources', allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
    };
    const interaction = fake.sendSlashCommand({ name: 'ask' });
    expect(await bot.outcome(interaction.id)).toBeUndefined();
    const records = fake.responsesFor(interaction.id);
    expect(records.map((r) => `${r.method} ${r.path.replace(interaction.token, 'TOKEN')} ${r.status}`)).toEqual([
      `POST /interactions/${interaction.id}/TOKEN/callback 204`,
      `PATCH /webhooks/${fake.applicationId}/TOKEN/messages/@original 200`,
      `GET /webhooks/${fake.applicationId}/TOKEN/messages/@original 200`,
      `POST /webhooks/${fake.applicationId}/TOKEN 200`,
    ]);
    expect(records[1]?.rawPath).toContain('%40original');
    expect(records[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(fake.violations).toEqual([]);
  });

  it('returns the callback resource with withResponse and accepts file uploads (multipart)', async () => {
    let replyContent: string | undefined;
    bot.handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({
        content: 'evidence attached',
        files: [new AttachmentBuilder(Buffer.from('source,quote\nAFP,"it happened"\n'), { name: 'evidence.csv' })],
        allowedMentions: NO_PINGS,
        withResponse: true,
      });
      replyContent = response.resource?.message?.content;
    };
    const interaction = fake.sendSlashCommand({ name: 'ask' });
    expect(await bot.outcome(interaction.id)).toBeUndefined();
    const [callback] = fake.responsesFor(interaction.id);
    expect(callback?.query).toEqual({ with_response: 'true' });
    expect(callback?.body).toMatchObject({ type: 4, data: { content: 'evidence attached', attachments: [{ id: '0' }] } });
    expect(callback?.files.map((file) => [file.filename, file.data.toString()])).toEqual([['evidence.csv', 'source,quote\nAFP,"it happened"\n']]);
    expect(replyContent).toBe('evidence attached');
    expect(fake.violations).toEqual([]);
  });

  it('updates the message of a button with a type-7 callback', async () => {
    bot.handler = async (interaction) => {
      if (interaction.isButton()) await interaction.update({ content: `expanded ${interaction.customId}`, components: [], allowedMentions: NO_PINGS });
    };
    const interaction = fake.sendButton({ customId: 'more:1' });
    const [callback] = await fake.waitForResponse(interaction.id);
    expect(callback?.body).toMatchObject({ type: 7, data: { content: 'expanded more:1', components: [] } });
    expect(fake.violations).toEqual([]);
  });

  it('accepts embeds and buttons built with discord.js builders, and enforces embed size limits', async () => {
    bot.handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const size = interaction.options.getInteger('size', true);
      const embed = new EmbedBuilder()
        .setTitle('Dossier: Lyon')
        .setURL('https://example.org/report')
        .setDescription('d'.repeat(size))
        .addFields({ name: 'Source', value: 'AFP, 2021-03-04', inline: true })
        .setFooter({ text: 'Quoted verbatim' })
        .setColor(0x2b6cb0)
        .setTimestamp(new Date('2024-01-02T03:04:05Z'));
      const more = new ButtonBuilder().setCustomId('more:lyon').setLabel('More').setStyle(ButtonStyle.Secondary);
      await interaction.reply({ embeds: [embed, embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(more)], allowedMentions: NO_PINGS });
    };
    const fits = fake.sendSlashCommand({ name: 'ask', options: [{ name: 'size', type: 4, value: 100 }] });
    expect(await bot.outcome(fits.id)).toBeUndefined();
    expect(fake.violations).toEqual([]);

    // Two 3500-character descriptions: each embed is valid, together they exceed 6000.
    const tooBig = fake.sendSlashCommand({ name: 'ask', options: [{ name: 'size', type: 4, value: 3500 }] });
    expect(await bot.outcome(tooBig.id)).toBeInstanceOf(DiscordAPIError);
    expect(fake.violations).toEqual([expect.stringMatching(/data\.embeds: Embed size exceeds maximum size of 6000/)]);
  });

  it('answers unknown routes with a Discord-style 404 and lists them', async () => {
    await expect(client.rest.get('/oauth2/applications/@me')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.unknownRoutes).toEqual(['GET /oauth2/applications/@me']);
  });

  it('rejects a second response to the same interaction', async () => {
    bot.handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'first', allowedMentions: NO_PINGS });
      // Bypass discord.js' own "already replied" guard to hit Discord's rule.
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'second', allowed_mentions: NO_PINGS } },
        auth: false,
      });
    };
    const interaction = fake.sendSlashCommand({ name: 'ask' });
    expect(await bot.outcome(interaction.id)).toMatchObject({ code: 40060 });
    expect(fake.violations).toEqual([expect.stringContaining('Interaction has already been acknowledged')]);
  });

  it('registers commands via bulk PUT and uses their ids in interactions', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const body = [{ name: 'ask', description: 'Ask the dossier', options: [{ type: 3, name: 'question', description: 'Your question', required: true }] }];
    const stored = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as { id: string; version: string }[];
    expect(stored[0]).toMatchObject({ name: 'ask', application_id: fake.applicationId, guild_id: fake.guildId });
    expect(fake.commands.guilds[fake.guildId]?.[0]?.id).toBe(stored[0]?.id);
    const fetched = await client.application?.commands.fetch({ guildId: fake.guildId });
    expect(fetched?.first()?.name).toBe('ask');
    const interaction = fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'q' }] });
    expect((interaction.payload['data'] as { id: string }).id).toBe(stored[0]?.id);

    await expect(rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Bad Name', description: '' }] })).rejects.toThrow(/Invalid Form Body/);
    expect(fake.violations.join('\n')).toMatch(/\[0\]\.name/);
  });
});

describe('fake Discord gateway options', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("identifies each shard and sends it only its guilds", async () => {
    fake = await startFakeDiscord({ shards: 2, guilds: [{ name: 'Guild A' }, { name: 'Guild B' }] });
    client = await loginClient(fake, { shards: 'auto' });
    const [first, second] = await Promise.all([fake.waitForIdentify(0), fake.waitForIdentify(1)]);
    expect([first.shardCount, second.shardCount]).toEqual([2, 2]);
    const [guildA, guildB] = fake.guilds;
    expect(client.guilds.cache.get(guildA?.id ?? '')?.shardId).toBe(0);
    expect(client.guilds.cache.get(guildB?.id ?? '')?.shardId).toBe(1);

    const seen = once(client, Events.InteractionCreate) as Promise<[Interaction]>;
    fake.sendSlashCommand({ name: 'ask', guildId: guildB?.id });
    const [interaction] = await seen;
    expect(interaction.guild?.shardId).toBe(1);
  });

  it('re-identifies when the session cannot be resumed', async () => {
    fake = await startFakeDiscord();
    // @discordjs/ws spaces IDENTIFYs of a shard 5 s apart; a no-op throttler keeps this test fast.
    client = await loginClient(fake, { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => undefined }) } });
    fake.dropConnections(4000, { invalidateSessions: true });
    await fake.waitForIdentifyCount(2);
    expect(fake.resumeCount).toBe(0);
    const seen = once(client, Events.InteractionCreate) as Promise<[Interaction]>;
    fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    expect(interaction.isChatInputCommand() && interaction.commandName).toBe('ask');
  });

  it('acknowledges heartbeats so the client keeps its session', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 20 });
    client = await loginClient(fake);
    await fake.waitForHeartbeats(3);
    expect([fake.identifyCount, fake.resumeCount]).toEqual([1, 0]);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });
});
