import { describe, expect, it } from 'vitest';
import { relativeAge, timeLeft } from './time.ts';

const now = Date.parse('2026-11-27T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const ahead = (ms: number) => new Date(now + ms).toISOString();

describe('relativeAge', () => {
  it('uses compact units up to a week', () => {
    expect(relativeAge(ago(30_000), now)).toBe('now');
    expect(relativeAge(ago(5 * 60_000), now)).toBe('5m');
    expect(relativeAge(ago(3 * 3_600_000 + 1), now)).toBe('3h');
    expect(relativeAge(ago(2 * 86_400_000 + 5), now)).toBe('2d');
  });
  it('falls back to a date after a week and never goes negative', () => {
    expect(relativeAge(ago(10 * 86_400_000), now)).toMatch(/17/);
    expect(relativeAge(ahead(60_000), now)).toBe('now');
    expect(relativeAge('not a date', now)).toBe('');
  });
});

describe('timeLeft', () => {
  it('counts down to expiry', () => {
    expect(timeLeft(ahead(7 * 86_400_000), now)).toBe('7d left');
    expect(timeLeft(ahead(90 * 60_000), now)).toBe('1h left');
    expect(timeLeft(ahead(59 * 60_000), now)).toBe('59m left');
    expect(timeLeft(ahead(10_000), now)).toBe('<1m left');
    expect(timeLeft(ago(1), now)).toBe('expired');
  });
});
