/**
 * Running one statement as the Data API does: within the call's timeout (45 s by default, "Using
 * RDS Data API": the call times out, and with `continueAfterTimeout` the statement keeps
 * running), and turning the result into the ExecuteStatement response within the documented
 * size limits (1 MiB of response, 10 MiB of JSON-formatted records, 64 KB per row).
 */
import type { Queryable, QueryResult } from '../database/index.ts';
import { isPostgresError } from '../database/index.ts';
import { DataApiError, dataApiErrors } from './errors.ts';
import { columnMetadata, jsonValue, toField, unknownTypes } from './fields.ts';
import type { ExecuteStatementRequest, ExecuteStatementResponse } from './protocol.ts';

export interface ResultLimits {
  /** AWS: 1 MiB ("Limitations for the Amazon RDS Data API"). */
  maxResponseBytes: number;
  /** AWS: 10 MiB for `formattedRecords` (API_ExecuteStatement). */
  maxJsonBytes: number;
  /** AWS: 64 KB per row of the result set. */
  maxRowBytes: number;
}

export const AWS_RESULT_LIMITS: ResultLimits = { maxResponseBytes: 1024 * 1024, maxJsonBytes: 10 * 1024 * 1024, maxRowBytes: 64 * 1024 };

/** Statements Postgres refuses inside a transaction block; they run on their own. */
const OUTSIDE_TRANSACTION = /^\s*(VACUUM|CLUSTER|REINDEX|ALTER\s+SYSTEM|(CREATE|DROP)\s+(DATABASE|TABLESPACE)|(CREATE|DROP)\s+INDEX\s+CONCURRENTLY)\b/i;

export interface TimedRun {
  timeoutMs: number;
  continueAfterTimeout: boolean;
  connectionId: number;
  /** False for statements run outside a transaction block, where SET LOCAL has no effect. */
  inTransaction: boolean;
}

/**
 * Runs `sql` on `q` (already inside a transaction unless `outsideTransaction`). Without
 * `continueAfterTimeout` a statement past the timeout fails with StatementTimeoutException and
 * its effects are undone: a real server cancels it (statement_timeout); PGlite, which cannot be
 * interrupted, is checked when it returns and the caller's transaction rolls back.
 */
export async function runWithin(q: Queryable, sql: string, values: (string | null)[], run: TimedRun): Promise<QueryResult> {
  const started = Date.now();
  try {
    if (!run.continueAfterTimeout && run.inTransaction) await q.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(run.timeoutMs))}`);
    const result = await q.query(sql, values);
    if (!run.continueAfterTimeout && Date.now() - started > run.timeoutMs) throw dataApiErrors.statementTimeout(run.connectionId);
    return result;
  } catch (err) {
    // 57014 query_canceled: statement_timeout fired.
    if (isPostgresError(err) && err.code === '57014' && !run.continueAfterTimeout) throw dataApiErrors.statementTimeout(run.connectionId);
    throw err;
  }
}

/** True for statements that must not be wrapped in a transaction. */
export const runsOutsideTransaction = (sql: string) => OUTSIDE_TRANSACTION.test(sql);

/** Rejects with StatementTimeoutException after `ms`, leaving `work` running (continueAfterTimeout). */
export function answerByDeadline<T>(work: Promise<T>, ms: number, connectionId: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(dataApiErrors.statementTimeout(connectionId)), ms);
  });
  // The work's own outcome no longer reaches the caller once the deadline has answered.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const typeNameCache = new WeakMap<object, Map<number, string>>();

/** Names of the result's non-built-in types (enums, domains), looked up on `q` and cached per database. */
async function typeNames(q: Queryable, cacheKey: object, result: QueryResult): Promise<Map<number, string>> {
  let cache = typeNameCache.get(cacheKey);
  if (!cache) typeNameCache.set(cacheKey, (cache = new Map()));
  const missing = unknownTypes(result.fields).filter((oid) => !cache.has(oid));
  if (missing.length) {
    const found = await q.query('SELECT oid::int8, typname FROM pg_type WHERE oid = ANY($1::int8[]::oid[])', [`{${missing.join(',')}}`]);
    for (const [oid, name] of found.rows) cache.set(Number(oid), String(name));
  }
  return cache;
}

const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** The ExecuteStatement response for `result`, or the Data API's error when it breaks a limit. */
export async function toResponse(q: Queryable, cacheKey: object, result: QueryResult, request: ExecuteStatementRequest, limits: ResultLimits): Promise<ExecuteStatementResponse> {
  const response: ExecuteStatementResponse = { numberOfRecordsUpdated: DML.has(result.command) ? result.rowCount : 0 };
  if (result.fields.length > 0) {
    const names = await typeNames(q, cacheKey, result);
    const options = request.resultSetOptions ?? {};
    const records = result.rows.map((row) => {
      if (row.reduce((n, v) => n + (v === null ? 0 : Buffer.byteLength(v)), 0) > limits.maxRowBytes) {
        throw new DataApiError('BadRequestException', `Row size exceeds the Data API limit of ${limits.maxRowBytes} bytes.`);
      }
      return row.map((v, i) => toField(v, result.fields[i].dataTypeID, names, options));
    });
    if (request.includeResultMetadata) response.columnMetadata = columnMetadata(result.fields, names);
    if (request.formatRecordsAs === 'JSON') {
      const objects = records.map((r) => Object.fromEntries(r.map((f, i) => [result.fields[i].name, jsonValue(f)])));
      response.formattedRecords = JSON.stringify(objects);
      if (Buffer.byteLength(response.formattedRecords) > limits.maxJsonBytes) throw dataApiErrors.responseTooLarge();
      return response;
    }
    response.records = records;
  } else if (DML.has(result.command)) {
    // Postgres reports no generated fields through the Data API (use RETURNING; API_ExecuteStatement).
    response.generatedFields = [];
  }
  if (Buffer.byteLength(JSON.stringify(response)) > limits.maxResponseBytes) throw dataApiErrors.responseTooLarge();
  return response;
}

