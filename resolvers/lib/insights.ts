/**
 * Shared by the Insights resolvers (data source `insights`, Postgres through the RDS Data API):
 * the window of UTC days a request covers and reading a Data API result. The SQL reads only the
 * views of database/migrations/002-insights-rollups.sql, where what counts is defined.
 */
import { util, type Context } from '@aws-appsync/utils';
import { toJsonObject, typeHint } from '@aws-appsync/utils/rds';
import { raiseIfError } from './ddb.ts';

const DAY_MS = 86400000;

/** `days` UTC days ending today (UTC), both ends included, as `yyyy-MM-dd`. */
export interface DayWindow {
  days: number;
  from: string;
  to: string;
}

export function dayWindow(days: number): DayWindow {
  const now = util.time.nowEpochMilliSeconds();
  return {
    days,
    from: util.time.epochMilliSecondsToFormatted(now - (days - 1) * DAY_MS, 'yyyy-MM-dd', 'UTC'),
    to: util.time.epochMilliSecondsToFormatted(now, 'yyyy-MM-dd', 'UTC'),
  };
}

/**
 * The parameters of a myInsights statement, from the pipeline's stash: the caller, the window's
 * length, and its first and last day typed as DATE.
 */
export function windowParams(ctx: Context) {
  const window: DayWindow = ctx.stash.window;
  return { me: ctx.stash.callerId as string, days: window.days, start: typeHint.DATE(window.from), end: typeHint.DATE(window.to) };
}

/** Aborts with AppSync's ValidationError shape for `days` unless `ok`. */
export function requireDays(ok: boolean, message: string): void {
  if (!ok) util.error(message, 'ValidationError', null, { field: 'days' });
}

/** The rows of each statement of an RDS result; aborts with the data source's error if there is one. */
export function statementRows(ctx: Context): Record<string, unknown>[][] {
  raiseIfError(ctx);
  return toJsonObject(ctx.result) as unknown as Record<string, unknown>[][];
}
