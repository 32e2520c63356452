/** A FIFO lock: one holder at a time, in arrival order. Commit order = stream order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private holders = 0;

  /** Runs `fn` once every earlier caller has finished. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.holders += 1;
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.holders -= 1;
    });
  }

  /** True when nobody holds or waits for the lock. */
  get idle(): boolean {
    return this.holders === 0;
  }
}
