/**
 * Tests' analytics database: an in-memory PGlite with database/migrations applied in order, and
 * the InsightsDatabase the sink would get, calling the same `insights_apply` statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Change } from '../changes.ts';
import type { InsightsDatabase } from '../database.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../../database/migrations');

export interface TestDatabase {
  pg: PGlite;
  db: InsightsDatabase & { calls: number };
  close(): Promise<void>;
}

export async function pgliteInsights(): Promise<TestDatabase> {
  const pg = new PGlite();
  for (const file of fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
    await pg.exec(fs.readFileSync(path.join(migrationsDir, file), 'utf8'));
  }
  const db = {
    calls: 0,
    async apply(changes: Change[]) {
      if (changes.length === 0) return;
      db.calls += 1;
      await pg.query('SELECT insights_apply($1::jsonb)', [JSON.stringify(changes)]);
    },
  };
  return { pg, db, close: () => pg.close() };
}

/** Empties every Insights table. */
export const resetInsights = (pg: PGlite) => pg.exec('TRUNCATE users, cruds, hashtags, crud_hashtags, engagements, follow_events RESTART IDENTITY CASCADE');

/** One database for the test file, emptied (and its call count zeroed) before each test. */
export function useInsightsDatabase(): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await pgliteInsights();
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await resetInsights(t!.pg);
    t!.db.calls = 0;
  });
  return () => t!;
}
