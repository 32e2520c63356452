/**
 * Input rules shared by mutations. Lengths are counted in UTF-16 code units, the unit of the
 * browser's `maxlength` and `String.length`, so the web app's counter and the server agree.
 */
import { util } from '@aws-appsync/utils';

export const LIMITS = {
  crud: 240,
  message: 1024,
  bio: 160,
  displayName: 50,
  pageDefault: 20,
  pageMax: 100,
} as const;

/** Trims `value` and checks 1..max characters; aborts with ValidationError naming the field. */
export function requireText(field: string, value: string | null | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (text.length === 0) util.error(`${field} must not be blank`, 'ValidationError', null, { field });
  if (text.length > max) util.error(`${field} must be at most ${max} characters`, 'ValidationError', null, { field, max });
  return text;
}

/** A page size: default 20, 1..100. */
export function pageLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return LIMITS.pageDefault;
  if (limit < 1 || limit > LIMITS.pageMax) {
    util.error(`limit must be between 1 and ${LIMITS.pageMax}`, 'ValidationError', null, { field: 'limit' });
  }
  return limit;
}

/** Seconds each ExpiresIn choice lasts (the original's 1h … 30d). */
export const EXPIRES_IN_SECONDS: Record<string, number> = {
  ONE_HOUR: 3600,
  THREE_HOURS: 10800,
  TWELVE_HOURS: 43200,
  ONE_DAY: 86400,
  THREE_DAYS: 259200,
  SEVEN_DAYS: 604800,
  THIRTY_DAYS: 2592000,
};
