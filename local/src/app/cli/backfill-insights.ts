/**
 * `cruddur-local backfill-insights [--data-dir DIR]`: rebuilds the Insights database of a data dir
 * from its table, with the stack stopped (both stores belong to one process at a time). It opens
 * the data dir's DynamoDB and Postgres, serves the Data API on an ephemeral port, applies pending
 * migrations, and runs the same backfill as `npm run backfill:insights` does against AWS.
 */
import path from 'node:path';
import { RDSDataClient } from '@aws-sdk/client-rds-data';
import { database as databaseDefinition } from '../../../../definitions/database.ts';
import { migrate, readMigrations } from '../../../../lambdas/database-migrate/migrations.ts';
import { startDataApi } from '../../data-api/index.ts';
import { openDatabase } from '../../database/index.ts';
import { startDynamo } from '../../dynamodb/index.ts';
import { loadLocalCredential } from '../../iam/local-credential.ts';
import { backfillInsights } from '../../../../seed/insights-backfill.ts';
import { repoRoot } from '../../lambda-runtime/invoke.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

const USAGE = 'Usage: cruddur-local backfill-insights [--data-dir DIR]\n';

export async function run(args: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  let dataDir = path.join(repoRoot, '.cruddur');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-dir' && args[i + 1]) dataDir = path.resolve(args[++i]);
    else if (args[i].startsWith('--data-dir=')) dataDir = path.resolve(args[i].slice('--data-dir='.length));
    else {
      process.stderr.write(USAGE);
      return 2;
    }
  }
  // TTL stays off: a backfill reads the table as it is and deletes nothing.
  const dynamo = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
  const db = await openDatabase({ dataDir }).catch(async (err: unknown) => {
    await dynamo.close();
    throw err;
  });
  try {
    const credential = await loadLocalCredential(dataDir);
    const dataApi = await startDataApi({ db, databaseName: databaseDefinition.name, region: dynamo.region, credentials: [credential] });
    try {
      const client = new RDSDataClient({ endpoint: dataApi.endpoint, region: dynamo.region, credentials: credential });
      try {
        await migrate(client, { resourceArn: dataApi.resourceArn, secretArn: dataApi.secretArn, database: databaseDefinition.name }, await readMigrations(path.join(repoRoot, databaseDefinition.migrationsDir)));
      } finally {
        client.destroy();
      }
      const result = await backfillInsights({ dynamo, dataApi, credential });
      out(`backfill-insights: ${result.scanned} items scanned, ${result.applied} applied, ${result.calls} Data API calls`);
      return 0;
    } finally {
      await dataApi.close();
    }
  } finally {
    await db.close();
    await dynamo.close();
  }
}
