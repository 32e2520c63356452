/**
 * Cruddur as the offline AppSync serves it: the one module of `local/` that knows the app. It
 * gathers the contract (`definitions/`), the resolvers, the functions' handler references and
 * the demo content (`seed/`) into one `AppDefinition`, which `startStack` serves when no other
 * app is given.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildAmplifyOutputs } from '../../../definitions/amplify-outputs.ts';
import { api } from '../../../definitions/api.ts';
import { buckets, IMMUTABLE_CACHE_CONTROL } from '../../../definitions/buckets.ts';
import { dataSources } from '../../../definitions/data-sources.ts';
import { database } from '../../../definitions/database.ts';
import { demoUsers } from '../../../definitions/demo-users.ts';
import { DEFAULT_MEMORY_MB, functions, type EnvironmentValues, type LambdaDefinition } from '../../../definitions/functions.ts';
import { explorerCaller, explorerExamples, explorerExamplesNote, explorerGuest } from '../../../definitions/explorer.ts';
import { bundleResolver, discoverResolvers } from '../../../definitions/resolvers.ts';
import { streamConsumers } from '../../../definitions/stream-consumers.ts';
import { table } from '../../../definitions/table.ts';
import { userPool } from '../../../definitions/user-pool.ts';
import { createSeedApi } from '../../../seed/api.ts';
import { seedDemoData } from '../../../seed/demo-data.ts';
import { backfillInsights } from '../../../seed/insights-backfill.ts';
import type { AppDefinition } from '../app-definition.ts';
import { repoRoot } from '../lambda-runtime/invoke.ts';

const schemaPath = path.join(repoRoot, 'schema.graphql');

export const cruddur: AppDefinition = {
  name: 'Cruddur',
  schema: fs.readFileSync(schemaPath, 'utf8'),
  resolvers: discoverResolvers(),
  bundleResolver,
  dataSources,
  api,
  table,
  userPool,
  buckets,
  streamConsumers,
  database: {
    name: database.name,
    migrate: { handler: functions.databaseMigrate.handler, functionName: functions.databaseMigrate.name },
  },
  demoUsers,
  explorer: { guest: explorerGuest, caller: explorerCaller, examples: explorerExamples, examplesNote: explorerExamplesNote },
  publicCacheControl: IMMUTABLE_CACHE_CONTROL,
  // The one amplify_outputs.json builder, which infra/scripts/write-outputs.ts calls too.
  buildOutputs: (endpoints) => buildAmplifyOutputs(endpoints, { api, userPool }),
  // Each function's declared variables (definitions/functions.ts), valued from this stack, and
  // its memory as the cloud deploys it (the CDK's default where the entry sets none).
  functions: Object.values(functions).map((fn: LambdaDefinition) => ({ ...fn, memorySize: fn.memorySize ?? DEFAULT_MEMORY_MB })),
  functionEnvironment: (c): Partial<EnvironmentValues> => ({
    tableName: c.tableName,
    graphqlUrl: c.graphqlUrl,
    userPoolId: c.userPool?.userPoolId,
    userPoolClientId: c.userPool?.clientId,
    uploadsBucket: c.storage?.bucketNames.UploadsBucket,
    assetsBucket: c.storage?.bucketNames.AssetsBucket,
    assetsBaseUrl: c.storage?.publicBaseUrl('AssetsBucket'),
    databaseClusterArn: c.dataApi?.resourceArn,
    databaseSecretArn: c.dataApi?.secretArn,
    databaseName: database.name,
    // The authorizer's guest policy reads the schema's public fields.
    schemaPath,
  }),
  // Every migration applied just now: a new Postgres, perhaps beside a table written before
  // Insights existed. Fill it from the table once (on a fresh data dir the table is empty).
  afterMigrations: async (context, migrated) => {
    if (migrated.applied === 0 || migrated.applied !== migrated.version) return;
    const filled = await backfillInsights(context);
    if (filled.applied) context.log({ ...filled }, 'Insights filled from the table');
  },
  seed: async ({ graphqlUrl, cognito, users }) => {
    await seedDemoData(createSeedApi({ graphqlUrl, cognitoUrl: cognito.url, clientId: cognito.clientId, users }));
  },
};
