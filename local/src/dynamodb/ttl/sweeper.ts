/**
 * DynamoDB TTL, offline: items whose TTL attribute (a Number, epoch seconds) lies in the past are
 * deleted by "the service", and their REMOVE records carry
 * `userIdentity: {type: "Service", principalId: "dynamodb.amazonaws.com"}` ("Working with time to
 * live" / "TTL and DynamoDB Streams" pages). As in DynamoDB, non-Number values and values more than
 * five years old are ignored, and an item is re-checked at deletion time (a conditional delete),
 * so an item updated meanwhile survives.
 *
 * The sweep scans the whole table (dynalite keeps no index by TTL), which costs a minute of CPU
 * on a table of millions of items. Timed sweeps are therefore paced: after each page they rest
 * long enough that sweeping takes at most `backgroundShare` of the wall clock, so a large table
 * never starves the requests the server is answering. DynamoDB itself promises deletion only
 * "within a few days" of expiry, and every read already hides expired items. `sweepNow()` (tests,
 * benches) runs unpaced and hurries a paced sweep already under way.
 */
import type { Backend } from '../backend.ts';
import { BackendError } from '../backend.ts';
import type { AttributeMap } from '../streams/record.ts';
import type { StreamHub } from '../streams/hub.ts';
import type { WriteJournal } from '../front/journal.ts';

const FIVE_YEARS_S = 5 * 365 * 24 * 3600;

export interface TtlSweeperOptions {
  backend: Backend;
  hub: StreamHub;
  /** Tables with TTL enabled and their attribute. */
  tables: () => Promise<{ tableName: string; attributeName: string }[]>;
  /** Runs deletes under the front's write lock so records stay in commit order. */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  keySchema: (tableName: string) => Promise<string[] | null>;
  /** The front's crash journal: a delete interrupted by a crash still gets its record. */
  journal?: WriteJournal;
  intervalMs?: number;
  pageSize?: number;
  /** Largest share of wall-clock time a timed sweep may spend working (default 0.25). */
  backgroundShare?: number;
}

export class TtlSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private hurry = false;
  private wake?: () => void;

  constructor(private readonly options: TtlSweeperOptions) {}

  start(): void {
    const interval = this.options.intervalMs ?? 60_000;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.run(true).catch(() => undefined), interval);
    this.timer.unref();
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Deletes every expired item now; resolves with how many were deleted. A sweep already under
   * way is hurried and then followed by a fresh one: its scan may have passed keys written since
   * it began, so joining it alone would leave expired items behind.
   */
  async sweepNow(): Promise<number> {
    let before = 0;
    if (this.running) {
      this.hurryUp();
      before = await this.running.catch(() => 0);
    }
    return before + (await this.run(false));
  }

  private run(paced: boolean): Promise<number> {
    if (!paced) this.hurryUp();
    this.running ??= this.sweep(paced).finally(() => {
      this.running = undefined;
      this.hurry = false;
    });
    return this.running;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.hurryUp();
    await this.running?.catch(() => undefined);
  }

  private hurryUp(): void {
    this.hurry = true;
    this.wake?.();
  }

  /** Rests between pages of a paced sweep; `hurryUp()` ends the rest at once. */
  private rest(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
    });
  }

  private async sweep(paced: boolean): Promise<number> {
    const share = Math.min(1, Math.max(0.0001, this.options.backgroundShare ?? 0.25));
    let deleted = 0;
    for (const { tableName, attributeName } of await this.options.tables()) {
      const keyNames = await this.options.keySchema(tableName);
      if (!keyNames) continue;
      const now = Math.floor(Date.now() / 1000);
      let start: AttributeMap | undefined;
      do {
        const began = performance.now();
        const page: { Items?: AttributeMap[]; LastEvaluatedKey?: AttributeMap } = await this.options.backend.json('Scan', {
          TableName: tableName,
          Limit: this.options.pageSize ?? 500,
          FilterExpression: '#ttl < :now AND #ttl > :floor',
          ExpressionAttributeNames: { '#ttl': attributeName },
          ExpressionAttributeValues: { ':now': { N: String(now) }, ':floor': { N: String(now - FIVE_YEARS_S) } },
          ...(start ? { ExclusiveStartKey: start } : {}),
        });
        for (const item of page.Items ?? []) {
          const keys = Object.fromEntries(keyNames.map((k) => [k, item[k]]));
          if (await this.expire(tableName, attributeName, keys, now)) deleted += 1;
        }
        start = page.LastEvaluatedKey;
        if (paced && start && !this.hurry) await this.rest(((performance.now() - began) * (1 - share)) / share);
      } while (start);
    }
    return deleted;
  }

  private expire(tableName: string, attributeName: string, keys: AttributeMap, now: number): Promise<boolean> {
    return this.options.exclusive(async () => {
      const current = await this.options.backend.json<{ Item?: AttributeMap }>('GetItem', { TableName: tableName, Key: keys, ConsistentRead: true });
      this.options.journal?.begin([{ tableName, keys, oldImage: current.Item }], false);
      try {
        const res = await this.options.backend.json<{ Attributes?: AttributeMap }>('DeleteItem', {
          TableName: tableName,
          Key: keys,
          ConditionExpression: '#ttl < :now',
          ExpressionAttributeNames: { '#ttl': attributeName },
          ExpressionAttributeValues: { ':now': { N: String(now) } },
          ReturnValues: 'ALL_OLD',
        });
        if (!res.Attributes) return false;
        this.options.hub.commit([{ tableName, keys, oldImage: res.Attributes, byTtl: true }]);
        return true;
      } catch (err) {
        if (err instanceof BackendError && err.type === 'ConditionalCheckFailedException') return false;
        throw err;
      } finally {
        this.options.journal?.end();
      }
    });
  }
}
