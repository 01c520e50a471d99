import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer.ts';

/** An answer whose citations span several messages, kept so the "More" button can page through it. */
export interface PagedAnswer {
  answer: Answer;
  mentionUserId?: string;
}

export interface PageStoreOptions {
  /** How long a "More" button works, in ms. Default 15 minutes. */
  ttlMs: number;
  /** At most this many answers are kept; the oldest go first. Default 1000. */
  maxEntries: number;
  now: () => number;
}

const PREFIX = 'more';

/** In-memory, time-limited paging state. Button ids look like `more:<key>:<page>`. */
export class PageStore {
  private readonly entries = new Map<string, { paged: PagedAnswer; expires: number }>();
  private readonly options: PageStoreOptions;

  constructor(options: Partial<PageStoreOptions> = {}) {
    this.options = { ttlMs: 15 * 60_000, maxEntries: 1000, now: Date.now, ...options };
  }

  /** Keeps an answer; returns the key its buttons carry. */
  keep(paged: PagedAnswer): string {
    this.prune();
    const key = randomUUID().slice(0, 18);
    this.entries.set(key, { paged, expires: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  /** The answer behind a button, or undefined when it expired or the id is not ours. */
  get(key: string): PagedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < this.options.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.paged;
  }

  static buttonId(key: string, page: number): string {
    return `${PREFIX}:${key}:${page}`;
  }

  static parseButtonId(customId: string): { key: string; page: number } | undefined {
    const match = /^more:([\w-]{1,36}):(\d{1,4})$/.exec(customId);
    return match ? { key: match[1]!, page: Number(match[2]) } : undefined;
  }

  private prune(): void {
    const now = this.options.now();
    for (const [key, entry] of this.entries) if (entry.expires < now) this.entries.delete(key);
  }
}
