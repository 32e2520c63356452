/**
 * The analytics database, declared once for both halves: in AWS an Aurora PostgreSQL cluster
 * reached through the RDS Data API (AppSync's RELATIONAL_DATABASE data source, and Lambdas via
 * `@aws-sdk/client-rds-data`); offline embedded PGlite (or DATABASE_URL) behind the local Data
 * API emulator. Migrations are plain SQL files applied in order, once each, by
 * `lambdas/database-migrate` (docs/database.md).
 */

export interface DatabaseDefinition {
  /** The database name every Data API call and the RDS data source use. */
  name: string;
  /** Folder of `NNN-name.sql` migration files, relative to the repository root. */
  migrationsDir: string;
}

export const database = { name: 'cruddur', migrationsDir: 'database/migrations' } as const satisfies DatabaseDefinition;

/** A migration file name: three-digit version, a dash, a lower-case kebab name, `.sql`. */
export const migrationFileName = /^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;

/** A row of `schema_migrations`: one per applied migration file. */
export interface AppliedMigration {
  version: number;
  name: string;
  /** SHA-256 (hex) of the file's bytes when it was applied; a changed file is refused. */
  checksum: string;
  appliedAt: string;
}

/** Lambda environment variables that address the database through the Data API. */
export const databaseEnv = {
  clusterArn: 'DATABASE_CLUSTER_ARN',
  secretArn: 'DATABASE_SECRET_ARN',
  name: 'DATABASE_NAME',
} as const;
