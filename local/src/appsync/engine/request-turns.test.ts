import { describe, expect, it } from 'vitest';
import { RequestTurns, SLICE_MS } from './request-turns.ts';

/** Keeps the thread busy for `ms`. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('RequestTurns', () => {
  it('runs starts at once within a slice, then one slice per turn, in order, with others in between', async () => {
    const turns = new RequestTurns();
    const order: string[] = [];
    const results = [0, 1, 2, 3, 4, 5].map((i) => turns.run(() => {
      busy(SLICE_MS / 2 + 1);
      order.push(`start ${i}`);
      return i;
    }));
    expect(order.length).toBeLessThan(6);
    const firstPass = order.length;
    setImmediate(() => order.push('other request'));
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(order.filter((o) => o.startsWith('start'))).toEqual([0, 1, 2, 3, 4, 5].map((i) => `start ${i}`));
    expect(order.indexOf('other request')).toBeGreaterThanOrEqual(firstPass);
    expect(order.indexOf('other request')).toBeLessThan(order.length - 1);
  });

  it('passes a start that throws on as a rejection', async () => {
    const turns = new RequestTurns();
    busy(SLICE_MS + 1);
    await expect(turns.run(() => {
      throw new Error('limit');
    })).rejects.toThrow('limit');
  });
});
