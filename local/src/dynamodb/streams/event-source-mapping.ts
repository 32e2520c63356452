/**
 * One DynamoDB event source mapping, offline: polls a table's stream log and invokes a Lambda
 * handler with `{Records: [...]}` batches the way Lambda does ("Using AWS Lambda with Amazon
 * DynamoDB", "Configuring partial batch response with DynamoDB and Lambda"):
 * - one shard, one batch in flight: records arrive in commit order, so in order per item key;
 * - a batch is sent when `batchSize` records are ready or `maximumBatchingWindowInSeconds` passed;
 * - a failed batch is retried with exponential back-off until `maximumRetryAttempts` (-1: until
 *   the record is 24 h old), then its metadata goes to the failure destination and the mapping
 *   moves on;
 * - `bisectBatchOnFunctionError` splits a failing batch in halves before retrying (halving itself
 *   does not use up retries, so it always reaches the failing record);
 * - with `reportBatchItemFailures`, `{batchItemFailures: [{itemIdentifier}]}` checkpoints before
 *   the lowest failed sequence number and retries from there; an unknown or empty identifier fails
 *   the whole batch.
 * The checkpoint is persisted (with a directory) so a restart resumes where it stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { StreamConsumerDefinition } from '../../app-definition.ts';
import type { StreamLog } from './log.ts';
import { RETENTION_MS } from './log.ts';
import { adoptFormerFile } from './former-names.ts';
import type { StreamRecord } from './record.ts';
import { matchesAny } from './filter.ts';
import { failureRecord, type FailureDestination, type FailureRecord } from './failure-destination.ts';

export interface MappingOptions {
  consumer: StreamConsumerDefinition;
  log: StreamLog;
  /** Invokes the function once; `awsRequestId` is the invocation's id (the handler's `context.awsRequestId`). */
  invoke: (event: { Records: StreamRecord[] }, awsRequestId: string) => Promise<unknown>;
  destination: FailureDestination;
  functionArn: string;
  checkpointDir?: string;
  retryBaseMs?: number;
  retryMaxMs?: number;
  logger?: (obj: object) => void;
  /**
   * The GraphQL requests behind a batch's records (streams/correlation.ts), added to the batch's
   * log lines as `requestIds` — never to the event, which stays exactly DynamoDB Streams' shape.
   */
  requestIds?: (records: StreamRecord[]) => string[];
}

type Outcome = { ok: true } | { ok: false; failedFrom?: number; functionError?: string };

export const SHARD_ID = 'shardId-00000000000000000000-00000001';

export class EventSourceMapping {
  private position: string | null;
  private busy = false;
  private closed = false;
  private wake?: () => void;
  private readonly unsubscribe: () => void;
  private readonly loop: Promise<void>;
  private readonly checkpointFile?: string;

  constructor(private readonly options: MappingOptions) {
    const { consumer, log } = options;
    if (options.checkpointDir) {
      fs.mkdirSync(options.checkpointDir, { recursive: true });
      this.checkpointFile = path.join(options.checkpointDir, `${consumer.name}.checkpoint.json`);
      adoptFormerFile(options.checkpointDir, consumer.name, consumer.formerNames, '.checkpoint.json');
    }
    const saved = this.checkpointFile && fs.existsSync(this.checkpointFile) ? (JSON.parse(fs.readFileSync(this.checkpointFile, 'utf8')) as { position: string | null }) : undefined;
    this.position = saved ? saved.position : consumer.startingPosition === 'LATEST' ? log.latest() : null;
    this.unsubscribe = log.subscribe(() => this.wake?.());
    this.loop = this.run();
  }

  /** True when every record up to the stream's tip has been handled and nothing is in flight. */
  get idle(): boolean {
    return !this.busy && this.options.log.readAfter(this.position, 1).length === 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    const { consumer } = this.options;
    while (!this.closed) {
      const ready = this.options.log.readAfter(this.position, consumer.batchSize);
      if (ready.length === 0) {
        await this.sleep(1000);
        continue;
      }
      this.busy = true;
      try {
        const windowMs = consumer.maximumBatchingWindowInSeconds * 1000;
        // The window opens at the first record's commit; its timestamp is floored to the second, so
        // round up (never closing early), and records that already waited go without delay.
        const deadline = Math.min(Date.now(), (ready[0].dynamodb.ApproximateCreationDateTime + 1) * 1000) + windowMs;
        while (!this.closed && windowMs > 0 && Date.now() < deadline && this.options.log.readAfter(this.position, consumer.batchSize).length < consumer.batchSize) {
          await this.sleep(Math.min(deadline - Date.now(), 1000));
        }
        if (this.closed) break;
        const scanned = this.options.log.readAfter(this.position, consumer.batchSize);
        const batch = scanned.filter((r) => matchesAny(consumer.filterPatterns, r));
        if (batch.length > 0) await this.deliver(batch);
        if (!this.closed) this.checkpoint(scanned[scanned.length - 1].dynamodb.SequenceNumber);
      } catch (err) {
        this.options.logger?.({ msg: 'event source mapping error', consumer: consumer.name, err: String(err) });
      } finally {
        this.busy = false;
      }
    }
  }

  /** Delivers `records` until success or discard; bisection recurses on halves. */
  private async deliver(records: StreamRecord[]): Promise<void> {
    const { consumer } = this.options;
    let pending = records;
    let attempts = 0;
    for (;;) {
      if (this.closed) return;
      const outcome = await this.invoke(pending);
      attempts += 1;
      if (outcome.ok) return;
      if (outcome.failedFrom !== undefined) {
        if (outcome.failedFrom > 0) this.checkpoint(pending[outcome.failedFrom - 1].dynamodb.SequenceNumber);
        pending = pending.slice(outcome.failedFrom);
      } else if (consumer.bisectBatchOnFunctionError && pending.length > 1) {
        const half = Math.ceil(pending.length / 2);
        await this.deliver(pending.slice(0, half));
        await this.deliver(pending.slice(half));
        return;
      }
      const tooOld = Date.now() - pending[0].dynamodb.ApproximateCreationDateTime * 1000 > RETENTION_MS;
      const exhausted = consumer.maximumRetryAttempts >= 0 && attempts > consumer.maximumRetryAttempts;
      if (tooOld || exhausted) {
        this.discard(pending, tooOld ? 'RecordAgeExceeded' : 'RetryAttemptsExhausted', attempts, outcome.functionError);
        return;
      }
      const base = this.options.retryBaseMs ?? 100;
      await this.sleep(Math.min(base * 2 ** (attempts - 1), this.options.retryMaxMs ?? 5000));
    }
  }

  private async invoke(records: StreamRecord[]): Promise<Outcome> {
    const { consumer, logger } = this.options;
    const started = Date.now();
    // GraphQL requests → this line → the handler's own log lines (Powertools logs `function_request_id`).
    const ids = { ...this.requestIds(records), lambdaRequestId: randomUUID() };
    try {
      const response = await this.options.invoke({ Records: records }, ids.lambdaRequestId);
      const outcome = consumer.reportBatchItemFailures ? partial(response, records) : ({ ok: true } as const);
      logger?.({ msg: 'stream batch', consumer: consumer.name, records: records.length, ...ids, ok: outcome.ok, ms: Date.now() - started });
      return outcome;
    } catch (err) {
      logger?.({ msg: 'stream batch failed', consumer: consumer.name, records: records.length, ...ids, err: String(err), ms: Date.now() - started });
      return { ok: false, functionError: 'Unhandled' };
    }
  }

  private discard(records: StreamRecord[], condition: FailureRecord['requestContext']['condition'], attempts: number, functionError?: string): void {
    this.options.destination.send(
      failureRecord({ records, requestId: randomUUID(), functionArn: this.options.functionArn, condition, invokeCount: attempts, functionError, shardId: SHARD_ID }),
    );
    this.options.logger?.({ msg: 'stream batch discarded', consumer: this.options.consumer.name, condition, records: records.length, ...this.requestIds(records) });
  }

  /** `{requestIds}` for a log line, or nothing when no lookup is configured. */
  private requestIds(records: StreamRecord[]): { requestIds?: string[] } {
    return this.options.requestIds ? { requestIds: this.options.requestIds(records) } : {};
  }

  private checkpoint(sequenceNumber: string): void {
    this.position = sequenceNumber;
    if (this.checkpointFile) fs.writeFileSync(this.checkpointFile, JSON.stringify({ position: sequenceNumber }));
  }
}

/** Reads a partial batch response; `failedFrom` is the index to retry from. */
function partial(response: unknown, records: StreamRecord[]): Outcome {
  const failures = (response as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return { ok: true };
  if (!Array.isArray(failures)) return { ok: false, failedFrom: 0 };
  if (failures.length === 0) return { ok: true };
  let first = Infinity;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = typeof id === 'string' && id ? records.findIndex((r) => r.dynamodb.SequenceNumber === id) : -1;
    if (index < 0) return { ok: false, failedFrom: 0 };
    first = Math.min(first, index);
  }
  return { ok: false, failedFrom: first };
}
