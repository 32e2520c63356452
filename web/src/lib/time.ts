/** Time formatting for cruds and messages: compact relative ages, absolute tooltips, time left. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const monthDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const monthDayYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

/** "now", "5m", "3h", "2d", then "Mar 4" (this year) or "Mar 4, 2025". */
export function relativeAge(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = Math.max(0, now - t);
  if (diff < MINUTE) return 'now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)}h`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)}d`;
  const d = new Date(t);
  return d.getFullYear() === new Date(now).getFullYear() ? monthDay.format(d) : monthDayYear.format(d);
}

/** The full local date and time, for tooltips and detail views. */
export function absoluteTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : absolute.format(new Date(t));
}

/** "6d left", "3h left", "12m left", "<1m left" or "expired". */
export function timeLeft(expiresIso: string, now: number = Date.now()): string {
  const t = Date.parse(expiresIso);
  if (Number.isNaN(t)) return '';
  const left = t - now;
  if (left <= 0) return 'expired';
  if (left < MINUTE) return '<1m left';
  if (left < HOUR) return `${Math.floor(left / MINUTE)}m left`;
  if (left < DAY) return `${Math.floor(left / HOUR)}h left`;
  return `${Math.floor(left / DAY)}d left`;
}
