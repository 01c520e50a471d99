// Event-driven waiting: every state change (request recorded, identify, resume) calls notify(), which
// re-runs the pending probes. No polling, no sleeps; a timer only bounds how long a test waits.

interface PendingWait {
  probe: () => void;
  abort: (reason: string) => void;
}

export class ChangeNotifier {
  private readonly pending = new Set<PendingWait>();

  notify(): void {
    for (const wait of [...this.pending]) wait.probe();
  }

  /**
   * Resolves with the first non-undefined value of `probe`, checked now and after every notify().
   * Rejects after timeoutMs with `describe()` in the message so the failure says what did happen.
   */
  waitFor<T>(probe: () => T | undefined, describe: () => string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(entry);
      };
      const entry: PendingWait = {
        probe: () => {
          let value: T | undefined;
          try {
            value = probe();
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (value === undefined) return;
          finish();
          resolve(value);
        },
        abort: (reason) => {
          finish();
          reject(new Error(`${describe()}\n(${reason})`));
        },
      };
      const timer = setTimeout(() => entry.abort(`timed out after ${timeoutMs} ms`), timeoutMs);
      this.pending.add(entry);
      entry.probe();
    });
  }

  /** Rejects every pending wait, e.g. when the fake is closed under a waiting test. */
  abortAll(reason: string): void {
    for (const wait of [...this.pending]) wait.abort(reason);
  }
}
