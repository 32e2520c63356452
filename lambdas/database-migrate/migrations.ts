/**
 * The migration runner's logic: read `NNN-name.sql` files, compare them with what
 * `schema_migrations` records, and apply the pending ones in order, each file in its own
 * transaction together with its record, through the RDS Data API. An applied file whose bytes
 * changed (SHA-256) stops the run before anything is applied: history is never rewritten, a
 * change is a new file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BeginTransactionCommand, CommitTransactionCommand, ExecuteStatementCommand, RollbackTransactionCommand, type RDSDataClient } from '@aws-sdk/client-rds-data';
import { migrationFileName } from '../../definitions/database.ts';
import type { DatabaseTarget } from '../shared/database.ts';
import { splitStatements } from '../../lib/postgres/sql-lexer.ts';

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

/** Taken while a file is applied, so two runners never apply the same one. */
const LOCK_KEY = 0x63727564; // "crud"

/** The migration files of `dir`, in version order. A malformed name or a duplicate version is an error. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const migrations: Migration[] = [];
  for (const file of names.filter((n) => n.endsWith('.sql')).sort()) {
    const m = migrationFileName.exec(file);
    if (!m) throw new Error(`${file}: migration files are named NNN-name.sql (three digits, a dash, lower-case words joined by dashes)`);
    const bytes = await fs.readFile(path.join(dir, file));
    const version = Number(m[1]);
    if (migrations.some((x) => x.version === version)) throw new Error(`${file}: version ${m[1]} is used twice`);
    migrations.push({ version, name: m[2], file, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') });
  }
  return migrations;
}

export interface MigrateResult {
  /** Files applied by this run, in order. */
  applied: string[];
  /** The highest applied version afterwards (0 when none). */
  version: number;
}

/** Applies the pending migrations; throws (having applied the earlier ones) when one fails. */
export async function migrate(client: RDSDataClient, target: DatabaseTarget, migrations: Migration[], log: (msg: string) => void = () => undefined): Promise<MigrateResult> {
  const run = (sql: string, extra: Partial<ExecuteStatementCommand['input']> = {}) => client.send(new ExecuteStatementCommand({ ...target, sql, ...extra }));
  const end = (how: typeof CommitTransactionCommand | typeof RollbackTransactionCommand, transactionId: string) =>
    client.send(new how({ resourceArn: target.resourceArn, secretArn: target.secretArn, transactionId }));
  /** Runs `fn` in a transaction holding the runners' lock; `fn` answering false rolls it back. */
  const locked = async (fn: (transactionId: string) => Promise<boolean>): Promise<boolean> => {
    const transactionId = (await client.send(new BeginTransactionCommand(target))).transactionId!;
    try {
      await run('SELECT pg_advisory_xact_lock(:key)', { transactionId, parameters: [{ name: 'key', value: { longValue: LOCK_KEY } }] });
      const keep = await fn(transactionId);
      await end(keep ? CommitTransactionCommand : RollbackTransactionCommand, transactionId);
      return keep;
    } catch (err) {
      await end(RollbackTransactionCommand, transactionId).catch(() => undefined);
      throw err;
    }
  };
  // Under the lock: two runners creating the table at once would collide in the catalog.
  await locked(async (transactionId) => {
    await run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      { transactionId },
    );
    return true;
  });
  const recorded = await run('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  const applied = new Map((recorded.records ?? []).map((r) => [Number(r[0].longValue), { name: r[1].stringValue!, checksum: r[2].stringValue! }]));
  for (const [version, row] of applied) {
    const file = migrations.find((m) => m.version === version);
    if (!file) throw new Error(`Migration ${String(version).padStart(3, '0')}-${row.name}.sql is recorded as applied but its file is missing`);
    if (file.checksum !== row.checksum) throw new Error(`${file.file} was changed after it was applied (checksum ${row.checksum} recorded, ${file.checksum} now); add a new migration instead`);
  }

  const done: string[] = [];
  for (const m of migrations.filter((x) => !applied.has(x.version))) {
    const appliedHere = await locked(async (transactionId) => {
      // Another runner may have applied it while this one waited for the lock.
      const again = await run('SELECT 1 FROM schema_migrations WHERE version = :v', { transactionId, parameters: [{ name: 'v', value: { longValue: m.version } }] });
      if (again.records?.length) return false;
      for (const statement of splitStatements(m.sql)) await run(statement, { transactionId });
      await run('INSERT INTO schema_migrations (version, name, checksum) VALUES (:v, :n, :c)', {
        transactionId,
        parameters: [
          { name: 'v', value: { longValue: m.version } },
          { name: 'n', value: { stringValue: m.name } },
          { name: 'c', value: { stringValue: m.checksum } },
        ],
      });
      return true;
    }).catch((err: unknown) => {
      throw new Error(`${m.file} failed and was rolled back: ${(err as Error).message}`, { cause: err });
    });
    if (!appliedHere) continue;
    log(`applied ${m.file}`);
    done.push(m.file);
  }
  const versions = [...applied.keys(), ...migrations.filter((m) => done.includes(m.file)).map((m) => m.version)];
  return { applied: done, version: versions.length ? Math.max(...versions) : 0 };
}
