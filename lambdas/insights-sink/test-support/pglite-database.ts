/**
 * Tests' analytics database: an in-memory PGlite with database/migrations applied in order, and
 * the InsightsDatabase the sink would get, calling the same `insights_apply` statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
