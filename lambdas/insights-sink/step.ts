/**
 * The Insights step of a stream batch: the batch's changes in one database call; if that fails,
 * record by record to find the one that fails, which is reported so the mapping retries from it
 * (partial batch response). A record that still fails after `maxHoldSeconds` in the stream is
 * skipped and reported to `onSkip` instead: the step shares the `feed-fanout` mapping (decision 023),
 * and a long database outage must not hold the feed back for longer than that. Skipped changes
 * are repaired by the backfill.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { changeFromRecord, type Change } from './changes.ts';
import type { InsightsDatabase } from './database.ts';

export interface StepOptions {
  db: InsightsDatabase;
  /** How long a failing record may hold its batch back, in seconds of stream age. */
  maxHoldSeconds: number;
  onSkip(record: DynamoDBRecord, error: Error): void;
  now?: () => number;
}

/** Default for `maxHoldSeconds`: covers an Aurora Serverless resume or a failover. */
export const DEFAULT_MAX_HOLD_SECONDS = 60;

interface Entry {
  record: DynamoDBRecord;
  change?: Change;
  error?: Error;
}

function toEntries(records: DynamoDBRecord[]): Entry[] {
  const entries: Entry[] = [];
  for (const record of records) {
    try {
      const change = changeFromRecord(record);
      if (change) entries.push({ record, change });
    } catch (err) {
      entries.push({ record, error: err as Error });
    }
  }
  return entries;
}

/** Applies the records' changes; returns the SequenceNumber to retry from, or null when done. */
export async function applyRecords(records: DynamoDBRecord[], options: StepOptions): Promise<string | null> {
  const entries = toEntries(records);
  if (entries.length === 0) return null;
  if (entries.every((e) => e.change)) {
    try {
      await options.db.apply(entries.map((e) => e.change as Change));
      return null;
    } catch {
      // Find the failing record below; the ones before it are applied again, which is harmless.
    }
  }
  const now = options.now ?? Date.now;
  for (const entry of entries) {
    try {
      if (entry.error) throw entry.error;
      await options.db.apply([entry.change as Change]);
    } catch (err) {
      const ageSeconds = now() / 1000 - Number(entry.record.dynamodb?.ApproximateCreationDateTime ?? 0);
      if (ageSeconds <= options.maxHoldSeconds) return entry.record.dynamodb?.SequenceNumber ?? '';
      options.onSkip(entry.record, err as Error);
    }
  }
  return null;
}
