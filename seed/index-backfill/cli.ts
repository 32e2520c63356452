/**
 * `npm run backfill:indexes`: the index backfill (index.ts) against the table the environment
 * names — TABLE_NAME, AWS_REGION and the SDK's credential chain; AWS_ENDPOINT_URL_DYNAMODB
 * redirects it (to an offline stack's DynamoDB endpoint, for example).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { backfillIndexes } from './index.ts';

/** Runs the backfill from the environment; returns the process exit code. */
export async function runIndexBackfill(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const tableName = env.TABLE_NAME;
  if (!tableName) {
    out('backfill-indexes: set TABLE_NAME (and AWS_REGION, credentials; AWS_ENDPOINT_URL_DYNAMODB for an offline table)');
    return 2;
  }
  const client = new DynamoDBClient({});
  try {
    const r = await backfillIndexes(client, tableName);
    out(`backfill-indexes: done — ${r.scanned} items scanned; added: ${r.names} profiles' name rows, ${r.likes} like indexes, ${r.replies} reply indexes; ${r.skipped} skipped (changed meanwhile)`);
    return 0;
  } finally {
    client.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runIndexBackfill().then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error) => {
      process.stderr.write(`backfill-indexes: ${err.name}: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
