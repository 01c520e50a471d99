import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer.ts';

/** An answer whose citations span several messages, kept so the "More" button can page through it. */
export interface PagedAnswer {
  answer: Answer;
  mentionUserId?: string;
}

export interface PageStoreOptions {
  /** How long a button works, in ms. Default 15 minutes. */
  ttlMs: number;
  /** At most this many entries are kept; the oldest go first. Default 1000. */
  maxEntries: number;
  now: () => number;
}

const PREFIX = 'more';

/** In-memory, time-limited state behind buttons (answers to page through, previews to confirm). */
export class ButtonStore<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly options: PageStoreOptions;

  constructor(options: Partial<PageStoreOptions> = {}) {
    this.options = { ttlMs: 15 * 60_000, maxEntries: 1000, now: Date.now, ...options };
  }

  /** Keeps a value; returns the key its buttons carry. */
  keep(value: T): string {
    this.prune();
    const key = randomUUID().slice(0, 18);
    this.entries.set(key, { value, expires: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  /** The value behind a button, or undefined when it expired or the id is not ours. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < this.options.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Forgets a value (a preview that was confirmed or cancelled). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  private prune(): void {
    const now = this.options.now();
    for (const [key, entry] of this.entries) if (entry.expires < now) this.entries.delete(key);
  }
}

/** Answers kept for their "More" button. Button ids look like `more:<key>:<page>`. */
export class PageStore extends ButtonStore<PagedAnswer> {

  static buttonId(key: string, page: number): string {
    return `${PREFIX}:${key}:${page}`;
  }

  static parseButtonId(customId: string): { key: string; page: number } | undefined {
    const match = /^more:([\w-]{1,36}):(\d{1,4})$/.exec(customId);
    return match ? { key: match[1]!, page: Number(match[2]) } : undefined;
  }
}
