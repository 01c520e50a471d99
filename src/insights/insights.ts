import type { Logger } from '../log.ts';
import { openInsightsStore, type DataDirSettings } from './data-dir.ts';
import { DAY_MS, type AnswerRecord, type InsightsRow, type InsightsStore, type InsightsSummary, type Vote, type VoteResult } from './store.ts';

/**
 * The store as the bot uses it: nothing here throws. A database that cannot be opened or written
 * costs the recording, never an answer; the failure is logged once (again only after it recovered).
 */
export class Insights {
  private failing = false;
  private readonly pruner: NodeJS.Timeout | undefined;

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

  /** Whether answers are being recorded (false when the database could not be opened). */
  get available(): boolean {
    return this.store !== undefined;
  }

  record(entry: AnswerRecord): void {
    this.guard((store) => store.record(entry));
  }

  /** undefined when the vote could not be written. */
  vote(vote: Vote): VoteResult | undefined {
    return this.guard((store) => store.vote(vote));
  }

  summary(since: number): InsightsSummary | undefined {
    return this.guard((store) => store.summary(since));
  }

  rows(since: number): InsightsRow[] | undefined {
    return this.guard((store) => store.rows(since));
  }

  close(): void {
    clearInterval(this.pruner);
    this.guard((store) => store.close());
  }

  private guard<T>(use: (store: InsightsStore) => T): T | undefined {
    if (!this.store) return undefined;
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
