/**
 * `npm run backfill:insights`: the backfill against whatever the environment names, as a Lambda
 * would see it — TABLE_NAME, DATABASE_CLUSTER_ARN, DATABASE_SECRET_ARN, DATABASE_NAME, AWS_REGION
 * and the SDK's credential chain; AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_RDS_DATA redirect it
 * (offline, `npx cruddur-local backfill-insights` sets those for the data dir's stack).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { backfill, type BackfillResult } from './backfill.ts';
import { databaseTargetFromEnv } from '../shared/database.ts';
import { dataApiDatabase } from './database.ts';

/** Runs the backfill from the environment; returns the process exit code. */
export async function runBackfill(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const config = databaseTargetFromEnv(env);
  const tableName = env.TABLE_NAME;
  if (!config || !tableName) {
    out('backfill-insights: set TABLE_NAME, DATABASE_CLUSTER_ARN, DATABASE_SECRET_ARN and DATABASE_NAME');
    return 2;
  }
  const db = dataApiDatabase(config);
  let last = 0;
  const report = (r: BackfillResult) => `${r.scanned} items scanned, ${r.applied} applied, ${db.calls} Data API calls`;
  const result = await backfill({
    dynamo: new DynamoDBClient({}),
    tableName,
    db,
    progress(r) {
      if (r.scanned - last >= 10000) {
        last = r.scanned;
        out(report(r));
      }
    },
  });
  out(`backfill-insights: done — ${report(result)}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBackfill().then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`backfill-insights: ${err.name}: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
