// npm run start:sharded against the fake Discord recommending 2 shards: each shard identifies with
// its id, and /reindex in one shard reloads every shard and reports each one's result.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../src/insights/data-dir.ts';
import { InsightsStore } from '../src/insights/store.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { MANAGE_GUILD, shownMessage } from './helpers/bot.ts';
import { quotedTexts } from './helpers/markdown.ts';
import { CORPUS_DIR, ROOT } from './helpers/library.ts';

// Guild ids on shard 0 and shard 1 of 2: (id >> 22) % 2.
const GUILD_ON_SHARD = [String((1n << 40n) << 22n), String(((1n << 40n) + 1n) << 22n)] as const;

let fake: FakeDiscord;
let manager: ChildProcess;
let corpusDir: string;
let stderr = '';

beforeAll(async () => {
  fake = await startFakeDiscord({ shards: 2, guilds: [{ id: GUILD_ON_SHARD[0], name: 'zero' }, { id: GUILD_ON_SHARD[1], name: 'one' }] });
  corpusDir = await mkdtemp(path.join(tmpdir(), 'dossier-shards-'));
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  manager = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/sharded.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpusDir,
      CACHE_DIR: path.join(corpusDir, '.cache'),
      DATA_DIR: path.join(corpusDir, '.data'),
      COOLDOWN_LIMIT: '0',
      SHARD_COUNT: '',
      LOG_LEVEL: 'info',
    },
  });
  const bothReady = new Promise<void>((resolve) => {
    manager.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if ((stderr.match(/dossier-bot ready/g) ?? []).length === 2) resolve();
    });
  });
  await bothReady;
}, 90_000);

afterAll(async () => {
  if (manager && manager.exitCode === null) {
    const exited = once(manager, 'exit');
    manager.kill('SIGTERM');
    await exited;
  }
  await fake?.close();
  await rm(corpusDir, { recursive: true, force: true });
});

describe('sharding', () => {
  it('spawns the recommended 2 shards, each identifying with its id', async () => {
    const identified = await Promise.all([fake.waitForIdentify(0), fake.waitForIdentify(1)]);
    expect(identified.map((i) => [i.shardId, i.shardCount])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('/reindex in one shard reloads every shard and reports each result', async () => {
    await writeFile(path.join(corpusDir, 'grain.txt'), 'Grain Corridor Reopens\n\nThe Black Sea grain corridor reopened for cargo ships on Monday.\n');
    const reindex = fake.sendSlashCommand({ name: 'reindex', guildId: GUILD_ON_SHARD[1], memberPermissions: MANAGE_GUILD });
    const reply = shownMessage(await fake.waitForResponse(reindex.id, undefined, { timeoutMs: 30_000 })).content!;
    expect(reply).toMatch(/Shard 0.*Reindexed/s);
    expect(reply).toMatch(/Shard 1.*Reindexed/s);
    expect(reply.match(/grain/g)).toHaveLength(2);

    // Shard 0 answers from the new corpus too.
    const ask = fake.sendSlashCommand({ name: 'ask', guildId: GUILD_ON_SHARD[0], options: [{ name: 'question', type: 3, value: 'When did the grain corridor reopen?' }] });
    const answer = shownMessage(await fake.waitForResponse(ask.id));
    expect(quotedTexts(answer.embeds![0]!.description!)).toEqual(['The Black Sea grain corridor reopened for cargo ships on Monday.']);
    expect(fake.violations).toEqual([]);
  });

  it('both shards record into one database, each server seeing its own questions in /insights', async () => {
    for (const [shard, guildId] of GUILD_ON_SHARD.entries()) {
      const ask = fake.sendSlashCommand({ name: 'ask', guildId, options: [{ name: 'question', type: 3, value: `Where is shard ${shard} hosted?` }] });
      await fake.waitForResponse(ask.id);
    }
    // A shard records an answer once Discord has taken its reply (recording never delays an answer),
    // so a reply can reach Discord a moment before its record is queued: wait for both in the file.
    const store = new InsightsStore(path.join(corpusDir, '.data', DATABASE_FILE), { secret: 'reading only', retentionDays: 90 });
    const recorded = () => store.rows(0).filter((r) => r.query.startsWith('Where is shard')).map((r) => r.guild);
    await vi.waitFor(() => expect(recorded()).toHaveLength(GUILD_ON_SHARD.length), { timeout: 10_000, interval: 20 });
    for (const [shard, guildId] of GUILD_ON_SHARD.entries()) {
      const insights = fake.sendSlashCommand({ name: 'insights', guildId, memberPermissions: MANAGE_GUILD });
      const unanswered = shownMessage(await fake.waitForResponse(insights.id)).embeds![0]!.description!;
      // The words the reports never use are listed with the question.
      expect(unanswered).toMatch(new RegExp(`^1× /ask \`Where is shard ${shard} hosted\\?\` · missing: shard, (${shard}, )?hosted$`));
    }
    expect(recorded()).toEqual([...GUILD_ON_SHARD]);
    store.close();
  });
});
