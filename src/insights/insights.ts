import type { Logger } from '../log.ts';
import { openInsightsStore, type DataDirSettings } from './data-dir.ts';
import { DAY_MS, type AnswerRecord, type InsightsRow, type InsightsStore, type InsightsSummary, type Vote, type VoteResult } from './store.ts';

/**
 * The store as the bot uses it: nothing here throws. A database that cannot be opened or written
 * costs the recording, never an answer; the failure is logged once (again only after it recovered).
 * Answers are written once the event loop turn that sent them is done, those of one turn in one
 * transaction, so a busy bot commits once per turn rather than once per answer.
 */
export class Insights {
  private failing = false;
  private closed = false;
  private readonly pruner: NodeJS.Timeout | undefined;
  private queue: AnswerRecord[] = [];
  private flusher: NodeJS.Immediate | undefined;

  private constructor(
    private readonly store: InsightsStore | undefined,
    private readonly logger: Logger,
  ) {
    if (store) {
      this.guard(() => store.prune());
      this.pruner = setInterval(() => this.guard(() => store.prune()), DAY_MS).unref();
    }
  }

  static open(settings: DataDirSettings, logger: Logger): Insights {
    try {
      const store = openInsightsStore(settings);
      logger.info({ file: store.file, schema: store.schemaVersion, retentionDays: settings.RETENTION_DAYS }, 'insights database open');
      return new Insights(store, logger);
    } catch (error) {
      const insights = new Insights(undefined, logger);
      insights.fail(error);
      return insights;
    }
  }

  /** Queues an answer, written after this turn of the event loop. */
  record(entry: AnswerRecord): void {
    if (!this.store || this.closed) return;
    this.queue.push(entry);
    this.flusher ??= setImmediate(() => this.flush());
  }

  /** undefined when the vote could not be written. */
  vote(vote: Vote): VoteResult | undefined {
    return this.guard((store) => store.vote(vote));
  }

  /** Includes the answers still queued. */
  summary(since: number, guildId?: string): InsightsSummary | undefined {
    this.flush();
    return this.guard((store) => store.summary(since, guildId));
  }

  rows(since: number, guildId?: string): InsightsRow[] | undefined {
    this.flush();
    return this.guard((store) => store.rows(since, guildId));
  }

  /** Writes what is queued and closes; answers recorded later (in flight at shutdown) are dropped. */
  close(): void {
    clearInterval(this.pruner);
    this.flush();
    this.guard((store) => store.close());
    this.closed = true;
  }

  private flush(): void {
    clearImmediate(this.flusher);
    this.flusher = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length) this.guard((store) => store.record(batch));
  }

  private guard<T>(use: (store: InsightsStore) => T): T | undefined {
    if (!this.store || this.closed) return undefined;
    try {
      const result = use(this.store);
      this.failing = false;
      return result;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  private fail(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.logger.error({ err: error }, 'insights database failed: answers go on without being recorded');
  }
}
