/**
 * Input rules shared by mutations. Text limits and what counts as a character (a code point)
 * come from definitions/text.ts, the same module the web app's counters use.
 */
import { util } from '@aws-appsync/utils';
import { checkText, textProblemMessage, TEXT_LIMITS } from '../../definitions/text.ts';

export const LIMITS = {
  ...TEXT_LIMITS,
  pageDefault: 20,
  pageMax: 50,
} as const;

/**
 * Trims `value` and checks it against definitions/text.ts (1..max code points, something visible,
 * well-formed, no control characters); aborts with ValidationError naming the field.
 */
export function requireText(field: string, value: string | null | undefined, max: number): string {
  return checkedText(field, value, max, false);
}

/** As requireText, but an empty (or whitespace-only) value is allowed and comes back as ''. */
export function optionalText(field: string, value: string | null | undefined, max: number): string {
  return checkedText(field, value, max, true);
}

function checkedText(field: string, value: string | null | undefined, max: number, emptyAllowed: boolean): string {
  const check = checkText(value, max);
  if (check.problem === null || (emptyAllowed && check.text === '')) return check.text;
  const message = emptyAllowed && check.problem === 'blank' ? `${field} must be empty or contain visible characters` : textProblemMessage(field, check.problem, max);
  util.error(message, 'ValidationError', null, { field, max, reason: check.problem });
  return check.text;
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
