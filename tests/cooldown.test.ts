import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cooldown } from '../src/discord/cooldown.ts';
import type { RecordedRequest } from './fake-discord/index.ts';
import { EPHEMERAL, shownMessage, startTestBot, type SentMessage, type TestBot } from './helpers/bot.ts';

describe('Cooldown', () => {
  it('allows `limit` uses per window, then says how long to wait', () => {
    let now = 0;
    const cooldown = new Cooldown(2, 1000, () => now);
    expect(cooldown.take('a')).toBe(0);
    now = 100;
    expect(cooldown.take('a')).toBe(0);
    expect(cooldown.take('a')).toBe(900);
    expect(cooldown.take('b')).toBe(0);
    now = 1000;
    expect(cooldown.take('a')).toBe(0);
  });

  it('is off with a limit of 0', () => {
    const cooldown = new Cooldown(0, 1000);
    for (let i = 0; i < 100; i++) expect(cooldown.take('a')).toBe(0);
  });
});

describe('cooldown in Discord', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ cooldownLimit: 2 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a user twice, then politely and ephemerally asks them to wait; autocomplete still works', async () => {
    const user = t.fake.createUser({ username: 'eager' });
    const ask = async () => {
      const i = t.fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'When did the talks resume?' }], user });
      return shownMessage(await t.fake.waitForResponse(i.id));
    };
    expect((await ask()).embeds!.length).toBeGreaterThan(0);
    expect((await ask()).embeds!.length).toBeGreaterThan(0);
    const third = await ask();
    expect(third.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(third.content).toMatch(/please wait \d+ s/);

    const auto = t.fake.sendAutocomplete({ name: 'ask', user, options: [{ name: 'question', type: 3, value: 'talks', focused: true }] });
    const [callback] = await t.fake.waitForResponse(auto.id);
    expect((callback!.body as { data: { choices: unknown[] } }).data.choices.length).toBeGreaterThan(0);

    // Another user is not affected.
    const other = t.fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'When did the talks resume?' }], user: t.fake.createUser({ username: 'calm' }) });
    expect(shownMessage(await t.fake.waitForResponse(other.id)).embeds!.length).toBeGreaterThan(0);
  });

  it('ignores mentions over the limit without replying', async () => {
    const author = { id: '990000000000000001', username: 'spammer' };
    const replyTo = (id: string) => (r: RecordedRequest) => r.method === 'POST' && (r.body as SentMessage).message_reference?.message_id === id;
    const sent = [1, 2, 3].map(() => t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> when did the talks resume?`, author }));
    await t.fake.waitForRequest(replyTo(sent[1]!.id));
    // A later message from someone else is answered, so the third was seen and skipped.
    const later = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> when did the talks resume?` });
    await t.fake.waitForRequest(replyTo(later.id));
    expect(t.fake.requests.some(replyTo(sent[0]!.id))).toBe(true);
    expect(t.fake.requests.some(replyTo(sent[2]!.id))).toBe(false);
    expect(t.fake.violations).toEqual([]);
  });
});
