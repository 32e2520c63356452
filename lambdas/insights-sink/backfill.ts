/**
 * Rebuilds the analytics database from the table: a Scan, each item through the same
 * `changeFromItem` the stream consumer uses, applied in chunks with sequence number 0 — so the
 * backfill fills what is missing and never overwrites a row the stream has written. It can run
 * while the stream keeps flowing, and as often as needed.
 *
 * What the table no longer holds cannot come back: TTL-expired cruds, unfollows and follows
 * since ended exist only in the analytics database (decision 023). So the backfill never
 * empties anything first.
 */
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { BACKFILL_SEQ, changeFromItem, type Change } from './changes.ts';
import type { InsightsDatabase } from './database.ts';

export interface BackfillOptions {
  dynamo: DynamoDBClient;
  tableName: string;
  db: InsightsDatabase;
  /** Changes per database call (default 100: one Data API request stays well under its size limits). */
  chunkSize?: number;
  /** Called after each applied chunk. */
  progress?(done: BackfillResult): void;
}

export interface BackfillResult {
  /** Items read from the table. */
  scanned: number;
  /** Changes applied (items Insights mirror). */
  applied: number;
}

/** Scans the whole table and applies every item Insights mirror. */
export async function backfill(options: BackfillOptions): Promise<BackfillResult> {
  const chunkSize = options.chunkSize ?? 100;
  const result: BackfillResult = { scanned: 0, applied: 0 };
  let pending: Change[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await options.db.apply(pending);
    result.applied += pending.length;
    pending = [];
    options.progress?.(result);
  };
  let startKey: Record<string, never> | undefined;
  do {
    const page = await options.dynamo.send(new ScanCommand({ TableName: options.tableName, ExclusiveStartKey: startKey }));
    for (const raw of page.Items ?? []) {
      result.scanned += 1;
      const change = changeFromItem(unmarshall(raw), BACKFILL_SEQ);
      if (!change) continue;
      pending.push(change);
      if (pending.length >= chunkSize) await flush();
    }
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey);
  await flush();
  return result;
}
