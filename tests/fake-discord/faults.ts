// Fault injection (failNext): the next matching requests get a 5xx or a 429 shaped like Discord's.
import type { FailNextOptions } from './types.ts';

interface Rule extends FailNextOptions {
  remaining: number;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  json: Record<string, unknown>;
}

export class FaultInjector {
  private rules: Rule[] = [];

  add(options: FailNextOptions): void {
    this.rules.push({ ...options, remaining: options.count ?? 1 });
  }

  /** Pending failures not yet consumed (handy to assert that a test's fault was actually hit). */
  get pending(): number {
    return this.rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  clear(): void {
    this.rules = [];
  }

  /** Consumes the first rule matching the request, if any, and builds its response. */
  take(method: string, path: string): FaultResponse | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.method === undefined || candidate.method.toUpperCase() === method) &&
        (candidate.pathPattern === undefined || new RegExp(candidate.pathPattern.source, candidate.pathPattern.flags.replace('g', '')).test(path)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0);
    if (rule.status !== 429) {
      return { status: rule.status, headers: {}, json: { message: `${rule.status}: Internal Server Error`, code: 0 } };
    }
    const retryAfter = rule.retryAfter ?? 0.05;
    // Discord sends Retry-After in (whole) seconds; the fake keeps the fraction so tests stay fast.
    // @discordjs/rest waits Retry-After * 1000 ms plus its 50 ms offset before retrying.
    return {
      status: 429,
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
      json: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
    };
  }
}
