import { describe, expect, it } from 'vitest';
import { browserOffsetMinutes, peakHours, toLocalHours } from './local-hours.ts';

const utc = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, hour) => ({ hour, count: entries[hour] ?? 0 }));

describe('toLocalHours', () => {
  it('keeps UTC as is and orders from midnight', () => {
    const hours = toLocalHours(utc({ 0: 1, 23: 5 }), 0);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ startMinute: 0, label: '00:00', count: 1 });
    expect(hours[23]).toEqual({ startMinute: 1380, label: '23:00', count: 5 });
  });

  it('moves buckets east of UTC forward and wraps past midnight', () => {
    // UTC+2: 22:00 UTC is 00:00 local, 09:00 UTC is 11:00 local.
    const hours = toLocalHours(utc({ 22: 4, 9: 7 }), 120);
    expect(hours[0]).toMatchObject({ label: '00:00', count: 4 });
    expect(hours.find((h) => h.label === '11:00')?.count).toBe(7);
  });

  it('moves buckets west of UTC back and wraps before midnight', () => {
    // UTC-5: 02:00 UTC is 21:00 the previous local day.
    const hours = toLocalHours(utc({ 2: 3 }), -300);
    expect(hours.find((h) => h.label === '21:00')?.count).toBe(3);
    expect(hours.reduce((n, h) => n + h.count, 0)).toBe(3);
  });

  it('labels half-hour zones at :30 without splitting a bucket', () => {
    const hours = toLocalHours(utc({ 0: 2 }), 330);
    expect(hours.every((h) => h.label.endsWith(':30'))).toBe(true);
    expect(hours.find((h) => h.label === '05:30')?.count).toBe(2);
  });

  it('fills missing hours with 0, adds duplicates and ignores hours outside the day', () => {
    const hours = toLocalHours([{ hour: 3, count: 1 }, { hour: 3, count: 2 }, { hour: 24, count: 9 }, { hour: -1, count: 9 }], 0);
    expect(hours).toHaveLength(24);
    expect(hours[3].count).toBe(3);
    expect(hours.reduce((n, h) => n + h.count, 0)).toBe(3);
  });
});

describe('peakHours', () => {
  it('gives the busiest hours, ties earliest first, and none without activity', () => {
    const hours = toLocalHours(utc({ 8: 5, 20: 5, 12: 9, 1: 1 }), 0);
    expect(peakHours(hours).map((h) => h.label)).toEqual(['12:00', '08:00', '20:00']);
    expect(peakHours(toLocalHours(utc({}), 0))).toEqual([]);
  });
});

describe('browserOffsetMinutes', () => {
  it('is east-positive, the opposite of getTimezoneOffset', () => {
    const now = new Date();
    expect(browserOffsetMinutes(now)).toBe(-now.getTimezoneOffset());
  });
});
