/**
 * The RDS Data API's operations over the offline database, independent of HTTP: the emulator's
 * server (./server.ts) and AppSync's RDS data source (appsync/datasources/rds) both call these,
 * so the two paths to Postgres behave alike. One cluster is served: its ARN, its secret's ARN
 * and its database name (the app's) are the only ones accepted.
 */
import type { Database, Queryable } from '../database/index.ts';
import { dataApiErrors, postgresErrorMessage, toDataApiError } from './errors.ts';
import { bindParameters } from './parameters.ts';
import type { BatchExecuteStatementRequest, BeginTransactionRequest, EndTransactionRequest, ExecuteStatementRequest, ExecuteStatementResponse } from './protocol.ts';
import { AWS_RESULT_LIMITS, answerByDeadline, runWithin, runsOutsideTransaction, toResponse, type ResultLimits } from './statement.ts';
import { AWS_TRANSACTION_LIMITS, TransactionRegistry, type TransactionLimits } from './transactions.ts';

export interface DataApiOptions {
  db: Database;
  /** The cluster's ARN (`resourceArn`). */
  resourceArn: string;
  /** The credentials secret's ARN (`secretArn`). */
  secretArn: string;
  /** The database name calls may give (`database`). */
  databaseName: string;
  /** A call's timeout (AWS: 45 s). */
  statementTimeoutMs?: number;
  transactionLimits?: Partial<TransactionLimits>;
  resultLimits?: Partial<ResultLimits>;
}

export interface DataApi {
  executeStatement(request: ExecuteStatementRequest): Promise<ExecuteStatementResponse>;
  batchExecuteStatement(request: BatchExecuteStatementRequest): Promise<{ updateResults: { generatedFields: [] }[] }>;
  beginTransaction(request: BeginTransactionRequest): Promise<{ transactionId: string }>;
  commitTransaction(request: EndTransactionRequest): Promise<{ transactionStatus: string }>;
  rollbackTransaction(request: EndTransactionRequest): Promise<{ transactionStatus: string }>;
  /** Rolls back open transactions (the database itself is the caller's to close). */
  close(): Promise<void>;
}

/** API_ExecuteStatement: `sql` is at most 65,536 characters. */
const MAX_SQL = 65_536;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createDataApi(options: DataApiOptions): DataApi {
  const { db } = options;
  const timeoutMs = options.statementTimeoutMs ?? 45_000;
  const limits = { ...AWS_RESULT_LIMITS, ...options.resultLimits };
  const transactions = new TransactionRegistry(db, { ...AWS_TRANSACTION_LIMITS, ...options.transactionLimits });

  /** The checks every operation shares: a request object, our cluster, our secret, our database. */
  function target(request: unknown, withDatabase: boolean): asserts request is { resourceArn: string; secretArn: string; database?: string } {
    if (!isObject(request)) throw dataApiErrors.badRequest('The request body must be a JSON object.');
    const { resourceArn, secretArn, database } = request;
    if (typeof resourceArn !== 'string' || resourceArn.length < 11 || resourceArn.length > 100) throw dataApiErrors.badRequest('resourceArn must be an ARN of 11 to 100 characters.');
    if (typeof secretArn !== 'string' || secretArn.length < 11 || secretArn.length > 100) throw dataApiErrors.badRequest('secretArn must be an ARN of 11 to 100 characters.');
    if (resourceArn !== options.resourceArn) throw dataApiErrors.unknownResource(resourceArn);
    if (secretArn !== options.secretArn) throw dataApiErrors.forbiddenSecret(secretArn);
    if (withDatabase && database !== undefined && database !== '' && database !== options.databaseName) {
      // What connecting to a database that does not exist answers.
      throw dataApiErrors.badRequest(postgresErrorMessage({ severity: 'FATAL', message: `database "${String(database)}" does not exist`, code: '3D000' }));
    }
  }

  function statementRequest(request: { sql?: unknown; transactionId?: unknown; formatRecordsAs?: unknown }): void {
    if (typeof request.sql !== 'string' || request.sql.trim() === '') throw dataApiErrors.badRequest('sql must be a non-empty string.');
    if (request.sql.length > MAX_SQL) throw dataApiErrors.badRequest(`sql must be at most ${MAX_SQL} characters.`);
    if (request.transactionId !== undefined && typeof request.transactionId !== 'string') throw dataApiErrors.badRequest('transactionId must be a string.');
    if (request.formatRecordsAs !== undefined && request.formatRecordsAs !== 'NONE' && request.formatRecordsAs !== 'JSON') throw dataApiErrors.badRequest('formatRecordsAs must be NONE or JSON.');
  }

  async function execute(request: ExecuteStatementRequest): Promise<ExecuteStatementResponse> {
    target(request, true);
    statementRequest(request);
    const { sql, values } = bindParameters(request.sql, request.parameters);
    const continueAfterTimeout = request.continueAfterTimeout === true;
    const respond = async (q: Queryable, connectionId: number, inTransaction = true) => {
      const result = await runWithin(q, sql, values, { timeoutMs, continueAfterTimeout, connectionId, inTransaction });
      return toResponse(q, db, result, request, limits);
    };
    if (request.transactionId) {
      return transactions.use(request.transactionId, request.resourceArn, (tx) => respond(tx.session, tx.connectionId));
    }
    const connectionId = transactions.connectionId();
    const work = runsOutsideTransaction(sql) ? respond(db, connectionId, false) : db.transaction((tx) => respond(tx, connectionId));
    return continueAfterTimeout ? answerByDeadline(work, timeoutMs, connectionId) : work;
  }

  async function batch(request: BatchExecuteStatementRequest) {
    target(request, true);
    statementRequest(request);
    const sets = request.parameterSets ?? [];
    if (!Array.isArray(sets) || !sets.every(Array.isArray)) throw dataApiErrors.badRequest('parameterSets must be a list of parameter lists.');
    // Bound up front: a bad set fails the call before anything runs.
    const bound = sets.map((set) => bindParameters(request.sql, set));
    const runAll = async (q: Queryable, connectionId: number) => {
      for (const b of bound) await runWithin(q, b.sql, b.values, { timeoutMs, continueAfterTimeout: false, connectionId, inTransaction: true });
      return { updateResults: bound.map(() => ({ generatedFields: [] as [] })) };
    };
    if (request.transactionId) return transactions.use(request.transactionId, request.resourceArn, (tx) => runAll(tx.session, tx.connectionId));
    // Outside a transaction the whole batch commits, or none of it.
    return db.transaction((tx) => runAll(tx, transactions.connectionId()));
  }

  const guarded =
    <A, R>(fn: (a: A) => Promise<R>) =>
    (a: A): Promise<R> =>
      fn(a).catch((err: unknown) => {
        throw toDataApiError(err);
      });

  const end = (how: 'COMMIT' | 'ROLLBACK') => async (request: EndTransactionRequest) => {
    target(request, false);
    if (typeof request.transactionId !== 'string' || request.transactionId === '') throw dataApiErrors.badRequest('transactionId must be a non-empty string.');
    const tag = await transactions.end(request.transactionId, request.resourceArn, how);
    if (how === 'COMMIT' && tag === 'ROLLBACK') throw dataApiErrors.databaseError('The transaction was rolled back: a statement in it failed.');
    return { transactionStatus: how === 'COMMIT' ? 'Transaction Committed' : 'Rollback Complete' };
  };

  return {
    executeStatement: guarded(execute),
    batchExecuteStatement: guarded(batch),
    beginTransaction: guarded(async (request: BeginTransactionRequest) => {
      target(request, true);
      return { transactionId: await transactions.begin(request.resourceArn) };
    }),
    commitTransaction: guarded(end('COMMIT')),
    rollbackTransaction: guarded(end('ROLLBACK')),
    close: () => transactions.close(),
  };
}
