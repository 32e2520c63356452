/**
 * The Data API's transactions: BeginTransaction opens one on a dedicated session and returns an
 * id; ExecuteStatement/BatchExecuteStatement calls carrying the id run in it, one at a time;
 * Commit/RollbackTransaction end it. As on AWS ("Running a SQL transaction", Aurora User Guide), a
 * transaction with no call for three minutes is rolled back, as is one still open after 24
 * hours; its id is then unknown.
 */
import { randomBytes } from 'node:crypto';
import type { Database, DatabaseSession } from '../database/index.ts';
import { dataApiErrors } from './errors.ts';

export interface OpenTransaction {
  readonly id: string;
  readonly session: DatabaseSession;
  /** The id AWS reports as `dbConnectionId` when a call in it times out. */
  readonly connectionId: number;
}

interface Entry extends OpenTransaction {
  resourceArn: string;
  busy: boolean;
  lastUsed: number;
  startedAt: number;
}

export interface TransactionLimits {
  /** Rolled back after this long without a call (AWS: 3 minutes). */
  idleMs: number;
  /** Rolled back after this long in total (AWS: 24 hours). */
  maxMs: number;
}

export const AWS_TRANSACTION_LIMITS: TransactionLimits = { idleMs: 3 * 60_000, maxMs: 24 * 3_600_000 };

export class TransactionRegistry {
  private readonly open = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private nextConnectionId = 1;

  constructor(
    private readonly db: Database,
    private readonly limits: TransactionLimits,
  ) {
    this.sweeper = setInterval(() => void this.sweep(), Math.max(50, Math.min(limits.idleMs / 4, 10_000)));
    this.sweeper.unref();
  }

  /** A connection id for a call outside any transaction. */
  connectionId(): number {
    return this.nextConnectionId++;
  }

  async begin(resourceArn: string): Promise<string> {
    const session = await this.db.connect();
    try {
      await session.query('BEGIN');
    } catch (err) {
      session.release();
      throw err;
    }
    // AWS transaction ids are long opaque base64 strings.
    const id = randomBytes(48).toString('base64');
    const now = Date.now();
    this.open.set(id, { id, session, resourceArn, busy: false, lastUsed: now, startedAt: now, connectionId: this.connectionId() });
    return id;
  }

  private entry(id: string, resourceArn: string): Entry {
    const entry = this.open.get(id);
    if (!entry || entry.resourceArn !== resourceArn) throw dataApiErrors.transactionNotFound(id);
    // One statement at a time per transaction, as AWS enforces (aws/aws-sdk-js#4615).
    if (entry.busy) throw dataApiErrors.databaseError('Transaction is still running a query');
    return entry;
  }

  /** Runs `fn` on the transaction's session, marking it busy meanwhile. */
  async use<T>(id: string, resourceArn: string, fn: (tx: OpenTransaction) => Promise<T>): Promise<T> {
    const entry = this.entry(id, resourceArn);
    entry.busy = true;
    try {
      return await fn(entry);
    } finally {
      entry.busy = false;
      entry.lastUsed = Date.now();
    }
  }

  /** Commits or rolls back; the id is unknown afterwards. Returns the command tag Postgres answered. */
  async end(id: string, resourceArn: string, how: 'COMMIT' | 'ROLLBACK'): Promise<string> {
    const entry = this.entry(id, resourceArn);
    this.open.delete(id);
    try {
      // COMMIT of a transaction an earlier statement aborted answers ROLLBACK.
      return (await entry.session.query(how)).command;
    } finally {
      entry.session.release();
    }
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const entry of [...this.open.values()]) {
      if (entry.busy) continue;
      if (now - entry.lastUsed > this.limits.idleMs || now - entry.startedAt > this.limits.maxMs) {
        this.open.delete(entry.id);
        await entry.session.query('ROLLBACK').catch(() => undefined);
        entry.session.release();
      }
    }
  }

  /** Rolls back everything still open. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const entry of [...this.open.values()]) {
      this.open.delete(entry.id);
      await entry.session.query('ROLLBACK').catch(() => undefined);
      entry.session.release();
    }
  }
}
