// Discord faults: REST errors and rate limits, a gateway that drops mid-burst, slow answers, and
// reindexing while answering. Every delivered interaction gets exactly one answer.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DefaultRestOptions } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../src/answer.ts';
import type { FakeInteraction, RecordedRequest } from './fake-discord/index.ts';
import { MANAGE_GUILD, REINDEX_WAIT, shownMessage, startTestBot, type TestBot } from './helpers/bot.ts';
import { quotedTexts } from './helpers/markdown.ts';
import { runScript } from './helpers/cli.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

const ask = (question: string): FakeInteraction =>
  t.fake.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: question }] });
const accepted = (requests: RecordedRequest[]) => requests.filter((r) => r.status < 300 && r.path.endsWith('/callback'));

describe('REST faults', () => {
  it('a 500 on the reply is retried and the answer arrives once', async () => {
    t.fake.failNext({ pathPattern: /\/callback$/, status: 500 });
    const i = ask('When did the talks resume?');
    const requests = await t.fake.waitForResponse(i.id);
    expect(requests.filter((r) => r.failed)).toHaveLength(1);
    expect(accepted(requests)).toHaveLength(1);
  });

  it('a 429 with retry_after is waited out and the answer arrives once', async () => {
    t.fake.failNext({ pathPattern: /\/callback$/, status: 429, retryAfter: 0.2 });
    const i = ask('When did the talks resume?');
    const requests = await t.fake.waitForResponse(i.id);
    expect(requests.filter((r) => r.failed && r.status === 429)).toHaveLength(1);
    expect(accepted(requests)).toHaveLength(1);
  });

  it('a REST error that outlasts the retries is logged without the token, and the bot goes on', async () => {
    // The reply and then the apology each fail on every attempt (1 + DefaultRestOptions.retries).
    const attempts = 2 * (1 + DefaultRestOptions.retries);
    t.fake.failNext({ pathPattern: /\/interactions\//, status: 500, count: attempts });
    const failing = ask('When did the talks resume?');
    await t.fake.waitForRequest((r) => r.interactionId === failing.id && t.fake.responsesFor(failing.id).filter((f) => f.failed).length === attempts);
    expect(t.fake.pendingFaults).toBe(0);
    const next = ask('When did the talks resume?');
    expect(accepted(await t.fake.waitForResponse(next.id))).toHaveLength(1);
    expect(t.logs.some((l) => l.includes('"interaction failed"'))).toBe(true);
    expect(t.logs.join('\n')).not.toContain(t.fake.token);
  });
});

describe('gateway faults', () => {
  it('the socket drops in the middle of a burst: every interaction still gets exactly one answer', async () => {
    const burst: FakeInteraction[] = [];
    for (let n = 0; n < 40; n++) {
      if (n === 20) t.fake.dropConnections();
      burst.push(ask(n % 2 ? 'When did the talks resume?' : 'What security guarantees does Ukraine want?'));
    }
    await t.fake.waitForResume();
    for (const i of burst) {
      const requests = await t.fake.waitForResponse(i.id);
      expect(accepted(requests)).toHaveLength(1);
    }
    expect(t.fake.violations).toEqual([]);
  });
});

describe('slow answers', () => {
  it('an answer slower than the deadline is deferred first, then edited in', async () => {
    const previous = t.bot.context.deferAfterMs;
    t.bot.context.deferAfterMs = 50;
    const real = t.bot.dossier.answer.bind(t.bot.dossier);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(t.bot.dossier, 'answer').mockImplementationOnce(async (command, input): Promise<Answer> => {
      await gate;
      return real(command, input);
    });
    try {
      const i = ask('When did the talks resume?');
      const deferred = await t.fake.waitForResponse(i.id, (r) => r.path.endsWith('/callback') && (r.body as { type: number }).type === 5);
      expect(deferred).toHaveLength(1);
      release();
      const requests = await t.fake.waitForResponse(i.id);
      const edit = requests.find((r) => r.method === 'PATCH')!;
      expect(edit.path).toMatch(/\/messages\/@original$/);
      expect(quotedTexts(shownMessage(requests).embeds![0]!.description!).join()).toContain('resumed on Friday');
      expect(edit.violations).toEqual([]);
    } finally {
      spy.mockRestore();
      t.bot.context.deferAfterMs = previous;
    }
  });
});

describe('reindex while answering', () => {
  it('no answer fails or mixes the old and new corpus', async () => {
    const file = path.join(t.corpusDir, 'us-allies-unlikely-to-give-ukraine-guarantees.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replaceAll('resumed on Friday', 'resumed on Saturday'));
    const asks = Array.from({ length: 30 }, () => ask('When did talks between officials resume?'));
    const reindex = t.fake.sendSlashCommand({ name: 'reindex', memberPermissions: MANAGE_GUILD });
    const more = Array.from({ length: 10 }, () => ask('When did talks between officials resume?'));
    expect(shownMessage(await t.fake.waitForResponse(reindex.id, undefined, REINDEX_WAIT)).content).toMatch(/Reindexed/);
    for (const i of [...asks, ...more]) {
      const message = shownMessage(await t.fake.waitForResponse(i.id));
      const quotes = quotedTexts(message.embeds!.map((e) => e.description).join('\n'));
      const versions = new Set(quotes.filter((q) => /resumed on (Friday|Saturday)/.test(q)).map((q) => /Friday|Saturday/.exec(q)![0]));
      expect(versions.size).toBe(1);
    }
    const after = shownMessage(await t.fake.waitForResponse(ask('When did talks between officials resume?').id));
    expect(quotedTexts(after.embeds![0]!.description!).join()).toContain('Saturday');
  });
});

describe('the token', () => {
  it('is not in the output of a failed login', async () => {
    const wrong = `${'Mz'.repeat(12)}.wrong.${'x'.repeat(27)}`;
    const { code, stderr } = await runScript('src/main.ts', [], '', { DISCORD_TOKEN: wrong, DISCORD_API_URL: t.fake.apiUrl, LOG_LEVEL: 'debug' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/could not start the bot/);
    expect(stderr).not.toContain(wrong);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
