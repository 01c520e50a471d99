// The insights database on a temporary file: migrations, refusal of a newer schema, two writer
// processes at once, retention, and members stored only as a keyed hash.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { openInsightsStore } from '../src/insights/data-dir.ts';
import { Insights } from '../src/insights/insights.ts';
import { questionKey } from '../src/insights/question.ts';
import { DAY_MS, InsightsStore, migrate, MIGRATIONS, SchemaTooNewError, type AnswerRecord } from '../src/insights/store.ts';
import { createLogger } from '../src/log.ts';
import { ROOT } from './helpers/library.ts';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-insights-'));
  file = path.join(dir, 'dossier.sqlite');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OPTIONS = { secret: 'a test secret of some length', retentionDays: 90 };
const MEMBER = '123456789012345678';
const NOW = Date.now();

function vote(answerId: string, memberId: string, helpful: boolean, answeredAt = NOW) {
  return { answerId, answeredAt, memberId, helpful };
}

function answer(id: string, extra: Partial<AnswerRecord> = {}): AnswerRecord {
  const query = extra.query ?? 'When did the talks resume?';
  return {
    id,
    at: NOW,
    guildId: '222222222222222222',
    memberId: MEMBER,
    source: 'slash',
    command: 'ask',
    query,
    questionKey: questionKey(query),
    status: 'answered',
    missing: [],
    citations: ['us-allies#5'],
    ...extra,
  };
}

describe('migrations', () => {
  it('creates the latest schema in an empty file', () => {
    const store = new InsightsStore(file, OPTIONS);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    store.record([answer('1')]);
    expect(store.vote(vote('1', MEMBER, true))).toBe('recorded');
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('migrates a database of an older version, keeping its rows', () => {
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1), file);
    old
      .prepare(
        `INSERT INTO answers (id, answered_at, guild_id, member, source, command, query, question_key, status)
         VALUES ('7', ?, NULL, 'h', 'slash', 'ask', 'Old question?', 'old question', 'declined')`,
      )
      .run(NOW);
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const store = new InsightsStore(file, OPTIONS);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    expect(store.vote(vote('7', MEMBER, false))).toBe('recorded');
    const summary = store.summary(NOW - DAY_MS);
    expect(summary.unanswered).toEqual([{ command: 'ask', query: 'Old question?', count: 1, missing: [] }]);
    expect(summary.notHelpful).toBe(1);
    store.close();
  });

  it('refuses a database written by a newer version, saying so, and leaves it as it is', () => {
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => new InsightsStore(file, OPTIONS)).toThrow(SchemaTooNewError);
    expect(() => new InsightsStore(file, OPTIONS)).toThrow(/newer than this dossier-bot knows.*Upgrade the bot/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    db.close();
  });
});

describe('two processes writing at once', () => {
  it('loses no row and no vote', async () => {
    new InsightsStore(file, OPTIONS).close();
    const count = 300;
    const writers = ['1', '2'].map((prefix) =>
      spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'tests/helpers/insights-writer.ts'), file, prefix, String(count)], { cwd: ROOT }),
    );
    const said = (child: (typeof writers)[number], word: string) =>
      new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes(word) && resolve()));
    // Both have the file open before either writes, so their writes overlap.
    await Promise.all(writers.map((w) => said(w, 'ready')));
    for (const w of writers) w.stdin.end('go\n');
    const codes = await Promise.all(writers.map(async (w) => (await once(w, 'exit'))[0] as number));
    expect(codes).toEqual([0, 0]);

    const store = new InsightsStore(file, OPTIONS);
    const rows = store.rows(0);
    expect(rows).toHaveLength(2 * count);
    expect(rows.reduce((sum, r) => sum + r.helpful + r.notHelpful, 0)).toBe(2 * count);
    store.close();
  });
});

describe('votes', () => {
  it('one per member and answer: a second click changes it, another member adds one', () => {
    const store = new InsightsStore(file, OPTIONS);
    store.record([answer('1')]);
    // A replayed interaction (same id) is one answer.
    store.record([answer('1')]);
    expect(store.rows(0)).toHaveLength(1);
    expect(store.vote(vote('1', MEMBER, true))).toBe('recorded');
    expect(store.vote(vote('1', MEMBER, true))).toBe('unchanged');
    expect(store.vote(vote('1', MEMBER, false))).toBe('changed');
    expect(store.vote(vote('1', '999999999999999999', false))).toBe('recorded');
    expect(store.rows(0)[0]).toMatchObject({ helpful: 0, notHelpful: 2 });
    // A vote that arrives before its answer is written counts once the answer is there.
    expect(store.vote(vote('2', MEMBER, false))).toBe('recorded');
    store.record([answer('2')]);
    expect(store.rows(0)[1]).toMatchObject({ helpful: 0, notHelpful: 1 });
    store.close();
  });
});

describe('retention', () => {
  it('an answer older than the window can no longer be rated, and prune removes old answers and their votes', () => {
    const store = new InsightsStore(file, OPTIONS);
    const old = NOW - 91 * DAY_MS;
    const recent = NOW - 89 * DAY_MS;
    store.record([answer('1', { at: old })]);
    store.record([answer('2', { at: recent })]);
    store.record([answer('3')]);
    expect(store.vote(vote('1', MEMBER, true, old), NOW)).toBe('expired');
    expect(store.vote(vote('2', MEMBER, false, recent), NOW)).toBe('recorded');

    expect(store.prune(NOW)).toBe(1);
    expect(store.rows(0).map((r) => r.time)).toEqual([new Date(recent).toISOString(), new Date(NOW).toISOString()]);
    // Two days later answer 2 is out of the window too, and its vote goes with it.
    expect(store.prune(NOW + 2 * DAY_MS)).toBe(1);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 0 });
    db.close();
    store.close();
  });
});

describe('members', () => {
  it('are stored as a keyed hash, never as their id, in the database or its log', async () => {
    const store = new InsightsStore(file, OPTIONS);
    store.record([answer('1')]);
    store.vote(vote('1', MEMBER, false));
    const db = new Database(file, { readonly: true });
    const stored = [
      ...db.prepare('SELECT member FROM answers').pluck().all(),
      ...db.prepare('SELECT member FROM votes').pluck().all(),
    ];
    db.close();
    expect(stored).toEqual([store.memberHash(MEMBER), store.memberHash(MEMBER)]);
    expect(store.memberHash(MEMBER)).not.toContain(MEMBER);
    expect(new InsightsStore(path.join(dir, 'other.sqlite'), { ...OPTIONS, secret: 'another secret, other hashes' }).memberHash(MEMBER)).not.toBe(
      store.memberHash(MEMBER),
    );
    for (const name of await readdir(dir)) {
      expect((await readFile(path.join(dir, name))).includes(MEMBER)).toBe(false);
    }
    store.close();
  });

  it('the secret is generated into DATA_DIR once and reused; MEMBER_HASH_SECRET wins when set', () => {
    const dataDir = path.join(dir, 'data');
    const first = openInsightsStore({ DATA_DIR: dataDir, RETENTION_DAYS: 90 });
    const again = openInsightsStore({ DATA_DIR: dataDir, RETENTION_DAYS: 90 });
    const configured = openInsightsStore({ DATA_DIR: dataDir, RETENTION_DAYS: 90, MEMBER_HASH_SECRET: OPTIONS.secret });
    expect(again.memberHash(MEMBER)).toBe(first.memberHash(MEMBER));
    expect(configured.memberHash(MEMBER)).toBe(new InsightsStore(file, OPTIONS).memberHash(MEMBER));
    expect(configured.memberHash(MEMBER)).not.toBe(first.memberHash(MEMBER));
    for (const store of [first, again, configured]) store.close();
  });
});

describe('summary', () => {
  it('counts questions that differ only in case, punctuation or word order together', () => {
    const store = new InsightsStore(file, OPTIONS);
    const declined = { status: 'declined' as const, citations: [], missing: ['australia'] };
    store.record([answer('1', { query: 'What is the capital of Australia?', ...declined, at: NOW - 3 })]);
    store.record([answer('2', { query: 'what is the CAPITAL of australia', ...declined, at: NOW - 2 })]);
    store.record([answer('3', { query: 'Australia: what is the capital of?', ...declined, missing: ['australia', 'capital'], at: NOW - 1 })]);
    store.record([answer('4', { query: 'When did the talks resume?' })]);
    store.record([answer('5', { query: 'When did the talks resume?', source: 'more', citations: ['us-allies#6'] })]);
    const summary = store.summary(0);
    expect(summary).toMatchObject({ questions: 4, answered: 1, declined: 3, partial: 0 });
    expect(summary.unanswered).toEqual([{ command: 'ask', query: 'Australia: what is the capital of?', count: 3, missing: ['australia', 'capital'] }]);
    expect(summary.missingWords).toEqual([
      { word: 'australia', count: 3 },
      { word: 'capital', count: 1 },
    ]);
    expect(summary.mostAsked.map((q) => q.count)).toEqual([3, 1]);
    expect(summary.mostCited).toEqual([{ reportId: 'us-allies', count: 2 }]);
    store.close();
  });

  it('of one server has only what was asked there', () => {
    const store = new InsightsStore(file, OPTIONS);
    store.record([answer('1', { guildId: 'A' }), answer('2', { guildId: 'B', query: 'Something else?' })]);
    store.vote(vote('2', MEMBER, false));
    expect(store.summary(0, 'A')).toMatchObject({ questions: 1, notHelpful: 0, votedDown: [] });
    expect(store.summary(0, 'B').votedDown.map((q) => q.query)).toEqual(['Something else?']);
    expect(store.rows(0, 'A').map((r) => r.guild)).toEqual(['A']);
    expect(store.summary(0).questions).toBe(2);
    store.close();
  });
});

describe('the bot\'s recorder', () => {
  it('never throws: failing writes are logged once, and again only after the database worked again', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const insights = Insights.open({ DATA_DIR: dir, RETENTION_DAYS: 90, MEMBER_HASH_SECRET: OPTIONS.secret }, await createLogger({ level: 'info', destination }));
    const failures = () => lines.filter((l) => l.includes('insights database failed')).length;
    // The schema's CHECK refuses an unknown source: a write that fails inside the database.
    const bad = answer('1', { source: 'elsewhere' as AnswerRecord['source'] });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    // Two failing writes, each in a turn of its own: one log line.
    insights.record(bad);
    await turn();
    insights.record(answer('2', { source: 'elsewhere' as AnswerRecord['source'] }));
    await turn();
    expect(failures()).toBe(1);
    expect(insights.summary(0)!.questions).toBe(0);
    insights.record(answer('3'));
    expect(insights.summary(0)!.questions).toBe(1);
    insights.record(bad);
    expect(insights.rows(0)).toHaveLength(1);
    expect(failures()).toBe(2);
    insights.close();
  });
});
