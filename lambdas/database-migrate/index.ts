/**
 * Applies the database migrations (definitions/database.ts: `database/migrations/NNN-name.sql`)
 * through the RDS Data API. In AWS it is the onEvent handler of a CloudFormation custom resource
 * behind the CDK Provider framework: Create and Update migrate, Delete does nothing (the data
 * stays with the cluster). Offline the stack invokes it (with no event) before serving. The
 * folder comes from DATABASE_MIGRATIONS_DIR when set (a bundled Lambda), else the repository's.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { database } from '../../definitions/database.ts';
import { RDSDataClient } from '@aws-sdk/client-rds-data';
import { databaseTarget } from '../shared/database.ts';
import { createLogger } from '../shared/logger.ts';
import { migrate, readMigrations } from './migrations.ts';

const logger = createLogger('database-migrate');

/** The CloudFormation custom resource event, as the CDK Provider framework passes it to onEvent. */
export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
  ResourceProperties?: Record<string, unknown>;
}

/** What onEvent returns to the Provider framework. */
export interface CustomResourceResponse {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

/** One resource for the migrated schema: its id never changes, so an Update never replaces it. */
const PHYSICAL_ID = 'cruddur-database-migrations';

const migrationsDir = () =>
  process.env.DATABASE_MIGRATIONS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..', database.migrationsDir);

export async function handler(event?: CustomResourceEvent): Promise<CustomResourceResponse> {
  if (event?.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId ?? PHYSICAL_ID };
  const migrations = await readMigrations(migrationsDir());
  // A client per run, from the environment of this invocation: it runs once per deploy or start.
  const client = new RDSDataClient({});
  const result = await migrate(client, databaseTarget(), migrations, (msg) => logger.debug(msg)).finally(() => client.destroy());
  // Quiet when there was nothing to do (every offline start after the first).
  if (result.applied.length) logger.info('database migrated', { applied: result.applied, version: result.version });
  return { PhysicalResourceId: PHYSICAL_ID, Data: { Applied: String(result.applied.length), Version: String(result.version) } };
}
