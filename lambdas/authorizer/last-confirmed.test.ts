import { describe, expect, it } from 'vitest';
import { createLastConfirmed } from './last-confirmed.ts';

const token = (sig: string) => `header.payload.${sig}`;

describe('last confirmed sessions', () => {
  it('answers within the window only, and never after a refusal', () => {
    const memory = createLastConfirmed();
    memory.confirm(token('a'), 1_000);
    expect(memory.within(token('a'), 500, 1_400)).toBe(true);
    expect(memory.within(token('a'), 500, 1_600)).toBe(false);
    expect(memory.within(token('b'), 500, 1_400)).toBe(false);
    memory.forget(token('a'));
    expect(memory.within(token('a'), 500, 1_400)).toBe(false);
  });

  it('forgets the oldest confirmation first when full', () => {
    const memory = createLastConfirmed();
    for (let i = 0; i <= 10_000; i++) memory.confirm(token(`t${i}`), i);
    expect(memory.within(token('t0'), 1e9, 10_000)).toBe(false);
    expect(memory.within(token('t1'), 1e9, 10_000)).toBe(true);
    expect(memory.within(token('t10000'), 1e9, 10_000)).toBe(true);
  });
});
