// Insights days are UTC calendar days (AWSDate, `YYYY-MM-DD`): they are formatted in UTC so a
// viewer west of Greenwich does not see every day shifted to the one before.
const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

const parse = (awsDate: string) => new Date(`${awsDate}T00:00:00Z`);

/** "Dec 7": axis ticks. */
export function shortDay(awsDate: string): string {
  return short.format(parse(awsDate));
}

/** "Mon, Dec 7, 2026": table rows, unambiguous. */
export function longDay(awsDate: string): string {
  return long.format(parse(awsDate));
}
