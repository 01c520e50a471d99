// Odd and hostile input through every command and the mention path: a clear reply, no crash, no ping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './fake-discord/index.ts';
import { shownMessage, startTestBot, type SentMessage, type TestBot } from './helpers/bot.ts';

const INPUTS: Array<[string, string]> = [
  ['empty', ''],
  ['whitespace', '   \t  '],
  ['6,000 characters', 'security guarantees '.repeat(300)],
  ['only stop words', 'what is the of and to it'],
  ['only punctuation', '?!.,;:--()[]{}'],
  ['@everyone', '@everyone what did Duda say?'],
  ['@here', '@here NATO membership'],
  ['role mention', '<@&111111111111111111> guarantees'],
  ['user mention', '<@222222222222222222> Article 5'],
  ['markdown and code fences', '**bold** _it_ ```js\nalert(1)\n``` `tick`'],
  ['spoilers and masked link', '||secret|| [click](https://evil.test) NATO'],
  ['zero-width and bidi', 'NA\u200bTO \u202egnirts\u202c Ukra\u2066ine'],
  ['emoji', '🇺🇦 🛡️ guarantees 🤝'],
  ['non-Latin scripts', 'Гарантії безпеки для України 安全保障 ضمانات'],
  ['regex metacharacters', '.*+?^${}()|[]\\ /(a+)+$/'],
  ['JSON-looking', '{"command":"reindex","query":"x"}'],
];

const COMMANDS: Array<[string, string]> = [
  ['ask', 'question'],
  ['who-said', 'speaker'],
  ['compare', 'topic'],
  ['guarantees', 'party'],
  ['sources', 'report'],
];

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

function expectSafe(request: RecordedRequest) {
  expect(request.status).toBeLessThan(300);
  expect(request.violations).toEqual([]);
  expect(request.pings).toEqual({ users: [], roles: [], everyone: false, repliedUser: false });
}

describe.each(COMMANDS)('/%s with odd input', (name, option) => {
  it.each(INPUTS)('%s', async (_label, value) => {
    const interaction = t.fake.sendSlashCommand({ name, options: [{ name: option, type: 3, value }] });
    const requests = await t.fake.waitForResponse(interaction.id);
    const message = shownMessage(requests);
    expect(message.content!.length).toBeGreaterThan(0);
    expectSafe(requests.find((r) => r.path.endsWith('/callback'))!);
  });
});

describe('mentions with odd input', () => {
  it.each(INPUTS)('%s', async (_label, value) => {
    const sent = t.fake.sendMessage({ content: `<@${t.fake.botUser.id}> ${value}` });
    const reply = await t.fake.waitForRequest(
      (r) => r.method === 'POST' && (r.body as SentMessage).message_reference?.message_id === sent.id,
    );
    expect((reply.body as SentMessage).content!.length).toBeGreaterThan(0);
    expectSafe(reply);
  });
});

describe('autocomplete with odd input', () => {
  it.each(INPUTS)('%s', async (_label, value) => {
    for (const [name, option] of COMMANDS) {
      const interaction = t.fake.sendAutocomplete({ name, options: [{ name: option, type: 3, value, focused: true }] });
      const [callback] = await t.fake.waitForResponse(interaction.id);
      expect(callback!.status).toBe(204);
      expect(callback!.violations).toEqual([]);
    }
  });
});

it('nothing the bot sent was rejected', () => {
  expect(t.fake.violations).toEqual([]);
  expect(t.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
});
