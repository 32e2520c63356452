/**
 * The TIMESTAMP Amplify signs (`getNowString`): `EEE MMM d HH:mm:ss 'UTC' yyyy` in UTC with English
 * names and an unpadded day, e.g. `Tue Nov 3 05:07:09 UTC 2026`.
 */
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pattern = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) (\d\d):(\d\d):(\d\d) UTC (\d{4})$/;

export function formatTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(
    date.getUTCMinutes(),
  )}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/** Parses the format above; undefined when malformed or the weekday does not match the date. */
export function parseTimestamp(text: string): Date | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[7]), months.indexOf(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  if (date.getUTCDate() !== Number(m[3]) || days[date.getUTCDay()] !== m[1]) return undefined;
  return date;
}
