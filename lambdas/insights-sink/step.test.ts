/**
 * The Insights step's batching and failure reporting, on a real Postgres (PGlite): one database
 * call per batch, the failing record named in the partial batch response, and records that keep
 * failing past the hold skipped so the shared mapping moves on.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Change } from './changes.ts';
import type { InsightsDatabase } from './database.ts';
import { applyRecords } from './step.ts';
import { useInsightsDatabase } from './testing/pglite-database.ts';
import { inserted, items, ulidAt } from './testing/records.ts';

const database = useInsightsDatabase();

const now = new Date('2026-12-01T12:00:00Z');
function batch(n: number, at = now): DynamoDBRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const created = new Date(at.getTime() - i * 1000);
    return inserted(items.crud(ulidAt(created, i), `u-${i % 7}`, created, `crud ${i} #t${i % 3}`, { hashtags: [`t${i % 3}`] }), { at });
  });
}
const count = async () => (await database().pg.query<{ n: number }>('SELECT count(*)::int AS n FROM cruds')).rows[0].n;

/** The database, failing whenever a batch holds a change for which `fails` is true. */
function failingWhen(fails: (c: Change) => boolean): InsightsDatabase {
  return {
    async apply(changes) {
      if (changes.some(fails)) throw new Error('DatabaseErrorException: boom');
      await database().db.apply(changes);
    },
  };
}
const skipped: DynamoDBRecord[] = [];
const options = (db: InsightsDatabase, maxHoldSeconds = 60) => ({ db, maxHoldSeconds, now: () => now.getTime(), onSkip: (r: DynamoDBRecord) => skipped.push(r) });

describe('insights step', () => {
  it('applies a batch of 100 records in one Data API call', async () => {
    expect(await applyRecords(batch(100), options(database().db))).toBeNull();
    expect(database().db.calls).toBe(1);
    expect(await count()).toBe(100);
  });

  it('names the first failing record, having applied the ones before it', async () => {
    const records = batch(10);
    const bad = (records[6].dynamodb?.NewImage?.id as { S: string }).S;
    const failed = await applyRecords(records, options(failingWhen((c) => c.entity === 'crud' && c.id === bad)));
    expect(failed).toBe(records[6].dynamodb?.SequenceNumber);
    expect(await count()).toBe(6);
  });

  it('skips a record failing for longer than the hold, and goes on', async () => {
    skipped.length = 0;
    const old = batch(3, new Date(now.getTime() - 120_000));
    const bad = (old[1].dynamodb?.NewImage?.id as { S: string }).S;
    expect(await applyRecords(old, options(failingWhen((c) => c.entity === 'crud' && c.id === bad)))).toBeNull();
    expect(skipped).toEqual([old[1]]);
    expect(await count()).toBe(2);
  });

  it('reports a record whose item cannot be read, without applying it', async () => {
    const records = batch(3);
    delete (records[2].dynamodb?.NewImage as Record<string, unknown>).authorId;
    expect(await applyRecords(records, options(database().db))).toBe(records[2].dynamodb?.SequenceNumber);
    expect(await count()).toBe(2);
  });
});
