/**
 * One timer for every expiry on screen: it fires at the earliest registered instant, tells those
 * that are due, and re-arms for the next. Plain TypeScript so it is testable without React.
 */

/** setTimeout's ceiling (2^31 − 1 ms, about 24.8 days); a 30-day expiry re-arms on the way. */
const MAX_DELAY_MS = 2 ** 31 - 1;

interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ExpiryClock {
  private readonly waiting = new Map<() => void, number>();
  private handle: unknown;
  private armedFor = Infinity;

  constructor(private readonly timers: Timers = browserTimers) {}

  /** True when `at` (epoch ms) has passed. */
  expired(at: number): boolean {
    return at <= this.timers.now();
  }

  /** Calls `onExpire` once when `at` passes (not at all if it already has); returns the cancel. */
  at(at: number, onExpire: () => void): () => void {
    if (Number.isNaN(at) || this.expired(at)) return () => undefined;
    this.waiting.set(onExpire, at);
    if (at < this.armedFor) this.arm();
    return () => {
      this.waiting.delete(onExpire);
      if (this.waiting.size === 0) this.disarm();
    };
  }

  /** How many are waiting (for tests). */
  get size(): number {
    return this.waiting.size;
  }

  private arm(): void {
    this.disarm();
    const next = Math.min(...this.waiting.values());
    if (!Number.isFinite(next)) return;
    this.armedFor = next;
    this.handle = this.timers.setTimeout(() => this.fire(), Math.min(MAX_DELAY_MS, Math.max(0, next - this.timers.now())));
  }

  private disarm(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
    this.armedFor = Infinity;
  }

  private fire(): void {
    this.handle = undefined;
    this.armedFor = Infinity;
    const due = [...this.waiting].filter(([, at]) => this.expired(at)).map(([fn]) => fn);
    for (const fn of due) this.waiting.delete(fn);
    if (this.waiting.size > 0) this.arm();
    for (const fn of due) fn();
  }
}
