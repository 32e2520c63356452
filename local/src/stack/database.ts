/**
 * Postgres for RELATIONAL_DATABASE data sources, reached only through the Data API (decision 022):
 * the app's functions over HTTP (AWS_ENDPOINT_URL_RDS_DATA), the RDS data source in process.
 */
import type { FunctionEnvironments } from './function-environment.ts';
import type { AppDefinition, AppStartContext } from '../app-definition.ts';
import { startDataApi, type DataApiHandle } from '../data-api/index.ts';
import { openDatabase, type Database } from '../database/index.ts';
import type { HostCheck } from '../host-check/host-check.ts';
import { invokeHandler } from '../lambda-runtime/invoke.ts';

export interface DatabaseParts {
  db: Database;
  dataApi: DataApiHandle;
}

/** Opens the database and its Data API endpoint; `closers` receives their shutdowns in start order. */
export async function startDatabase(
  app: AppDefinition,
  options: { dataDir?: string; url?: string; region: string; credential: { accessKeyId: string; secretAccessKey: string }; port: number; host: string; hostCheck: HostCheck; log: (obj: object, msg: string) => void },
  closers: (() => Promise<unknown>)[],
): Promise<DatabaseParts> {
  const db = await openDatabase({ dataDir: options.dataDir, url: options.url });
  closers.push(() => db.close());
  const dataApi = await startDataApi({
    db,
    // An app without a database still gets an endpoint (it costs nothing until called).
    databaseName: app.database?.name ?? app.name,
    region: options.region,
    credentials: [options.credential],
    port: options.port,
    host: options.host,
    hostCheck: options.hostCheck,
    log: options.log,
  });
  closers.push(() => dataApi.close());
  return { db, dataApi };
}

/**
 * Applies the app's migrations with the handler AWS runs as a custom resource on deploy, before
 * anything is served, then gives the app its `afterMigrations` hook.
 */
export async function migrateDatabase(app: AppDefinition, env: FunctionEnvironments, context: AppStartContext): Promise<void> {
  const migrate = app.database?.migrate;
  if (!migrate) return;
  const migrated = (await invokeHandler(migrate.handler, undefined, { functionName: migrate.functionName, timeoutMs: 900_000, env: env.handledBy(migrate.handler) })) as { Data: { Applied: string; Version: string } };
  await app.afterMigrations?.(context, { applied: Number(migrated.Data.Applied), version: Number(migrated.Data.Version) });
}
