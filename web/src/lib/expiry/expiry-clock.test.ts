import { describe, expect, it } from 'vitest';
import { ExpiryClock } from './expiry-clock.ts';

/** Timers under the test's control: `advance` runs what falls due, in order. */
function fakeTimers() {
  let now = 1_000;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h: unknown) => void pending.delete(h as number),
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...pending].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        pending.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
    armed: () => pending.size,
  };
}

describe('ExpiryClock', () => {
  it('tells each watcher when its instant passes, with one timer for all of them', () => {
    const t = fakeTimers();
    const clock = new ExpiryClock(t);
    const fired: string[] = [];
    clock.at(1_500, () => fired.push('a'));
    clock.at(1_200, () => fired.push('b'));
    clock.at(1_200, () => fired.push('c'));
    expect(t.armed()).toBe(1);
    t.advance(250);
    expect(fired).toEqual(['b', 'c']);
    t.advance(300);
    expect(fired).toEqual(['b', 'c', 'a']);
    expect(clock.size).toBe(0);
    expect(t.armed()).toBe(0);
  });

  it('does not call cancelled or already expired watchers, and disarms when none are left', () => {
    const t = fakeTimers();
    const clock = new ExpiryClock(t);
    const fired: string[] = [];
    const cancel = clock.at(2_000, () => fired.push('cancelled'));
    clock.at(500, () => fired.push('past'));
    clock.at(Number.NaN, () => fired.push('no date'));
    cancel();
    expect(t.armed()).toBe(0);
    t.advance(5_000);
    expect(fired).toEqual([]);
    expect(clock.expired(5_000)).toBe(true);
  });

  it('waits out expiries beyond setTimeout’s 24.8-day ceiling by re-arming', () => {
    const t = fakeTimers();
    const clock = new ExpiryClock(t);
    const thirtyDays = 30 * 24 * 3600 * 1000;
    let fired = false;
    clock.at(1_000 + thirtyDays, () => (fired = true));
    t.advance(thirtyDays - 1);
    expect(fired).toBe(false);
    t.advance(1);
    expect(fired).toBe(true);
  });
});
