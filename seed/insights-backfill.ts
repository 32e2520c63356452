/**
 * Fills the Insights database from the table, through the offline Data API, with the backfill the
 * cloud runs (`npm run backfill:insights`). Needed wherever rows reach the table without passing
 * the stream: a data dir written before Insights existed (its Postgres starts empty) and the
 * large fixture (imported straight into the store). Safe beside a flowing stream (backfill.ts).
 */
import { RDSDataClient } from '@aws-sdk/client-rds-data';
import { backfill, type BackfillResult } from '../lambdas/insights-sink/backfill.ts';
import { dataApiDatabase } from '../lambdas/insights-sink/database.ts';
import type { DataApiHandle } from '../local/src/data-api/index.ts';
import type { DynamoStack } from '../local/src/dynamodb/index.ts';

export interface InsightsBackfillParts {
  dynamo: DynamoStack;
  dataApi: DataApiHandle;
  credential: { accessKeyId: string; secretAccessKey: string };
}

/** Scans the table into Postgres; resolves with the counts and the Data API calls it made. */
export async function backfillInsights(parts: InsightsBackfillParts): Promise<BackfillResult & { calls: number }> {
  const { dynamo, dataApi, credential } = parts;
  const client = new RDSDataClient({ endpoint: dataApi.endpoint, region: dynamo.region, credentials: credential });
  try {
    const sink = dataApiDatabase({ resourceArn: dataApi.resourceArn, secretArn: dataApi.secretArn, database: dataApi.databaseName }, client);
    const result = await backfill({ dynamo: dynamo.client, tableName: dynamo.tableName, db: sink });
    return { ...result, calls: sink.calls };
  } finally {
    client.destroy();
  }
}
