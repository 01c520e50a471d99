import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { splitParagraphs } from '../../src/corpus/parse.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { createLogger } from '../../src/log.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from '../fake-discord/index.ts';
import { CORPUS_DIR } from './library.ts';

export interface TestBot {
  fake: FakeDiscord;
  bot: Bot;
  /** Every log line the bot wrote (JSON), newest last. */
  logs: string[];
  /** A private copy of the repo's corpus the test may change. */
  corpusDir: string;
  /** Every paragraph of the corpus as the bot has it now (read from its folder). */
  paragraphs(): string[];
  close(): Promise<void>;
}

/** The real bot (real discord.js client) logged in to a local fake Discord, over a copy of the corpus. */
export interface TestBotOptions {
  fake?: FakeDiscordOptions;
  /** A running fake Discord to log in to (restarting the bot against it), left open on close. Default: a new one. */
  discord?: FakeDiscord;
  moderatorRoles?: (fake: FakeDiscord) => string[];
  cooldownLimit?: number;
  allowPrivateUrls?: boolean;
  /** The insights database's folder (to restart on the same one). Default: a folder removed on close. */
  dataDir?: string;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const fake = options.discord ?? (await startFakeDiscord(options.fake));
  const corpusDir = await mkdtemp(path.join(tmpdir(), 'dossier-bot-corpus-'));
  await cp(CORPUS_DIR, corpusDir, { recursive: true });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = await createLogger({ level: 'debug', destination, secrets: [fake.token] });
  const bot = await startBot(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpusDir,
      CACHE_DIR: path.join(corpusDir, '.cache'),
      DATA_DIR: options.dataDir ?? path.join(corpusDir, '.data'),
      RETENTION_DAYS: 90,
      MODERATOR_ROLE_IDS: options.moderatorRoles?.(fake) ?? [],
      // Off unless a test is about it: the suites send many commands as one user.
      COOLDOWN_LIMIT: options.cooldownLimit ?? 0,
      COOLDOWN_SECONDS: 60,
      ALLOW_PRIVATE_URLS: options.allowPrivateUrls ?? false,
    },
    logger,
  );
  return {
    fake,
    bot,
    logs,
    corpusDir,
    paragraphs: () =>
      readdirSync(corpusDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(md|txt)$/.test(file))
        .flatMap((file) => splitParagraphs(readFileSync(path.join(corpusDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))),
    async close() {
      await bot.stop();
      if (!options.discord) await fake.close();
      await rm(corpusDir, { recursive: true, force: true });
    },
  };
}

export interface SentMessage {
  content?: string;
  embeds?: Array<{ title?: string; description?: string }>;
  components?: Array<{ components: Array<{ custom_id?: string; label?: string }> }>;
  allowed_mentions?: { parse?: string[]; users?: string[]; replied_user?: boolean };
  flags?: number;
  message_reference?: { message_id?: string };
}

/** The message an interaction's answer showed: the callback's data, or the edit after a deferral. */
export function shownMessage(requests: RecordedRequest[]): SentMessage {
  const ok = requests.filter((r) => r.status < 300);
  const callback = ok.find((r) => r.path.endsWith('/callback'));
  const body = callback?.body as { type: number; data?: SentMessage } | undefined;
  if (body && body.type !== 5 && body.type !== 6) return body.data ?? {};
  const edit = ok.filter((r) => r.path.startsWith('/webhooks/') && r.method !== 'GET').at(-1);
  return (edit?.body as SentMessage | undefined) ?? {};
}

/**
 * How long to wait for a /reindex result: it builds a new library in a worker, which on a busy
 * machine takes longer than the default 3 s wait (the bot defers first, so Discord allows it).
 */
export const REINDEX_WAIT = { timeoutMs: 30_000 };

export const EPHEMERAL = 1 << 6;
export const MANAGE_GUILD = String(1 << 5);
