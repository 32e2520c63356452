// Inputs and outputs from the developer guide's time helper examples ("Time helpers in util.time"
// and its VTL twin, which documents the same Java DateTimeFormatter behaviour with examples).
import { describe, expect, it } from 'vitest';
import { time } from './time.ts';
import { formatEpoch, parseToEpoch } from './java-format.ts';

const MS = 1517943695758; // 2018-02-06T19:01:35.758Z

describe('util.time conversions', () => {
  it('converts epoch milliseconds to seconds and ISO 8601', () => {
    expect(time.epochMilliSecondsToSeconds(MS)).toBe(1517943695);
    expect(time.epochMilliSecondsToISO8601(MS)).toBe('2018-02-06T19:01:35.758Z');
    expect(time.epochMilliSecondsToISO8601(1517943695000)).toBe('2018-02-06T19:01:35.000Z');
  });

  it('formats in UTC and in another zone', () => {
    expect(time.epochMilliSecondsToFormatted(MS, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(time.epochMilliSecondsToFormatted(MS, 'yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
    expect(time.epochMilliSecondsToFormatted(MS, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
  });

  it('parses formatted timestamps with an offset in the text or a zone argument', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ')).toBe(1517505562000);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(1517476762000);
  });

  it('parses ISO 8601 with an offset', () => {
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00')).toBe(1517476865180);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-01T09:21:05Z')).toBe(1517476865000);
  });

  it('reports the current time in every documented shape', () => {
    const before = Date.now();
    const iso = time.nowISO8601();
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(before - (before % 1000));
    expect(time.nowEpochSeconds()).toBe(Math.floor(time.nowEpochMilliSeconds() / 1000));
    expect(time.nowFormatted('yyyy')).toBe(String(new Date().getUTCFullYear()));
  });

  it('rejects an unknown zone', () => {
    expect(() => time.nowFormatted('yyyy', 'Mars/Olympus')).toThrow(/Unknown time-zone/);
  });
});

describe('Java DateTimeFormatter patterns', () => {
  const t = Date.UTC(2024, 2, 5, 7, 8, 9, 45); // Tuesday 2024-03-05 07:08:09.045 UTC

  it('formats text, padded numbers, fractions and literals', () => {
    expect(formatEpoch(t, "EEE, d MMM yyyy HH:mm:ss 'GMT'")).toBe('Tue, 5 Mar 2024 07:08:09 GMT');
    expect(formatEpoch(t, 'EEEE MMMM dd, yy h:mm a')).toBe('Tuesday March 05, 24 7:08 AM');
    expect(formatEpoch(t, 'yyyy-MM-dd\'T\'HH:mm:ss.SSSXXX')).toBe('2024-03-05T07:08:09.045Z');
    expect(formatEpoch(t, 'DDD Q')).toBe('065 1');
    expect(formatEpoch(t, "'it''s' HH")).toBe("it's 07");
  });

  it('formats zone offsets and names', () => {
    expect(formatEpoch(t, 'XXX', 'America/New_York')).toBe('-05:00');
    expect(formatEpoch(t, 'xx', 'UTC')).toBe('+0000');
    expect(formatEpoch(t, 'HH:mm z', 'America/Los_Angeles')).toBe('23:08 PST');
    expect(formatEpoch(Date.UTC(2024, 6, 1, 12), 'HH:mm Z', 'Europe/Berlin')).toBe('14:00 +0200');
  });

  it('parses back what it formats', () => {
    const pattern = 'dd/MM/yyyy HH:mm:ss.SSS';
    expect(parseToEpoch(formatEpoch(t, pattern, 'Asia/Tokyo'), pattern, 'Asia/Tokyo')).toBe(t);
    expect(parseToEpoch('5 Mar 2024 07:08', 'd MMM yyyy HH:mm')).toBe(Date.UTC(2024, 2, 5, 7, 8));
  });

  it('rejects text that does not fit the pattern and unknown letters', () => {
    expect(() => parseToEpoch('2024/03/05', 'yyyy-MM-dd')).toThrow(/could not be parsed/);
    expect(() => formatEpoch(t, 'yyyy-bb')).toThrow(/Unknown pattern letter/);
  });
});
