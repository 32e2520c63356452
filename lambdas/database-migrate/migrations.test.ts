/**
 * The migration runner against the offline Data API (real @aws-sdk/client-rds-data client), on
 * PGlite and on a real Postgres server: order, once each, records, refusal of a changed file,
 * one transaction per file, concurrent runners; and the custom resource handler's events.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import type { Database } from '../../local/src/database/index.ts';
import { databaseBackends, stopBackends } from '../../local/src/database/testing/backends.ts';
import { startDataApi } from '../../local/src/data-api/index.ts';
import { generateCredential } from '../../local/src/iam/local-credential.ts';
import type { DatabaseTarget } from '../shared/database.ts';
import { migrate, readMigrations } from './migrations.ts';

const fixtures = fileURLToPath(new URL('./testing/migrations', import.meta.url));
const credential = generateCredential();
const dirs: string[] = [];
afterAll(async () => {
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  await stopBackends();
});

/** A writable copy of the fixture migrations. */
function migrationsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-migrations-'));
  dirs.push(dir);
  fs.cpSync(fixtures, dir, { recursive: true });
  return dir;
}

async function serve(db: Database) {
  const handle = await startDataApi({ db, databaseName: 'cruddur', region: 'us-east-1', credentials: [credential] });
  const client = new RDSDataClient({ endpoint: handle.endpoint, region: 'us-east-1', credentials: credential });
  const target: DatabaseTarget = { resourceArn: handle.resourceArn, secretArn: handle.secretArn, database: 'cruddur' };
  const rows = async (sql: string) => (await client.send(new ExecuteStatementCommand({ ...target, sql, formatRecordsAs: 'JSON' }))).formattedRecords;
  return { handle, client, target, rows: async (sql: string) => JSON.parse((await rows(sql)) ?? '[]') as Record<string, unknown>[] };
}

describe.each(databaseBackends())('migrations on $name', (backend) => {
  describe.skipIf(backend.skip)(backend.skip ? `skipped: ${backend.skip}` : 'runs', () => {
    let db: Database;
    let api: Awaited<ReturnType<typeof serve>>;
    beforeEach(async () => {
      db = await backend.open();
      api = await serve(db);
    });
    afterEach(async () => {
      api.client.destroy();
      await api.handle.close();
      await db.close();
    });

    it('applies each file once, in order, and records it', async () => {
      const dir = migrationsDir();
      const first = await migrate(api.client, api.target, await readMigrations(dir));
      expect(first).toEqual({ applied: ['001-create-things.sql', '002-add-function.sql'], version: 2 });
      const recorded = await api.rows('SELECT version, name, checksum, applied_at IS NOT NULL AS stamped FROM schema_migrations ORDER BY version');
      const sha = (f: string) => createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
      expect(recorded).toEqual([
        { version: 1, name: 'create-things', checksum: sha('001-create-things.sql'), stamped: true },
        { version: 2, name: 'add-function', checksum: sha('002-add-function.sql'), stamped: true },
      ]);
      expect(await api.rows("SELECT thing_count() AS n, (SELECT label FROM thing) AS label, (SELECT column_default FROM information_schema.columns WHERE table_name = 'thing' AND column_name = 'label') AS d")).toEqual([{ n: 1, label: 'first', d: "'a;b'::text" }]);

      expect(await migrate(api.client, api.target, await readMigrations(dir))).toEqual({ applied: [], version: 2 });
      fs.writeFileSync(path.join(dir, '003-more.sql'), "INSERT INTO thing (label) VALUES ('third');");
      expect(await migrate(api.client, api.target, await readMigrations(dir))).toEqual({ applied: ['003-more.sql'], version: 3 });
      expect(await api.rows('SELECT count(*) AS n FROM thing')).toEqual([{ n: 2 }]);
    });

    it('refuses to run when an applied file was changed, applying nothing', async () => {
      const dir = migrationsDir();
      await migrate(api.client, api.target, await readMigrations(dir));
      fs.appendFileSync(path.join(dir, '001-create-things.sql'), '\n-- edited\n');
      fs.writeFileSync(path.join(dir, '003-more.sql'), 'CREATE TABLE more (id int);');
      await expect(migrate(api.client, api.target, await readMigrations(dir))).rejects.toThrow(/^001-create-things\.sql was changed after it was applied/);
      expect(await api.rows("SELECT to_regclass('more') IS NULL AS absent")).toEqual([{ absent: true }]);
    });

    it('rolls a failing file back whole, keeping the files before it', async () => {
      const dir = migrationsDir();
      fs.writeFileSync(path.join(dir, '003-broken.sql'), "INSERT INTO thing (label) VALUES ('half');\nINSERT INTO nowhere VALUES (1);");
      await expect(migrate(api.client, api.target, await readMigrations(dir))).rejects.toThrow(/^003-broken\.sql failed and was rolled back: ERROR: relation "nowhere" does not exist/);
      expect(await api.rows('SELECT max(version) AS v FROM schema_migrations')).toEqual([{ v: 2 }]);
      expect(await api.rows("SELECT count(*) AS n FROM thing WHERE label = 'half'")).toEqual([{ n: 0 }]);
    });

    it('applies each file once when two runners race', async () => {
      const migrations = await readMigrations(migrationsDir());
      const results = await Promise.all([migrate(api.client, api.target, migrations), migrate(api.client, api.target, migrations)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(['001-create-things.sql', '002-add-function.sql']);
      expect(await api.rows('SELECT count(*) AS n FROM thing')).toEqual([{ n: 1 }]);
    });
  });
});

describe('readMigrations', () => {
  it('refuses malformed names and duplicate versions', async () => {
    const dir = migrationsDir();
    fs.writeFileSync(path.join(dir, '4-bad.sql'), '');
    await expect(readMigrations(dir)).rejects.toThrow('4-bad.sql: migration files are named NNN-name.sql');
    fs.rmSync(path.join(dir, '4-bad.sql'));
    fs.writeFileSync(path.join(dir, '002-again.sql'), '');
    await expect(readMigrations(dir)).rejects.toThrow('version 002 is used twice');
  });
});

describe('custom resource handler', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('migrates on Create (and with no event, offline), does nothing on Delete', async () => {
    const [pglite] = databaseBackends();
    const db = await pglite.open();
    const api = await serve(db);
    try {
      Object.assign(process.env, {
        AWS_ENDPOINT_URL_RDS_DATA: api.handle.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: credential.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credential.secretAccessKey,
        DATABASE_CLUSTER_ARN: api.target.resourceArn,
        DATABASE_SECRET_ARN: api.target.secretArn,
        DATABASE_NAME: 'cruddur',
        DATABASE_MIGRATIONS_DIR: migrationsDir(),
      });
      delete process.env.AWS_SESSION_TOKEN;
      const { handler } = await import('./index.ts');
      expect(await handler({ RequestType: 'Delete', PhysicalResourceId: 'cruddur-database-migrations' })).toEqual({ PhysicalResourceId: 'cruddur-database-migrations' });
      expect(await api.rows("SELECT to_regclass('schema_migrations') IS NULL AS absent")).toEqual([{ absent: true }]);
      expect(await handler({ RequestType: 'Create' })).toEqual({ PhysicalResourceId: 'cruddur-database-migrations', Data: { Applied: '2', Version: '2' } });
      expect(await handler()).toEqual({ PhysicalResourceId: 'cruddur-database-migrations', Data: { Applied: '0', Version: '2' } });
    } finally {
      api.client.destroy();
      await api.handle.close();
      await db.close();
    }
  });
});
