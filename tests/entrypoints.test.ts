// npm run deploy-commands and npm start, run as processes the way a user runs them.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { runScript } from './helpers/cli.ts';
import { ROOT } from './helpers/library.ts';

const NO_DISCORD = { DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '' };

describe('npm run deploy-commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });

  it('registers every command in the guild with one bulk PUT', async () => {
    const { code, stderr } = await runScript('src/deploy-commands.ts', [], '', { ...env(), DISCORD_GUILD_ID: fake.guildId });
    expect(stderr).not.toContain(fake.token);
    expect(code).toBe(0);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`]);
    const body = puts[0]!.body as Array<{ name: string; default_member_permissions?: string; contexts?: number[]; options?: Array<{ name: string; max_length?: number; required?: boolean }> }>;
    const names = body.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'compare', 'sources', 'guarantees', 'help', 'reindex', 'report']));
    for (const name of ['reindex', 'report']) {
      const moderators = body.find((c) => c.name === name)!;
      expect(moderators.default_member_permissions).toBe(String(1 << 5));
      expect(moderators.contexts).toEqual([0]);
    }
    expect(body.find((c) => c.name === 'report')!.options!.map((o) => o.name)).toEqual(['add', 'remove']);
    const question = body.find((c) => c.name === 'ask')!.options!.find((o) => o.name === 'question')!;
    expect(question).toMatchObject({ required: true, max_length: 300 });
    expect(fake.violations).toEqual([]);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    fake.reset();
    const { code } = await runScript('src/deploy-commands.ts', [], '', { ...env(), DISCORD_GUILD_ID: '' });
    expect(code).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
  });

  it('says which setting is missing', async () => {
    const { code, stderr } = await runScript('src/deploy-commands.ts', [], '', { ...NO_DISCORD, DISCORD_TOKEN: 'x'.repeat(30) });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_CLIENT_ID is not set/);
  });
});

describe('npm start', () => {
  it('without a token: a clear message, exit 1, no stack trace', async () => {
    const { code, stderr } = await runScript('src/main.ts', [], '', NO_DISCORD);
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(stderr).toContain('npm run cli');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('with a bad setting: names it', async () => {
    const { code, stderr } = await runScript('src/main.ts', [], '', { ...NO_DISCORD, DISCORD_TOKEN: 't', MODERATOR_ROLE_IDS: 'mods' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/MODERATOR_ROLE_IDS/);
  });
});

describe('npm start against the fake Discord', () => {
  it('logs one ready line, never the token, and shuts down cleanly on SIGTERM', async () => {
    const fake = await startFakeDiscord();
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'dossier-start-')), 'not', 'yet');
    try {
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/main.ts')], {
        cwd: ROOT,
        env: { ...process.env, ...NO_DISCORD, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'debug' },
      });
      let stderr = '';
      const ready = new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('dossier-bot ready')) resolve();
        });
      });
      const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
      await ready;
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      const readyLine = JSON.parse(stderr.split('\n').find((l) => l.includes('dossier-bot ready'))!) as Record<string, unknown>;
      expect(readyLine).toMatchObject({ guilds: 1, reports: 2, passages: 16 });
      expect(stderr).toContain('shutting down');
      expect(stderr).not.toContain(fake.token);
      // DATA_DIR is made when missing.
      expect(stderr).toContain('insights database open');
      expect(existsSync(path.join(dataDir, 'dossier.sqlite'))).toBe(true);
    } finally {
      await fake.close();
      await rm(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
    }
  });
});
