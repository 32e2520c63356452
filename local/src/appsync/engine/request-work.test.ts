import { describe, expect, it } from 'vitest';
import { FieldError } from './field-error.ts';
import { RequestWork } from './request-work.ts';

/** A call that stays in flight until released. */
function gate() {
  let release!: (value: string) => void;
  const promise = new Promise<string>((resolve) => (release = resolve));
  return { promise, release };
}

describe('RequestWork', () => {
  it('keeps at most maxInFlight calls running and starts the next as one finishes', async () => {
    const work = new RequestWork(2);
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g) => work.run(() => g.promise));
    expect(work.started).toBe(2);
    gates[0].release('a');
    await runs[0];
    expect(work.started).toBe(3);
    gates[1].release('b');
    gates[2].release('c');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });

  it('on a limit: fails queued calls of resolvers not yet under way, lets the others finish', async () => {
    const work = new RequestWork(1);
    const first = gate();
    const inFlight = work.run(() => first.promise);
    const queuedNew = work.run(async () => 'never');
    const queuedUnderway = work.run(async () => 'next step', true);
    const limit = new FieldError('Resolver invocation limit reached.', 'ResolverExecutionLimitReached');
    work.end(limit, false);
    await expect(queuedNew).rejects.toBe(limit);
    await expect(work.run(async () => 'new')).rejects.toBe(limit);
    expect(work.signal.aborted).toBe(false);
    first.release('done');
    expect(await inFlight).toBe('done');
    expect(await queuedUnderway).toBe('next step');
  });

  it('once the limit is bound to be crossed, starts no new pipeline however fast calls finish', async () => {
    const work = new RequestWork(2);
    const a = gate();
    const first = work.run(() => a.promise);
    work.expectLimit();
    const second = work.run(async () => 'second pipeline');
    expect(await second).toBe('second pipeline');
    // Both slots' worth of pipelines began: a third waits although a slot is free...
    let thirdRan = false;
    const third = work.run(async () => {
      thirdRan = true;
      return 'third';
    });
    // ...while a later step of a pipeline under way still runs.
    expect(await work.run(async () => 'next step', true)).toBe('next step');
    a.release('first');
    expect(await first).toBe('first');
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdRan).toBe(false);
    const limit = new FieldError('Resolver invocation limit reached.', 'ResolverExecutionLimitReached');
    work.end(limit, false);
    await expect(third).rejects.toBe(limit);
    expect(work.started).toBe(3);
  });

  it('on the timeout: fails every queued call, refuses new ones and aborts those in flight', async () => {
    const work = new RequestWork(1);
    let seen: AbortSignal | undefined;
    const inFlight = work.run((signal) => {
      seen = signal;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    });
    const queued = work.run(async () => 'never', true);
    const timeout = new FieldError('Execution timed out.', 'ExecutionTimeout');
    work.end(timeout, true);
    await expect(queued).rejects.toBe(timeout);
    await expect(inFlight).rejects.toBe(timeout);
    await expect(work.run(async () => 'later', true)).rejects.toBe(timeout);
    expect(seen?.aborted).toBe(true);
    expect(work.ended).toBe(timeout);
  });
});
