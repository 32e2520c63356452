/**
 * Turns of the event loop for one request's resolver starts. graphql-js starts every sibling field
 * (and every list item's fields) in one synchronous pass, so a request with a thousand resolvers
 * would hold the process for that whole pass. Once a request has run for a slice, its next starts
 * wait in order and run one slice per turn (`setImmediate`), letting other requests and I/O in
 * between. Starts are never reordered, so resolvers are still counted in the order graphql-js
 * starts them.
 */

/** How long one request may start resolvers before giving the event loop back (chosen). */
export const SLICE_MS = 4;

export class RequestTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;
  private sliceStart = performance.now();

  /** A new slice: the request just got control back (from I/O). */
  resume(): void {
    if (this.waiting.length === 0) this.sliceStart = performance.now();
  }

  /** Runs `start` now if the request's slice allows it, else on a later turn, after those waiting. */
  run<T>(start: () => T): T | Promise<Awaited<T>> {
    if (this.waiting.length === 0 && performance.now() - this.sliceStart < SLICE_MS) return start();
    return new Promise<Awaited<T>>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(start() as Awaited<T>);
        } catch (err) {
          reject(err);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.sliceStart = performance.now();
      while (this.waiting.length > 0 && performance.now() - this.sliceStart < SLICE_MS) this.waiting.shift()!();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
