/**
 * The bot's one database (SQLite through better-sqlite3): what was asked, how it was answered, and
 * members' votes on the answers. Everything else reaches it through this class. Member ids are
 * stored only as an HMAC keyed with a secret, never as they are.
 */
import { createHmac } from 'node:crypto';
import Database from 'better-sqlite3';

/** answered; partial: only part of the question is covered; declined: the reports don't cover it. */
export type AnswerStatus = 'answered' | 'partial' | 'declined';
/** Where an answer was shown: a slash command, a reply to a mention, or a page behind "More". */
export type AnswerSource = 'slash' | 'mention' | 'more';

export interface AnswerRecord {
  /** The id of the interaction or message answered (unique, also what the vote buttons carry). */
  id: string;
  /** ms since the epoch. */
  at: number;
  guildId: string | null;
  /** The member's Discord id: hashed here, never stored. */
  memberId: string;
  source: AnswerSource;
  command: string;
  query: string;
  /** The query with case, punctuation and word order folded, so such variants count together. */
  questionKey: string;
  status: AnswerStatus;
  /** Distinctive words of the query the reports lack (when the relevance rule says so). */
  missing: readonly string[];
  /** Passage ids (`<reportId>#<n>`) the answer quoted. */
  citations: readonly string[];
}

export interface Vote {
  /** The id of the answer (a snowflake) and the time it holds. */
  answerId: string;
  answeredAt: number;
  /** The voter's Discord id: hashed here, never stored. */
  memberId: string;
  helpful: boolean;
}

/** recorded: a first vote; changed: the member's earlier vote now says the other thing. */
export type VoteResult = 'recorded' | 'changed' | 'unchanged' | 'expired';

export interface Question {
  command: string;
  /** The latest wording of the question as typed. */
  query: string;
  count: number;
}

export interface InsightsSummary {
  /** Questions asked (slash and mentions; More pages are not new questions). */
  questions: number;
  answered: number;
  partial: number;
  declined: number;
  helpful: number;
  notHelpful: number;
  /** Questions declined or answered only partly, most frequent first, with their missing words. */
  unanswered: Array<Question & { missing: string[] }>;
  /** Missing words across those questions, the most recurring first. */
  missingWords: Array<{ word: string; count: number }>;
  /** Answers voted not helpful, the most down-voted first, with what they cited. */
  votedDown: Array<Question & { notHelpful: number; helpful: number; citations: string[] }>;
  mostAsked: Question[];
  mostCited: Array<{ reportId: string; count: number }>;
}

/** One answer as /insights export and the CLI's --json list it. */
export interface InsightsRow {
  time: string;
  guild: string | null;
  source: AnswerSource;
  command: string;
  query: string;
  status: AnswerStatus;
  missing: string[];
  citations: string[];
  helpful: number;
  notHelpful: number;
}

/** The database was written by a newer version of the bot: refused rather than misread. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

/**
 * Versioned schema: migration n brings a database from version n-1 to n (PRAGMA user_version).
 * Append only; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: what was asked and how it was answered.
  `CREATE TABLE answers (
     id TEXT PRIMARY KEY,
     answered_at INTEGER NOT NULL,
     guild_id TEXT,
     member TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('slash', 'mention', 'more')),
     command TEXT NOT NULL,
     query TEXT NOT NULL,
     question_key TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('answered', 'partial', 'declined')),
     missing TEXT NOT NULL DEFAULT '[]',
     citations TEXT NOT NULL DEFAULT '[]'
   );
   CREATE INDEX answers_by_time ON answers (answered_at);`,
  // 2: members' votes on answers, one per member and answer. No foreign key: a vote may arrive
  // before its answer is written (the answer is recorded after it is sent).
  `CREATE TABLE votes (
     answer_id TEXT NOT NULL,
     member TEXT NOT NULL,
     helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
     answered_at INTEGER NOT NULL,
     voted_at INTEGER NOT NULL,
     PRIMARY KEY (answer_id, member)
   ) WITHOUT ROWID;
   CREATE INDEX votes_by_answer_time ON votes (answered_at);
   CREATE INDEX votes_by_time ON votes (voted_at);`,
];

export interface StoreOptions {
  /** Key of the member hash. */
  secret: string;
  /** Answers older than this can no longer be rated, and prune() removes them. */
  retentionDays: number;
  /** How long a write waits for another process's (a shard's) write to finish. Default 5 s. */
  busyTimeoutMs?: number;
}

export const DAY_MS = 86_400_000;
/** How many entries each list of the summary has. */
const TOP = 10;
/** Of the queries below: the answers of one server (@guild), or of all when it is null. */
const IN_GUILD = '(@guild IS NULL OR guild_id = @guild)';

export class InsightsStore {
  private readonly db: Database.Database;
  private readonly statements;

  /** Opens (creating when missing) and migrates. Throws SchemaTooNewError for a newer database. */
  constructor(
    readonly file: string,
    private readonly options: StoreOptions,
  ) {
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      // WAL: shards write to one file at once, and readers never wait for a writer.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db, MIGRATIONS, file);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      record: this.db.prepare(
        `INSERT INTO answers (id, answered_at, guild_id, member, source, command, query, question_key, status, missing, citations)
         VALUES (@id, @at, @guildId, @member, @source, @command, @query, @questionKey, @status, @missing, @citations)
         ON CONFLICT (id) DO NOTHING`,
      ),
      vote: this.db.prepare<[string, string], { helpful: number }>('SELECT helpful FROM votes WHERE answer_id = ? AND member = ?'),
      upsertVote: this.db.prepare(
        `INSERT INTO votes (answer_id, member, helpful, answered_at, voted_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (answer_id, member) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`,
      ),
      pruneAnswers: this.db.prepare('DELETE FROM answers WHERE answered_at < ?'),
      pruneVotes: this.db.prepare('DELETE FROM votes WHERE answered_at < ?'),
    };
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** The keyed hash a member is stored as. */
  memberHash(memberId: string): string {
    return createHmac('sha256', this.options.secret).update(memberId).digest('hex').slice(0, 32);
  }

  /** Keeps answers, in one transaction (a second record of an id, a replayed interaction, is ignored). */
  record(entries: readonly AnswerRecord[]): void {
    this.db.transaction(() => {
      for (const entry of entries) this.insert(entry);
    })();
  }

  private insert(entry: AnswerRecord): void {
    this.statements.record.run({
      id: entry.id,
      at: entry.at,
      guildId: entry.guildId,
      member: this.memberHash(entry.memberId),
      source: entry.source,
      command: entry.command,
      query: entry.query,
      questionKey: entry.questionKey,
      status: entry.status,
      missing: JSON.stringify(entry.missing),
      citations: JSON.stringify(entry.citations),
    });
  }

  /**
   * One vote per member per answer; a second one replaces the first. `answeredAt` comes with the
   * vote (the answer's id is a snowflake, which holds its time), so a vote needs no answer row.
   */
  vote(vote: Vote, at = Date.now()): VoteResult {
    if (vote.answeredAt < at - this.options.retentionDays * DAY_MS) return 'expired';
    const member = this.memberHash(vote.memberId);
    const helpful = vote.helpful ? 1 : 0;
    return this.db
      .transaction((): VoteResult => {
        const before = this.statements.vote.get(vote.answerId, member);
        this.statements.upsertVote.run(vote.answerId, member, helpful, vote.answeredAt, at);
        if (!before) return 'recorded';
        return before.helpful === helpful ? 'unchanged' : 'changed';
      })
      .immediate();
  }

  /** Removes answers and votes on answers older than the retention window; returns how many answers. */
  prune(now = Date.now()): number {
    const cutoff = now - this.options.retentionDays * DAY_MS;
    return this.db.transaction(() => {
      this.statements.pruneVotes.run(cutoff);
      return this.statements.pruneAnswers.run(cutoff).changes;
    })();
  }

  /**
   * What moderators look at: answers since `since` (ms) and votes cast since then, in one server's
   * answers when `guildId` is given (a server's moderators see their own server only).
   */
  summary(since: number, guildId?: string): InsightsSummary {
    const scope = { since, guild: guildId ?? null };
    const all = <T>(sql: string) => this.db.prepare(sql).all(scope) as T[];
    const counts = this.db
      .prepare(
        `SELECT count(*) AS questions,
                coalesce(sum(status = 'answered'), 0) AS answered,
                coalesce(sum(status = 'partial'), 0) AS partial,
                coalesce(sum(status = 'declined'), 0) AS declined
         FROM answers WHERE answered_at >= @since AND source != 'more' AND ${IN_GUILD}`,
      )
      .get(scope) as { questions: number; answered: number; partial: number; declined: number };
    const votes = this.db
      .prepare(
        `SELECT coalesce(sum(v.helpful = 1), 0) AS helpful, coalesce(sum(v.helpful = 0), 0) AS notHelpful
         FROM votes v JOIN answers a ON a.id = v.answer_id WHERE v.voted_at >= @since AND ${IN_GUILD}`,
      )
      .get(scope) as { helpful: number; notHelpful: number };
    // A bare column next to max() comes from the row holding the max: the latest wording.
    const unanswered = all<Question & { missing: string }>(
      `SELECT command, query, max(answered_at) AS last, count(*) AS count,
              (SELECT json_group_array(DISTINCT j.value) FROM answers b, json_each(b.missing) j
               WHERE b.command = a.command AND b.question_key = a.question_key AND b.answered_at >= @since
                 AND (@guild IS NULL OR b.guild_id = @guild)) AS missing
       FROM answers a WHERE answered_at >= @since AND source != 'more' AND status != 'answered' AND ${IN_GUILD}
       GROUP BY command, question_key ORDER BY count DESC, last DESC LIMIT ${TOP}`,
    );
    const votedDown = all<Question & { notHelpful: number; helpful: number; citations: string }>(
      `SELECT a.command, a.query, max(a.answered_at) AS last, count(DISTINCT a.id) AS count, a.citations,
              sum(v.helpful = 0) AS notHelpful, sum(v.helpful = 1) AS helpful
       FROM answers a JOIN votes v ON v.answer_id = a.id WHERE v.voted_at >= @since AND ${IN_GUILD}
       GROUP BY a.command, a.question_key, a.citations HAVING notHelpful > 0
       ORDER BY notHelpful DESC, last DESC LIMIT ${TOP}`,
    );
    return {
      ...counts,
      ...votes,
      unanswered: unanswered.map(({ command, query, count, missing }) => ({ command, query, count, missing: JSON.parse(missing) as string[] })),
      missingWords: all(
        `SELECT j.value AS word, count(*) AS count FROM answers, json_each(answers.missing) j
         WHERE answered_at >= @since AND source != 'more' AND ${IN_GUILD} GROUP BY j.value ORDER BY count DESC, word LIMIT ${TOP}`,
      ),
      votedDown: votedDown.map(({ command, query, count, notHelpful, helpful, citations }) => ({
        command,
        query,
        count,
        notHelpful,
        helpful,
        citations: JSON.parse(citations) as string[],
      })),
      mostAsked: all<Question>(
        `SELECT command, query, max(answered_at) AS last, count(*) AS count FROM answers
         WHERE answered_at >= @since AND source != 'more' AND ${IN_GUILD} GROUP BY command, question_key ORDER BY count DESC, last DESC LIMIT ${TOP}`,
      ).map(({ command, query, count }) => ({ command, query, count })),
      mostCited: all(
        `SELECT substr(j.value, 1, instr(j.value, '#') - 1) AS reportId, count(*) AS count
         FROM answers, json_each(answers.citations) j WHERE answered_at >= @since AND ${IN_GUILD}
         GROUP BY reportId ORDER BY count DESC, reportId LIMIT ${TOP}`,
      ),
    };
  }

  /** Every answer since `since` (in one server's when `guildId` is given), oldest first, with its votes (no member hashes). */
  rows(since: number, guildId?: string): InsightsRow[] {
    const rows = this.db
      .prepare(
        `SELECT answered_at, guild_id, source, command, query, status, missing, citations,
                (SELECT count(*) FROM votes WHERE answer_id = answers.id AND helpful = 1) AS helpful,
                (SELECT count(*) FROM votes WHERE answer_id = answers.id AND helpful = 0) AS notHelpful
         FROM answers WHERE answered_at >= @since AND ${IN_GUILD} ORDER BY answered_at, id`,
      )
      .all({ since, guild: guildId ?? null }) as Array<{
      answered_at: number;
      guild_id: string | null;
      source: AnswerSource;
      command: string;
      query: string;
      status: AnswerStatus;
      missing: string;
      citations: string;
      helpful: number;
      notHelpful: number;
    }>;
    return rows.map((r) => ({
      time: new Date(r.answered_at).toISOString(),
      guild: r.guild_id,
      source: r.source,
      command: r.command,
      query: r.query,
      status: r.status,
      missing: JSON.parse(r.missing) as string[],
      citations: JSON.parse(r.citations) as string[],
      helpful: r.helpful,
      notHelpful: r.notHelpful,
    }));
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Brings the database to the latest version, one migration per transaction. IMMEDIATE takes the
 * write lock before reading the version, so two shards starting at once migrate it only once.
 */
export function migrate(db: Database.Database, migrations: readonly string[], file: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  for (;;) {
    const done = db
      .transaction(() => {
        const current = version();
        if (current > migrations.length) {
          throw new SchemaTooNewError(
            `${file} has schema version ${current}, newer than this dossier-bot knows (${migrations.length}): ` +
              'it was written by a newer version. Upgrade the bot, or set DATA_DIR to another folder.',
          );
        }
        if (current === migrations.length) return true;
        db.exec(migrations[current]!);
        db.pragma(`user_version = ${current + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}
