/**
 * AppSync data sources. Resolver file names refer to these by name (see definitions/resolvers.ts).
 * `local/` maps each to its offline twin; `infra/` creates the cloud data source.
 */
import { database } from './database.ts';
import { functions } from './functions.ts';

export type DataSourceDefinition =
  | { name: string; type: 'AMAZON_DYNAMODB'; /** The table's logical name (definitions/table.ts). */ table: string }
  | { name: string; type: 'NONE' }
  | { name: string; type: 'AWS_LAMBDA'; handler: string }
  // AppSync's RDS data source: resolver SQL runs through the Data API on the database
  // definitions/database.ts declares (offline: local/src/appsync/datasources/rds).
  | { name: string; type: 'RELATIONAL_DATABASE'; database: string };

export const dataSources: DataSourceDefinition[] = [
  { name: 'table', type: 'AMAZON_DYNAMODB', table: 'CruddurTable' },
  { name: 'NONE', type: 'NONE' },
  // Presigns avatar uploads (APPSYNC_JS cannot sign; docs/storage.md).
  { name: 'avatarUploads', type: 'AWS_LAMBDA', handler: functions.avatarUpload.handler },
  // Insights: analytics in Postgres (docs/database.md).
  { name: 'insights', type: 'RELATIONAL_DATABASE', database: database.name },
];
