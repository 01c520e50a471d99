/**
 * Per-user rate limit: at most `limit` uses in any `windowMs`. Keeps one timestamp list per active
 * user, pruned as it goes.
 */
export class Cooldown {
  private readonly uses = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the user may go ahead (the use is counted); otherwise the ms until they may. */
  take(userId: string): number {
    if (this.limit <= 0) return 0;
    const now = this.now();
    const recent = (this.uses.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.uses.set(userId, recent);
      return this.windowMs - (now - recent[0]!);
    }
    recent.push(now);
    this.uses.set(userId, recent);
    if (this.uses.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [user, times] of this.uses) if (times.every((t) => now - t >= this.windowMs)) this.uses.delete(user);
  }
}
