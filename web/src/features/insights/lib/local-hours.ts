/** One hour-of-day bucket shown in the viewer's local time. */
export interface LocalHourCount {
  /** Minutes after local midnight at which the bucket starts (0–1439). */
  startMinute: number;
  /** `HH:MM`, 24-hour clock, local time. */
  label: string;
  count: number;
}

/**
 * The browser's current offset from UTC in minutes (east positive: +60 in Paris in winter, -300 in
 * New York). `Date#getTimezoneOffset` has the opposite sign.
 */
export function browserOffsetMinutes(now: Date = new Date()): number {
  return -now.getTimezoneOffset();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The server's 24 UTC hour buckets re-labelled in local time and ordered from local midnight.
 * A bucket is moved whole, so with a half-hour zone (India, +330) the buckets start at :30 and are
 * labelled so rather than split between two local hours. Missing hours count 0; hours outside
 * 0–23 are ignored. One offset is used for the whole range: across a daylight-saving change the
 * older days are an hour off, which a chart of activity by hour can bear.
 */
export function toLocalHours(utc: readonly { hour: number; count: number }[], offsetMinutes: number): LocalHourCount[] {
  const counts = new Array<number>(24).fill(0);
  for (const { hour, count } of utc) if (Number.isInteger(hour) && hour >= 0 && hour < 24) counts[hour] += count;
  return counts
    .map((count, hour) => {
      const startMinute = (((hour * 60 + offsetMinutes) % 1440) + 1440) % 1440;
      return { startMinute, label: `${pad(Math.floor(startMinute / 60))}:${pad(startMinute % 60)}`, count };
    })
    .sort((a, b) => a.startMinute - b.startMinute);
}

/** The busiest local hours, most active first (ties: earlier first); none when there was no activity. */
export function peakHours(hours: readonly LocalHourCount[], limit = 3): LocalHourCount[] {
  return hours
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count || a.startMinute - b.startMinute)
    .slice(0, limit);
}
