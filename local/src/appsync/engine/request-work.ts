/**
 * The data-source work of one request: a bounded number of calls in flight, the rest queued, and
 * one switch that ends it all. AppSync ends a request at its 30 s timeout and when it exceeds its
 * resolver count ("the query ends with a ResolverExecutionLimitReached error", configuration-limits
 * page); offline that must also stop the calls still waiting, or a cancelled request keeps the
 * embedded store busy long after its answer was sent. The bound keeps one request from flooding
 * the store (and the event loop) with thousands of calls at once, so other requests interleave.
 */
import type { FieldError } from './field-error.ts';

/** Data-source calls one request may have in flight (chosen; AppSync documents no such number). */
export const DEFAULT_MAX_IN_FLIGHT = 8;

interface Waiter {
  start: () => void;
  fail: (reason: FieldError) => void;
  underway: boolean;
  /** Held until the request ends (see `expectLimit`): never handed a slot. */
  held?: boolean;
}

export class RequestWork {
  private readonly controller = new AbortController();
  private readonly waiting: Waiter[] = [];
  private inFlight = 0;
  private endedBy: FieldError | undefined;
  /** Calls that reached their data source (for tests and logs). */
  started = 0;
  /** Resolvers that made their first data-source call. */
  private pipelines = 0;
  private limitExpected = false;

  constructor(private readonly maxInFlight = DEFAULT_MAX_IN_FLIGHT) {}

  /** Aborted when the request times out: data sources pass it on to cancel what is in flight. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the request ended, if it did. */
  get ended(): FieldError | undefined {
    return this.endedBy;
  }

  /**
   * Ends the request. With `abortAll` (the timeout) every call fails — queued ones with `reason`,
   * those in flight through the signal. Otherwise (the resolver count) only resolvers that had not
   * reached their data source yet fail; resolvers already under way finish their remaining
   * pipeline steps, so the resolvers that ran within the limit keep their results.
   */
  end(reason: FieldError, abortAll: boolean): void {
    if (this.endedBy === undefined) this.endedBy = reason;
    const keep = this.waiting.filter((w) => w.underway && !abortAll);
    for (const w of this.waiting) if (!keep.includes(w)) w.fail(this.endedBy);
    this.waiting.splice(0, this.waiting.length, ...keep);
    if (abortAll && !this.controller.signal.aborted) this.controller.abort(this.endedBy);
  }

  /**
   * The request has asked for more resolvers than its limit allows, so it will end with the limit
   * error once they start: from now on no further resolver begins data-source work (beyond the
   * first `maxInFlight`), as such work would only be thrown away. Without this, how many pipelines
   * run before the limit is crossed would depend on how fast the store answers while the
   * request's resolvers are still being started, one slice per turn (request-turns.ts).
   */
  expectLimit(): void {
    this.limitExpected = true;
  }

  /**
   * Runs `call` once a slot is free; rejects with the ending reason if the request ends first.
   * `underway`: the calling resolver already made a call (a later pipeline step).
   */
  async run<T>(call: (signal: AbortSignal) => Promise<T>, underway = false): Promise<T> {
    if (this.endedBy && (this.controller.signal.aborted || !underway)) throw this.endedBy;
    if (!underway && this.limitExpected && this.pipelines >= this.maxInFlight) {
      await new Promise<void>((start, fail) => this.waiting.push({ start, fail, underway, held: true }));
    }
    if (!underway) this.pipelines++;
    // A finishing call hands its slot straight to the next waiter, so the bound holds exactly.
    if (this.inFlight >= this.maxInFlight) await new Promise<void>((start, fail) => this.waiting.push({ start, fail, underway }));
    else this.inFlight++;
    this.started++;
    try {
      return await call(this.controller.signal);
    } finally {
      const i = this.waiting.findIndex((w) => !w.held);
      if (i >= 0) this.waiting.splice(i, 1)[0].start();
      else this.inFlight--;
    }
  }
}
