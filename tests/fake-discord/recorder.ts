// The request log: every REST call the bot makes, the violations found, and event-driven waits on them.
import type { RecordedRequest, WaitOptions } from './types.ts';
import type { ChangeNotifier } from './waiter.ts';

/**
 * How long a wait gives up after. An upper bound only (waits end as soon as the request arrives): a
 * reindex takes longer than 3 s on a 2-core machine shared with other builds.
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** One line per request, for timeout messages. */
export function summarize(request: RecordedRequest): string {
  const flags = [request.failed ? 'injected fault' : '', request.unknownRoute ? 'unknown route' : '', request.violations.length ? 'violation' : '']
    .filter(Boolean)
    .join(', ');
  const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body).slice(0, 160)}`;
  return `#${request.seq} ${request.method} ${request.path} -> ${request.status}${flags ? ` (${flags})` : ''}${body}`;
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  private nextSeq = 1;

  constructor(private readonly notifier: ChangeNotifier) {}

  seq(): number {
    return this.nextSeq++;
  }

  add(request: RecordedRequest): void {
    this.requests.push(request);
    this.violations.push(...request.violations);
    this.notifier.notify();
  }

  forInteraction(interactionId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.interactionId === interactionId);
  }

  clear(): void {
    this.requests.length = 0;
    this.violations.length = 0;
  }

  describe(title: string, relevant?: RecordedRequest[]): string {
    const lines = [title];
    if (relevant) lines.push(`Matching requests (${relevant.length}):`, ...relevant.map((r) => `  ${summarize(r)}`));
    const recent = this.requests.slice(-25);
    lines.push(`All requests received (${this.requests.length}${this.requests.length > 25 ? ', last 25' : ''}):`, ...recent.map((r) => `  ${summarize(r)}`));
    if (this.violations.length) lines.push('Violations:', ...this.violations.map((v) => `  ${v}`));
    return lines.join('\n');
  }

  waitForRequest(predicate: (request: RecordedRequest) => boolean, options: WaitOptions = {}): Promise<RecordedRequest> {
    return this.notifier.waitFor(
      () => this.requests.find(predicate),
      () => this.describe('fake-discord: waitForRequest: no request matched the predicate.'),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }
}
